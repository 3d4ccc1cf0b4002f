package io.taolun.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A clock for trying rituals in the console: it shows a chosen instant until {@link #run} is called (so start-up
 * time does not count), then runs {@code speed} times faster than the clock under it, so a week of schedules can be
 * watched in minutes.
 */
final class AcceleratedClock extends Clock {
    private final Clock base;
    private final Instant start;
    private volatile Instant baseStart;
    private final double speed;

    AcceleratedClock(Clock base, Instant start, double speed) {
        this(base, start, null, speed);
    }

    private AcceleratedClock(Clock base, Instant start, Instant baseStart, double speed) {
        this.base = Objects.requireNonNull(base, "base");
        this.start = Objects.requireNonNull(start, "start");
        this.baseStart = baseStart;
        if (!(speed >= 1 && speed <= 1_000_000)) {
            throw new ConfigException("--clock-speed: " + speed + " is not between 1 and 1000000");
        }
        this.speed = speed;
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        AcceleratedClock self = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return self.withZone(other);
            }

            @Override
            public Instant instant() {
                return self.instant();
            }
        };
    }

    /** Starts the clock running from its start instant. */
    void run() {
        if (baseStart == null) {
            baseStart = base.instant();
        }
    }

    @Override
    public Instant instant() {
        Instant from = baseStart;
        if (from == null) {
            return start;
        }
        Duration real = Duration.between(from, base.instant());
        return start.plusNanos((long) (real.toNanos() * speed));
    }
}
