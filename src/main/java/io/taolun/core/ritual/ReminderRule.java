package io.taolun.core.ritual;

import io.taolun.core.poll.Poll;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * When a poll's reminder is posted in its thread: {@code before} its deadline, for a poll whose deadline was more than
 * {@code ifOpenLongerThan} away when it opened (a short poll is still fresh in everyone's mind). A zero {@code before}
 * turns reminders off.
 */
public record ReminderRule(Duration before, Duration ifOpenLongerThan) {
    /** No reminders. */
    public static final ReminderRule OFF = new ReminderRule(Duration.ZERO, Duration.ZERO);
    /** 24 hours before a deadline more than two days away. */
    public static final ReminderRule DEFAULT = new ReminderRule(Duration.ofHours(24), Duration.ofHours(48));

    public ReminderRule {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(ifOpenLongerThan, "ifOpenLongerThan");
        if (before.isNegative() || ifOpenLongerThan.isNegative()) {
            throw new IllegalArgumentException("a reminder's times are not negative");
        }
        if (!before.isZero() && before.compareTo(Duration.ofHours(1)) < 0) {
            throw new IllegalArgumentException("a reminder comes at least an hour before the deadline");
        }
        if (ifOpenLongerThan.compareTo(before) < 0) {
            throw new IllegalArgumentException("a reminder " + before.toHours()
                    + " hours before the deadline needs polls open at least that long");
        }
    }

    /** When the poll's reminder is due; empty when it gets none (no deadline, too short, or reminders are off). */
    public Optional<Instant> dueFor(Poll poll) {
        if (before.isZero() || poll.closesAt().isEmpty()) {
            return Optional.empty();
        }
        Instant deadline = poll.closesAt().get();
        if (Duration.between(poll.openedAt(), deadline).compareTo(ifOpenLongerThan) <= 0) {
            return Optional.empty();
        }
        return Optional.of(deadline.minus(before));
    }
}
