package io.taolun.core.poll;

import java.time.Instant;

/**
 * Port: where polls and their tallies live; the poll service and the ritual runner open and close them here.
 * Implemented by the store; a fake in tests.
 */
public interface PollStore extends PollQueries {
    /** Stores a new poll and returns it with its id. */
    Poll open(NewPoll poll);

    /** Closes a poll by hand; false when it was already closed. */
    boolean close(long id, String by, Instant at);
}
