package io.taolun.core.poll;

import java.time.Instant;
import java.util.Objects;

/** One press of a poll button: who chose which option of which poll, and when. */
public record VoteRequest(long pollId, String platform, String user, int option, Instant at) {
    public VoteRequest {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(at, "at");
        if (option < 1) {
            throw new IllegalArgumentException("option must be 1 or more");
        }
    }
}
