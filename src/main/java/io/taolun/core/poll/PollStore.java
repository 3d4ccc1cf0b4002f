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
     * Adds a voter's option at the end of a poll that takes them, if it is open at {@code at}, has fewer than
     * {@link Poll#MAX_OPTIONS} options and none with the same label: decided under the poll's lock.
     */
    OptionAdded addOption(long pollId, String label, String by, Instant at);

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
