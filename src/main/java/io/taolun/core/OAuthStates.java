package io.taolun.core;

import java.time.Instant;

/**
 * Port: the one-time {@code state} values of OAuth installs under way, so that a redirect back from the platform is
 * taken only for an install this app started, once, before it expires, on any replica. Implemented on the database.
 */
public interface OAuthStates {
    /** Remembers a state until {@code expires}, and forgets the states expired by {@code now}. */
    void add(String state, Instant expires, Instant now);

    /** Whether the state was issued and has not expired or been used by {@code now}. */
    boolean available(String state, Instant now);

    /** Uses the state up (and forgets expired ones); true when it was there to use. */
    boolean remove(String state, Instant now);
}
