package io.taolun.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A clock for trying rituals in the console: it starts at a chosen instant and runs {@code speed} times faster than
 * the clock under it, so a week of schedules can be watched in minutes.
 */
final class AcceleratedClock extends Clock {
    private final Clock base;
    private final Instant start;
    private final Instant baseStart;
    private final double speed;

    AcceleratedClock(Clock base, Instant start, double speed) {
        this(base, start, base.instant(), speed);
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
        return new AcceleratedClock(base.withZone(zone), start, baseStart, speed);
    }

    @Override
    public Instant instant() {
        Duration real = Duration.between(baseStart, base.instant());
        return start.plusNanos((long) (real.toNanos() * speed));
    }
}
