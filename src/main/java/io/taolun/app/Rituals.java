package io.taolun.app;

import io.taolun.core.ritual.OutboxDelivery;
import io.taolun.core.ritual.RitualRunner;
import io.taolun.store.DbRitualScheduler;
import io.taolun.store.JdbcOutbox;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running side of the rituals: the scheduler that fires slots and closes weekly polls (and polls opened by hand
 * whose message was posted), the outbox delivery loop, and the refreshing of posted polls. Started by the process that
 * serves (or a console that stays); stopped before the database.
 */
final class Rituals implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Rituals.class);

    /**
     * How fast the rituals' machinery polls.
     *
     * @param scheduler        db-scheduler's polling and heartbeat
     * @param deliveryInterval pause between delivery passes
     * @param claimLease       how long a delivery claim holds before another worker may take the post
     * @param refreshInterval  at most one refresh of a poll's posted messages per this interval
     */
    record Timing(DbRitualScheduler.Settings scheduler, Duration deliveryInterval, Duration claimLease,
            Duration refreshInterval) {
        Timing {
            Objects.requireNonNull(scheduler, "scheduler");
            Objects.requireNonNull(deliveryInterval, "deliveryInterval");
            Objects.requireNonNull(claimLease, "claimLease");
            Objects.requireNonNull(refreshInterval, "refreshInterval");
        }

        static Timing production() {
            return new Timing(DbRitualScheduler.Settings.production(processName()), Duration.ofSeconds(1),
                    Duration.ofMinutes(2), Duration.ofSeconds(1));
        }

        /**
         * For a clock running {@code speed} times faster than real time (the console's --clock-speed): the scheduler
         * looks every second (every 200 ms on a fast clock), and outbox claims last as long in real time as at normal
         * speed. (db-scheduler sleeps its polling interval in real time, then checks the clock.)
         */
        static Timing forSpeed(double speed) {
            Timing normal = production();
            DbRitualScheduler.Settings s = normal.scheduler();
            Duration poll = speed > 1 ? Duration.ofMillis(200) : Duration.ofSeconds(1);
            return new Timing(new DbRitualScheduler.Settings(s.name(), poll, s.heartbeatInterval(),
                    s.threads()), speed > 1 ? poll : normal.deliveryInterval(),
                    Duration.ofMillis((long) (normal.claimLease().toMillis() * speed)), normal.refreshInterval());
        }

        /** host and pid: names this process in the scheduler's table and in outbox claims. */
        static String processName() {
            String name = ManagementFactory.getRuntimeMXBean().getName();
            return name.length() <= 50 ? name : name.substring(0, 50);
        }
    }

    private final JdbcOutbox outbox;
    private final DbRitualScheduler scheduler;
    private final RitualRunner runner;
    private final OutboxDelivery deliveries;
    private final Timing timing;
    private final ScheduledExecutorService delivery;
    private final List<ExecutorService> refreshing;
    private boolean started;
    private boolean closed;
    private final AtomicInteger outboxDepth = new AtomicInteger();
    private final java.time.Clock clock;

    /**
     * @param delivery   runs the outbox's delivery passes
     * @param refreshing the pools that refresh posted polls, stopped with the rituals
     * @param clock      what "due" means for the outbox's depth
     */
    Rituals(JdbcOutbox outbox, DbRitualScheduler scheduler, RitualRunner runner, OutboxDelivery deliveries, Timing timing,
            ScheduledExecutorService delivery, List<ExecutorService> refreshing, java.time.Clock clock) {
        this.clock = clock;
        this.outbox = outbox;
        this.scheduler = scheduler;
        this.runner = runner;
        this.deliveries = deliveries;
        this.timing = timing;
        this.delivery = delivery;
        this.refreshing = List.copyOf(refreshing);
    }

    /** Starts firing slots and delivering posts. */
    synchronized void start() {
        if (started) {
            throw new IllegalStateException("rituals already started");
        }
        started = true;
        delivery.scheduleWithFixedDelay(() -> {
            try {
                deliveries.deliverDue();
                outboxDepth.set(outbox.depth(clock.instant()));
            } catch (RuntimeException e) {
                LOG.warn("outbox delivery pass failed: {}", e.getMessage());
            }
        }, 0, timing.deliveryInterval().toMillis(), TimeUnit.MILLISECONDS);
        scheduler.start(new DbRitualScheduler.Handlers() {
            @Override
            public Optional<Instant> runSlot(long ritualId, Instant slotAt) {
                return runner.runSlot(ritualId, slotAt);
            }

            @Override
            public void closeRun(long ritualId, String slot) {
                runner.closeRun(ritualId, slot);
            }

            @Override
            public java.util.Optional<java.time.Instant> closePoll(long pollId) {
                return runner.closePoll(pollId);
            }

            @Override
            public void openRoundTwo(long ritualId, String slot) {
                runner.openRoundTwo(ritualId, slot);
            }
        });
    }

    JdbcOutbox outbox() {
        return outbox;
    }

    /** Scheduled posts waiting, as of the last delivery pass (read by metrics without touching the database). */
    int outboxDepth() {
        return outboxDepth.get();
    }

    /** Stops firing slots, lets the post being made finish, and stops refreshing polls. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        scheduler.close();
        stop(delivery);
        refreshing.forEach(Rituals::stop);
    }

    private static void stop(ExecutorService executor) {
        if (executor == null) {
            return;
        }
        executor.shutdown();
        try {
            if (!executor.awaitTermination(2, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
