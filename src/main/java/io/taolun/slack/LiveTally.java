package io.taolun.slack;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Keeps a posted poll message's tally current with at most one update per message per second, however fast people
 * vote: the first change schedules an update, later changes ride along with it, and a change arriving during an
 * update schedules the next one a second after it.
 */
final class LiveTally {
    /** A posted poll message. */
    record Target(String workspace, String channel, String ts, long pollId) {
    }

    static final long MIN_INTERVAL_MILLIS = 1000;

    private final ScheduledExecutorService timers;
    private final Clock clock;
    private final Consumer<Target> update;
    private final Map<Target, State> states = new ConcurrentHashMap<>();

    private static final class State {
        boolean scheduled;
        long lastSent = Long.MIN_VALUE / 2;
    }

    /** @param update sends one update of the message (runs on {@code timers}) */
    LiveTally(ScheduledExecutorService timers, Clock clock, Consumer<Target> update) {
        this.timers = timers;
        this.clock = clock;
        this.update = update;
    }

    void changed(Target target) {
        State state = states.computeIfAbsent(target, t -> new State());
        long delay;
        synchronized (state) {
            if (state.scheduled) {
                return;
            }
            state.scheduled = true;
            delay = Math.max(0, state.lastSent + MIN_INTERVAL_MILLIS - clock.millis());
        }
        timers.schedule(() -> send(target, state), delay, TimeUnit.MILLISECONDS);
    }

    private void send(Target target, State state) {
        synchronized (state) {
            state.scheduled = false;
            state.lastSent = clock.millis();
        }
        update.accept(target);
    }
}
