package io.taolun.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock tests move by hand; shared by every part of a test, the scheduler included. A ticking one also runs on in
 * real time from where it was set, as db-scheduler needs: its poller waits in clock time.
 */
public final class SettableClock extends Clock {
    private final boolean ticking;
    private Instant base;
    private long setAtNanos;

    public SettableClock(Instant start) {
        this(start, false);
    }

    private SettableClock(Instant start, boolean ticking) {
        this.ticking = ticking;
        set(start);
    }

    /** A clock that starts at {@code start} and runs on in real time until set again. */
    public static SettableClock ticking(Instant start) {
        return new SettableClock(start, true);
    }

    public synchronized void set(Instant value) {
        base = value;
        setAtNanos = System.nanoTime();
    }

    public synchronized void advance(Duration by) {
        set(instant().plus(by));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        SettableClock self = this;
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

    @Override
    public synchronized Instant instant() {
        return ticking ? base.plusNanos(System.nanoTime() - setAtNanos) : base;
    }
}
