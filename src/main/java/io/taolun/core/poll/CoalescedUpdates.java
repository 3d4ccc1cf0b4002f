package io.taolun.core.poll;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * Keeps something current (a posted poll message's tally) with at most one update per key per interval, however
 * often it changes: the first change schedules an update, later changes ride along with it, and a change arriving
 * while an update is under way (however long it takes, retries included) schedules the next one an interval after
 * that update finished; updates of one key never overlap, so an old state can never land after a newer one.
 *
 * @param <K> what is updated, e.g. a posted message
 */
public final class CoalescedUpdates<K> {
    private final ScheduledExecutorService timers;
    private final Clock clock;
    private final long intervalMillis;
    private final Function<K, CompletionStage<?>> update;
    private final Map<K, State> states = new ConcurrentHashMap<>();

    private static final class State {
        boolean scheduled;
        boolean running;
        boolean dirty;
        long lastSent = Long.MIN_VALUE / 2;
    }

    /**
     * @param update starts one update and says when it is over (it is started on {@code timers}: hand slow work to
     *               another executor and return its future)
     */
    public CoalescedUpdates(ScheduledExecutorService timers, Clock clock, Duration interval,
            Function<K, CompletionStage<?>> update) {
        this.timers = timers;
        this.clock = clock;
        this.intervalMillis = interval.toMillis();
        this.update = update;
    }

    public void changed(K key) {
        State state = states.computeIfAbsent(key, k -> new State());
        synchronized (state) {
            state.dirty = true;
            if (state.scheduled || state.running) {
                return;
            }
            schedule(key, state);
        }
    }

    /** Called holding the state's lock. */
    private void schedule(K key, State state) {
        state.scheduled = true;
        long delay = Math.max(0, state.lastSent + intervalMillis - clock.millis());
        timers.schedule(() -> send(key, state), delay, TimeUnit.MILLISECONDS);
    }

    private void send(K key, State state) {
        synchronized (state) {
            state.scheduled = false;
            state.running = true;
            state.dirty = false;
            state.lastSent = clock.millis();
        }
        CompletionStage<?> done;
        try {
            done = update.apply(key);
        } catch (RuntimeException e) {
            done = java.util.concurrent.CompletableFuture.failedFuture(e);
        }
        done.whenComplete((result, failure) -> {
            synchronized (state) {
                state.running = false;
                state.lastSent = Math.max(state.lastSent, clock.millis());
                if (state.dirty) {
                    schedule(key, state);
                }
            }
        });
    }
}
