package io.taolun.core.ritual;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: the outbox as a delivery pass works through it: due posts, claims and outcomes. Implemented by the store. */
public interface OutboxQueue {
    /**
     * A recorded post that is waiting to be made, with its id, attempts so far, when it was recorded, and, when a
     * worker claimed it and died before storing the outcome, when that claim was made.
     */
    record Pending(long id, OutboxPost post, int attempts, Instant createdAt, Optional<Instant> inFlightSince) {
    }

    /** Posts waiting whose next attempt is due and that no live claim holds, oldest first, after the given id. */
    List<Pending> due(Instant now, long afterId, int limit);

    /** Takes a post for this worker until {@code until}; false when another worker holds it or it is done. */
    boolean claim(long id, String worker, Instant now, Instant until);

    /** The message id of a post that was made, by key. */
    Optional<String> messageId(String key);

    /** Whether the post with this key failed for good. */
    boolean failed(String key);

    void markSent(long id, String worker, String messageId, Instant at);

    void retryAt(long id, String worker, Instant at, String error);

    void markFailed(long id, String worker, String error);

    /** Marks a post as not to be made, and why: nothing went wrong, it is no longer wanted. */
    void markSkipped(long id, String worker, String why);
}
