package io.taolun.core.ritual;

import io.taolun.core.ChannelRef;
import java.util.Objects;
import java.util.Optional;

/**
 * A post to make, recorded before it is made.
 *
 * @param key        unique per post, at most 25 characters of {@code [A-Za-z0-9]} (it doubles as Discord's nonce)
 * @param kind       what to render
 * @param where      the channel
 * @param threadOf   the key of the post to reply under, in its thread
 * @param pollId     the poll it shows, for poll, thread and results posts
 * @param payload    what else rendering needs (a quote's number and date)
 */
public record OutboxPost(String key, PostKind kind, ChannelRef where, Optional<String> threadOf,
        Optional<Long> pollId, String payload) {
    public OutboxPost {
        Objects.requireNonNull(key, "key");
        if (!key.matches("[A-Za-z0-9]{1,25}")) {
            throw new IllegalArgumentException("bad outbox key " + key);
        }
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(threadOf, "threadOf");
        Objects.requireNonNull(pollId, "pollId");
        Objects.requireNonNull(payload, "payload");
    }

    /** What an outbox post shows. */
    public enum PostKind {
        QUOTE,
        POLL,
        THREAD,
        RESULTS
    }
}
