package io.taolun.core;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A post or edit the platform did not take. {@code retryable} says whether trying again later can succeed (rate
 * limits, server errors, a refused connection) or not (unknown channel, missing permission).
 */
public final class DeliveryException extends Exception {
    private final boolean retryable;
    private final transient Optional<Duration> retryAfter;

    public DeliveryException(String message, boolean retryable, Optional<Duration> retryAfter, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /** A failure worth retrying, with the wait the platform asked for, if it did ({@code Retry-After}). */
    public static DeliveryException retryable(String message, Optional<Duration> retryAfter, Throwable cause) {
        return new DeliveryException(message, true, retryAfter, cause);
    }

    /** A failure that another attempt will not fix. */
    public static DeliveryException permanent(String message, Throwable cause) {
        return new DeliveryException(message, false, Optional.empty(), cause);
    }

    public boolean retryable() {
        return retryable;
    }

    public Optional<Duration> retryAfter() {
        return retryAfter;
    }
}
