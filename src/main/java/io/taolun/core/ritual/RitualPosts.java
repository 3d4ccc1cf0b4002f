package io.taolun.core.ritual;

import io.taolun.core.Block;
import io.taolun.core.ChannelRef;
import io.taolun.core.Lang;
import io.taolun.core.Messages;
import io.taolun.core.Reply;
import io.taolun.core.Visibility;
import io.taolun.core.article.Article;
import io.taolun.core.article.Claim;
import io.taolun.core.article.Closing;
import io.taolun.core.article.Library;
import io.taolun.core.article.Quote;
import io.taolun.core.poll.Poll;
import io.taolun.core.poll.PollViews;
import io.taolun.core.poll.ResultChart;
import io.taolun.core.report.ReportDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a ritual's post says, rendered when it is delivered, in the language of the channel it goes to: the quote of
 * the day, the weekly poll (with its live tally), the thread under it, and the results with their chart.
 */
public final class RitualPosts {
    private final Library library;
    private final PollViews polls;
    private final ResultChart chart;
    private final Function<ChannelRef, Lang> languages;

    public RitualPosts(Article article, PollViews polls, ResultChart chart, Function<ChannelRef, Lang> languages) {
        this(Library.of(article), polls, chart, languages);
    }

    /** @param library a post shows the article of its poll, or the one its quote names */
    public RitualPosts(Library library, PollViews polls, ResultChart chart, Function<ChannelRef, Lang> languages) {
        this.library = library;
        this.polls = polls;
        this.chart = chart;
        this.languages = languages;
    }

    /** The post's reply; throws {@link IllegalStateException} when what it shows is gone. */
    public Reply render(OutboxPost post) {
        // a poll opened by hand is shown in the language it was posted in; a ritual's posts in their channel's
        Lang lang = post.lang().orElseGet(() -> languages.apply(post.where()));
        Messages m = Messages.of(lang);
        return switch (post.kind()) {
            case QUOTE -> quote(post.payload(), m);
            case POLL -> polls.message(poll(post), lang);
            case THREAD -> thread(poll(post), post.payload(), m);
            case ROUND_TWO -> roundTwo(poll(post), m);
            case RESULTS -> {
                Poll poll = poll(post);
                Reply results = withChart(polls.finalResults(poll, lang), poll, lang);
                yield post.payload().equals(OutboxPost.DIGEST) ? withDigest(results, poll, m) : results;
            }
        };
    }

    /** The live message of a poll, for refreshing its posts. */
    public Reply pollMessage(Poll poll, ChannelRef where) {
        return polls.message(poll, languages.apply(where));
    }

    /** The live message of a posted poll, in the language it was posted in, else its channel's. */
    public Reply pollMessage(Poll poll, Outbox.Posted message) {
        return polls.message(poll, message.lang().orElseGet(() -> languages.apply(message.where())));
    }

    /** {@code <number> <date> <article id>}; posts queued before the library name no article (the default one). */
    private Reply quote(String payload, Messages m) {
        String[] parts = payload.split(" ", 3);
        int number = Integer.parseInt(parts[0]);
        Article article = parts.length > 2 ? library.find(parts[2]).orElseThrow(
                () -> new IllegalStateException("article " + parts[2] + " is gone from the seeds"))
                : library.orDefault("");
        Quote quote = article.quotes().stream().filter(q -> q.number() == number).findFirst()
                .orElseThrow(() -> new IllegalStateException("quote " + number + " is gone from the article"));
        return Reply.builder().title(m.get("quote.today", parts[1]))
                .quote(quote.text(), m.lang() == Lang.EN ? quote.gloss() : "", quote.section().label(m))
                .footer(m.get("quote.footer", quote.number(), article.quotes().size()))
                .visibility(Visibility.IN_CHANNEL)
                .build();
    }

    /**
     * The thread under a weekly poll; without the claim's section when its article has left the seeds. Its title
     * names the poll and the claim: Discord names the thread after it, and every thread's question is the same.
     */
    private Reply thread(Poll poll, String claimId, Messages m) {
        Optional<Article> article = library.find(poll.articleId());
        Optional<Claim> claim = article.flatMap(a -> a.claims().stream().filter(c -> c.id().equals(claimId))
                .findFirst());
        Optional<Closing> closing = article.flatMap(Article::closing);
        String question = closing.map(Closing::text).orElse("你觉得呢？");
        String gloss = closing.map(Closing::gloss).orElse(m.get("discuss.question"));
        Reply.Builder reply = Reply.builder().title(m.get("thread.title", poll.id(), claimId,
                m.lang() == Lang.EN ? question + " · " + gloss : question));
        claim.map(Claim::section).ifPresent(section -> {
            reply.text(section.label(m));
            section.summary().ifPresent(summary -> reply.text(summary.in(m.lang())));
        });
        return reply.text(m.get("discuss.invite")).visibility(Visibility.IN_CHANNEL).build();
    }

    /** In round 1's thread: round 2 is open in the channel. */
    private static Reply roundTwo(Poll second, Messages m) {
        long first = second.round().firstRound().orElseThrow(
                () -> new IllegalStateException("poll " + second.id() + " is not a round 2"));
        return Reply.builder().title(m.get("round.threadTitle"))
                .text(m.get("round.threadText", second.id(), first))
                .visibility(Visibility.IN_CHANNEL).build();
    }

    /** The results, ending with the channel's week in one line (when the poll's article is still in the seeds). */
    private Reply withDigest(Reply results, Poll poll, Messages m) {
        Optional<Article> article = library.find(poll.articleId());
        if (article.isEmpty()) {
            return results;
        }
        List<Block> blocks = new ArrayList<>(results.blocks());
        blocks.add(new Block.Text(ReportDigest.line(article.get(), polls.queries(), poll.where(),
                poll.closedAt().orElse(poll.openedAt()), m)));
        return new Reply(results.title(), blocks, results.fields(), results.buttons(), results.attachment(),
                results.footer(), results.visibility(), results.error());
    }

    private Reply withChart(Reply results, Poll poll, Lang lang) {
        return new Reply(results.title(), results.blocks(), results.fields(), results.buttons(),
                java.util.Optional.of(chart.render(polls.chart(poll, lang))), results.footer(),
                Visibility.IN_CHANNEL, false);
    }

    private Poll poll(OutboxPost post) {
        long id = post.pollId().orElseThrow(() -> new IllegalStateException("a poll post without a poll"));
        return polls.find(id).orElseThrow(() -> new IllegalStateException("poll " + id + " is gone"));
    }
}
