package io.taolun.core.ritual;

import io.taolun.core.ChannelRef;
import io.taolun.core.Lang;
import io.taolun.core.poll.Poll;
import io.taolun.core.poll.PollQueries;
import java.time.Clock;
import java.util.Optional;

/**
 * Records the posted message of a poll opened by hand as a made post of the outbox, so that from then on it is kept
 * current like a weekly poll's, closed at its deadline and its results posted once, and its reminder (if the rule
 * gives it one) is posted in its thread before the deadline. Telling it again changes nothing.
 */
public final class HandPollPosts {
    private final PollQueries polls;
    private final RitualRuns rituals;
    private final Outbox outbox;
    private final RitualScheduler scheduler;
    private final Clock clock;
    private final ReminderRule reminders;

    public HandPollPosts(PollQueries polls, RitualRuns rituals, Outbox outbox, RitualScheduler scheduler, Clock clock) {
        this(polls, rituals, outbox, scheduler, clock, ReminderRule.OFF);
    }

    /** @param reminders when the poll's reminder is posted in its message's thread before its deadline */
    public HandPollPosts(PollQueries polls, RitualRuns rituals, Outbox outbox, RitualScheduler scheduler, Clock clock,
            ReminderRule reminders) {
        this.reminders = reminders;
        this.polls = polls;
        this.rituals = rituals;
        this.outbox = outbox;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /**
     * Records the message.
     *
     * @return true when the message should be refreshed now: votes came between the post and this record, while the
     *         core had no message to edit
     */
    boolean record(long pollId, ChannelRef where, String messageId, Lang lang) {
        Optional<Poll> found = polls.find(pollId);
        if (found.isEmpty() || rituals.runOfPoll(pollId).isPresent()) {
            return false;
        }
        outbox.recordSent(new OutboxPost(key(pollId), OutboxPost.PostKind.POLL, where, Optional.empty(),
                Optional.of(pollId), OutboxPost.langPayload(lang)), messageId, clock.instant());
        // read after the record: a close by hand that commits later sees the record and closes the poll itself
        Poll poll = polls.find(pollId).orElse(found.get());
        if (poll.closedAt().isPresent()) {
            // closed by hand before its message was recorded: close (post the results) now
            scheduler.closePollNow(pollId);
            return false;
        }
        poll.closesAt().ifPresent(at -> scheduler.scheduleClosePoll(pollId, at));
        // in the thread under its message, in its language: once, however often the message is recorded
        reminders.dueFor(poll).ifPresent(due -> outbox.enqueue(new OutboxPost(key(pollId) + "m",
                OutboxPost.PostKind.REMINDER, where, Optional.of(key(pollId)), Optional.of(pollId),
                OutboxPost.langPayload(lang)), due));
        return polls.tally(poll).total() > 0;
    }

    /** The outbox key of a hand-opened poll's message: {@code u<poll id>}, its results' key adds {@code r<n>}. */
    static String key(long pollId) {
        return "u" + pollId;
    }
}
