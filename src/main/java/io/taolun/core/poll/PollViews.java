package io.taolun.core.poll;

import io.taolun.core.ChannelRef;
import io.taolun.core.Lang;
import io.taolun.core.Messages;
import io.taolun.core.Reply;
import io.taolun.core.Visibility;
import io.taolun.core.article.Article;
import io.taolun.core.article.Library;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The current state of a poll's own message (the claim, the buttons, the live tally), for adapters that keep the
 * posted poll up to date, such as Slack's {@code chat.update}, and for the posts rituals make.
 */
public final class PollViews {
    private final PollQueries store;
    /** Renders each poll with its own article; one whose seed is gone shows its question without the claim's notes. */
    private final PollReplies replies;
    private final Clock clock;

    public PollViews(PollService service, PollQueries store, ZoneId zone, Clock clock) {
        this(service.library(), store, zone, clock);
    }

    public PollViews(Article article, PollQueries store, ZoneId zone, Clock clock) {
        this(Library.of(article), store, zone, clock);
    }

    /** Renders each poll with the article it was opened on. */
    public PollViews(Library library, PollQueries store, ZoneId zone, Clock clock) {
        this(library, store, zone, clock, io.taolun.core.WebLinks.NONE);
    }

    /** @param links where the poll pages are on the web, for the link every poll message carries; or none */
    public PollViews(Library library, PollQueries store, ZoneId zone, Clock clock, io.taolun.core.WebLinks links) {
        this.store = store;
        this.replies = new PollReplies(library, zone, links);
        this.clock = clock;
    }

    /** The polls these views read, for other views of them (a report). */
    public PollQueries queries() {
        return store;
    }

    public Optional<Poll> find(long pollId) {
        return store.find(pollId);
    }

    /** The polls on this article still open in the channel now, for platforms that offer them while a user types. */
    public List<Poll> openIn(ChannelRef where, String articleId) {
        return store.openIn(where, articleId, clock.instant());
    }

    /** What a poll asks, in the reader's language: its claim's statement, or its own question. */
    public String statement(Poll poll, Lang lang) {
        return replies.statement(poll, lang);
    }

    /** The polls of a workspace still open now, newest first, at most {@code limit}. */
    public List<Poll> openInWorkspace(String platform, String workspace, int limit) {
        return store.openInWorkspace(platform, workspace, clock.instant(), limit);
    }

    /** The poll's message as of now. */
    public Reply message(Poll poll, Lang lang) {
        boolean visible = poll.resultsVisible(clock.instant());
        return replies.poll(poll, store.tally(poll), visible, Messages.of(lang), clock.instant());
    }

    /** A reminder with less than this left would come too late to act on: it is not posted. */
    public static final Duration REMINDER_TOO_LATE = Duration.ofMinutes(10);

    /**
     * The reminder in a poll's thread that it closes soon; empty once it has closed or has less than
     * {@link #REMINDER_TOO_LATE} left.
     */
    public Optional<Reply> reminder(Poll poll, Lang lang) {
        Instant now = clock.instant();
        if (!poll.isOpen(now) || poll.closesAt().isEmpty()
                || Duration.between(now, poll.closesAt().get()).compareTo(REMINDER_TOO_LATE) < 0) {
            return Optional.empty();
        }
        return Optional.of(replies.reminder(poll, store.tally(poll), poll.resultsVisible(now), Messages.of(lang), now));
    }

    /**
     * The results of a closed poll for its channel: the bars and, for a claim polled before in the workspace, the
     * change in agreement since the last earlier poll.
     */
    public Reply finalResults(Poll poll, Lang lang) {
        Tally tally = store.tally(poll);
        Messages m = Messages.of(lang);
        Optional<Poll> second = poll.round().paired() && !poll.round().isSecond() ? store.secondRound(poll.id())
                : Optional.empty();
        Reply results = replies.results(poll, tally, true, m, clock.instant(), Visibility.IN_CHANNEL,
                RoundShifts.of(store, poll), second);
        Optional<String> change = poll.claimId().flatMap(claim -> replies.changeSinceEarlier(poll, tally,
                store.onClaim(poll.where().platform(), poll.where().workspace(), poll.articleId(), claim),
                store::tally, m));
        if (change.isEmpty()) {
            return results;
        }
        List<io.taolun.core.Block> blocks = new ArrayList<>(results.blocks());
        blocks.add(new io.taolun.core.Block.Text(change.get()));
        return new Reply(results.title(), blocks, results.fields(), results.buttons(), results.attachment(),
                results.footer(), results.visibility(), false);
    }

    /** What the results chart of the poll shows. */
    public ChartSpec chart(Poll poll, Lang lang) {
        Tally tally = store.tally(poll);
        Messages m = Messages.of(lang);
        Optional<RoundShift> shift = RoundShifts.of(store, poll);
        List<ChartSpec.Bar> bars = new ArrayList<>();
        for (PollOption option : poll.options()) {
            int n = option.number();
            bars.add(shift.map(s -> new ChartSpec.Bar(option.label(lang), s.before().count(n), tally.count(n)))
                    .orElseGet(() -> new ChartSpec.Bar(option.label(lang), tally.count(n))));
        }
        String title = "#" + poll.id() + " " + replies.statement(poll, lang);
        if (shift.isPresent()) {
            return new ChartSpec(poll.id(), title, m.get("chart.roundSubtitle", poll.round().firstRound().orElseThrow(),
                    shift.get().before().total(), poll.id(), tally.total()),
                    bars, List.of(m.get("chart.round1"), m.get("chart.round2")));
        }
        return new ChartSpec(poll.id(), title, poll.multipleChoice()
                ? m.get("chart.subtitleSeveral", tally.voters(), tally.total(), poll.maxChoices())
                : m.get("chart.subtitle", tally.total()), bars);
    }
}
