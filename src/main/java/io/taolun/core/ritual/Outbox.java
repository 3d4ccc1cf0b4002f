package io.taolun.core.ritual;

import io.taolun.core.ChannelRef;
import io.taolun.core.Lang;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Port: the posts rituals have to make, and what became of them. Implemented by the store. */
public interface Outbox extends PostedPolls {
    /** Records a post unless one with its key is recorded already; true when it was new. */
    boolean enqueue(OutboxPost post, Instant now);

    /**
     * A recorded post that is waiting to be made, with its id, attempts so far, when it was recorded, and, when a
     * worker claimed it and died before storing the outcome, when that claim was made.
     */
    record Pending(long id, OutboxPost post, int attempts, Instant createdAt, Optional<Instant> inFlightSince) {
    }

    /** Posts waiting whose next attempt is due and that no live claim holds, oldest first, after the given id. */
    List<Pending> due(Instant now, long afterId, int limit);

    /** Every post recorded under keys starting with {@code prefix} (one run's posts), oldest first. */
    List<OutboxPost> withPrefix(String prefix);

    /** Takes a post for this worker until {@code until}; false when another worker holds it or it is done. */
    boolean claim(long id, String worker, Instant now, Instant until);

    /** The message id of a post that was made, by key. */
    Optional<String> messageId(String key);

    /** Whether the post with this key failed for good. */
    boolean failed(String key);

    void markSent(long id, String worker, String messageId, Instant at);

    void retryAt(long id, String worker, Instant at, String error);

    void markFailed(long id, String worker, String error);

    /**
     * Records a post that was made outside the outbox (an adapter's answer to {@code poll}), as made, with its
     * message id, unless one with its key is recorded already; true when it was new.
     */
    boolean recordSent(OutboxPost post, String messageId, Instant at);

    /**
     * A poll message that was posted, to be kept current.
     *
     * @param lang the language it was posted in; empty for a weekly poll's, shown in its channel's language
     */
    record Posted(ChannelRef where, String messageId, Optional<Lang> lang) {
        public Posted {
            Objects.requireNonNull(where, "where");
            Objects.requireNonNull(messageId, "messageId");
            Objects.requireNonNull(lang, "lang");
        }
    }

    /** The posted messages showing this poll. */
    @Override
    List<Posted> pollMessages(long pollId);

    /** How many posts are waiting. */
    int depth();
}
