package io.taolun.core.poll;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Keeps something current (a posted poll message's tally) with at most one update per key per interval, however
 * often it changes: the first change schedules an update, later changes ride along with it, and a change arriving
 * during an update schedules the next one an interval after it. Adapters use it to respect platform rate limits.
 *
 * @param <K> what is updated, e.g. a posted message
 */
public final class CoalescedUpdates<K> {
    private final ScheduledExecutorService timers;
    private final Clock clock;
    private final long intervalMillis;
    private final Consumer<K> update;
    private final Map<K, State> states = new ConcurrentHashMap<>();

    private static final class State {
        boolean scheduled;
        long lastSent = Long.MIN_VALUE / 2;
    }

    /** @param update sends one update (runs on {@code timers}; hand slow work to another executor) */
    public CoalescedUpdates(ScheduledExecutorService timers, Clock clock, Duration interval, Consumer<K> update) {
        this.timers = timers;
        this.clock = clock;
        this.intervalMillis = interval.toMillis();
        this.update = update;
    }

    public void changed(K key) {
        State state = states.computeIfAbsent(key, k -> new State());
        long delay;
        synchronized (state) {
            if (state.scheduled) {
                return;
            }
            state.scheduled = true;
            delay = Math.max(0, state.lastSent + intervalMillis - clock.millis());
        }
        timers.schedule(() -> send(key, state), delay, TimeUnit.MILLISECONDS);
    }

    private void send(K key, State state) {
        synchronized (state) {
            state.scheduled = false;
            state.lastSent = clock.millis();
        }
        update.accept(key);
    }
}
