package io.taolun.core.poll;

import java.time.Instant;
import java.util.Optional;

/**
 * Port: where polls and their tallies live; the poll service and the ritual runner open and close them here.
 * Implemented by the store; a fake in tests.
 */
public interface PollStore extends PollQueries {
    /** Stores a new poll and returns it with its id. */
    Poll open(NewPoll poll);

    /**
     * Closes a poll by hand; false when it was already closed. Closing a poll of two rounds forgets the pair's salt:
     * round 2 cannot open after round 1 closed, and no vote can come after round 2 closed.
     */
    boolean close(long id, String by, Instant at);

    /**
     * Adds an option at the end of a poll, if it is open at {@code at}, has fewer than {@link Poll#MAX_OPTIONS} options
     * and none with the same label: decided under the poll's lock. A voter's ({@code voter}) only to a poll that takes
     * voters' options, and named as its author; the opener's (or an admin's) to any, recorded as an edit.
     */
    OptionAdded addOption(long pollId, String label, String by, Instant at, boolean voter);

    /** A voter's option: see {@link #addOption(long, String, String, Instant, boolean)}. */
    default OptionAdded addOption(long pollId, String label, String by, Instant at) {
        return addOption(pollId, label, by, at, true);
    }

    /**
     * Replaces the question and options of an open poll no one has voted on, checked under its lock (a withdrawn vote
     * counts as a vote): false once anyone has. Recorded as an edit.
     */
    boolean rewrite(long pollId, String question, java.util.List<PollOption> options, String by, Instant at);

    /** Moves the deadline of a poll still open at {@code at}; false when it has closed. Recorded as an edit. */
    boolean reschedule(long pollId, Instant closesAt, String by, Instant at);

    /**
     * Removes an option of an open poll with more than two: kept with its votes, which no longer count, and recorded.
     * False when it is not there, or the poll closed or has two options left.
     */
    boolean removeOption(long pollId, int number, String by, Instant at);

    /** Whether anyone has ever voted on the poll, even if they withdrew since or their option was removed. */
    boolean anyVote(long pollId);

    /** Deletes a poll (closing it if open): shown to no one from then on. False when it was deleted already. */
    boolean delete(long pollId, String by, Instant at);

    /** The poll as stored now, past any copy kept in memory (an option another replica added). */
    default Optional<Poll> reread(long id) {
        return find(id);
    }

    /**
     * Opens round 2 of a pair and, in the same transaction, closes its round 1 (named by the round), unless it is
     * closed already. Empty when the pair has its round 2 already.
     */
    Optional<Poll> openSecondRound(NewPoll second);
}
