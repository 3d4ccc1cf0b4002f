package io.taolun.core.poll;

import java.time.Instant;
import java.util.Objects;

/**
 * One press of a poll button: who chose which option of which poll, and when; {@code delivery} is the platform's id
 * for the press (empty when it has none), so that a re-delivery of the same press is counted once.
 */
public record VoteRequest(long pollId, String platform, String user, int option, Instant at, String delivery) {
    /** A press without a delivery id. */
    public VoteRequest(long pollId, String platform, String user, int option, Instant at) {
        this(pollId, platform, user, option, at, "");
    }

    public VoteRequest {
        Objects.requireNonNull(delivery, "delivery");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(at, "at");
        if (option < 1) {
            throw new IllegalArgumentException("option must be 1 or more");
        }
    }
}
