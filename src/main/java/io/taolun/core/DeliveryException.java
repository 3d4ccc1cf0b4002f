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
    private final boolean uncertain;
    private final transient Optional<Duration> retryAfter;

    public DeliveryException(String message, boolean retryable, Optional<Duration> retryAfter, Throwable cause) {
        this(message, retryable, false, retryAfter, cause);
    }

    private DeliveryException(String message, boolean retryable, boolean uncertain, Optional<Duration> retryAfter,
            Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
        this.uncertain = uncertain;
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /**
     * A failure after which the platform may or may not have posted (a server error, a lost answer), from a platform
     * that drops a repeat of the same dedupe key for a few minutes: retried soon, and only within that window.
     */
    public static DeliveryException uncertain(String message, Throwable cause) {
        return new DeliveryException(message, true, true, Optional.empty(), cause);
    }

    /** Whether the platform may have taken the post despite the failure. */
    public boolean uncertain() {
        return uncertain;
    }

    /** A failure worth retrying, with the wait the platform asked for, if it did ({@code Retry-After}). */
    public static DeliveryException retryable(String message, Optional<Duration> retryAfter, Throwable cause) {
        return new DeliveryException(message, true, retryAfter, cause);
    }

    /**
     * A failure after which the platform may have posted, from a platform that does not drop repeats: not tried
     * again, so that nothing is posted twice, and the caller can say that it may have been posted.
     */
    public static DeliveryException maybeDone(String message, Throwable cause) {
        return new DeliveryException(message, false, true, Optional.empty(), cause);
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
