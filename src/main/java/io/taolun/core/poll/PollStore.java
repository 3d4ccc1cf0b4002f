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
     * Opens round 2 of a pair and, in the same transaction, closes its round 1 (named by the round), unless it is
     * closed already. Empty when the pair has its round 2 already.
     */
    Optional<Poll> openSecondRound(NewPoll second);
}
