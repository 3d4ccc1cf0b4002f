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
import io.taolun.core.article.Prompt;
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
            case PROMPT -> prompt(poll(post), post.payload(), m);
            case REMINDER -> {
                Poll poll = poll(post);
                yield polls.reminder(poll, lang).orElseThrow(
                        () -> new SkipPost("poll " + poll.id() + " has closed or closes within "
                                + PollViews.REMINDER_TOO_LATE.toMinutes() + " minutes"));
            }
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
     * The thread under a weekly poll: the claim's paragraph in the article's own words (with its English translation
     * in an English channel), cited by section and line, and the claim's first discussion prompt; only the invitation
     * when the article has left the seeds. Its title names the poll and the claim: Discord names the thread after it.
     */
    private Reply thread(Poll poll, String claimId, Messages m) {
        Optional<Article> article = library.find(poll.articleId());
        Optional<Claim> claim = article.flatMap(a -> claim(a, claimId));
        Optional<Closing> closing = article.flatMap(Article::closing);
        String question = closing.map(Closing::text).orElse("你觉得呢？");
        String gloss = closing.map(Closing::gloss).orElse(m.get("discuss.question"));
        Reply.Builder reply = Reply.builder().title(m.get("thread.title", poll.id(), claimId,
                m.lang() == Lang.EN ? question + " · " + gloss : question));
        if (claim.isPresent()) {
            Claim c = claim.get();
            String paragraph = article.get().lines().get(c.line() - 1).strip();
            String english = m.lang() == Lang.EN ? article.get().translationOf(c.line()).orElse("") : "";
            reply.quote(paragraph, english, m.get("thread.cite", c.section().label(m), c.line()));
            reply.text(promptLine(c, 1, m));
        }
        return reply.text(m.get("discuss.invite")).visibility(Visibility.IN_CHANNEL).build();
    }

    /** {@code <claim id> <number>}: what a follow-up prompt post names. */
    static String promptPayload(Claim claim, int number) {
        return claim.id() + " " + number;
    }

    /** A follow-up prompt in the thread; skipped once the poll has closed. */
    private Reply prompt(Poll poll, String payload, Messages m) {
        if (poll.closedAt().isPresent()) {
            throw new SkipPost("poll " + poll.id() + " has closed");
        }
        String[] parts = payload.split(" ", 2);
        Article article = library.find(poll.articleId()).orElseThrow(
                () -> new IllegalStateException("article " + poll.articleId() + " is gone from the seeds"));
        Claim claim = claim(article, parts[0]).orElseThrow(
                () -> new IllegalStateException("claim " + parts[0] + " is gone from the article"));
        int number = Integer.parseInt(parts[1]);
        if (number > claim.prompts().size()) {
            throw new SkipPost("claim " + claim.id() + " has no prompt " + number + " any more");
        }
        return Reply.builder().text(promptLine(claim, number, m)).text(m.get("prompt.nobodyYet"))
                .visibility(Visibility.IN_CHANNEL).build();
    }

    /** "讨论题 1/3：…", marked when the prompt comes from its kind's template. */
    private static String promptLine(Claim claim, int number, Messages m) {
        Prompt prompt = claim.prompts().get(number - 1);
        String line = m.get("prompt.line", number, claim.prompts().size(), prompt.text().in(m.lang()));
        return prompt.automatic() ? line + m.get("prompt.automatic") : line;
    }

    private static Optional<Claim> claim(Article article, String claimId) {
        return article.claims().stream().filter(c -> c.id().equals(claimId)).findFirst();
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
        Poll poll = polls.find(id).orElseThrow(() -> new IllegalStateException("poll " + id + " is gone"));
        if (poll.deletedAt().isPresent()) {
            // nothing more is posted for a deleted poll: no results, reminder, thread or prompt
            throw new SkipPost("poll " + id + " was deleted");
        }
        return poll;
    }
}
