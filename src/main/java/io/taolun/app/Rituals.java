package io.taolun.app;

import io.taolun.core.ChannelRef;
import io.taolun.core.ChatGateway;
import io.taolun.core.Lang;
import io.taolun.core.Telemetry;
import io.taolun.core.article.Library;
import io.taolun.core.poll.PollMessages;
import io.taolun.core.poll.PollStore;
import io.taolun.core.poll.ResultChart;
import io.taolun.core.ritual.Deliveries;
import io.taolun.core.ritual.PollFanout;
import io.taolun.core.ritual.RitualPosts;
import io.taolun.core.ritual.RitualRunner;
import io.taolun.store.DbRitualScheduler;
import io.taolun.store.JdbcOutbox;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running side of the rituals: the scheduler that fires slots and closes weekly polls (and polls opened by hand
 * whose message was posted), the outbox delivery loop, and the refreshing of posted polls. Started once the platforms' gateways exist; stopped before the database.
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

    /** Forwards poll changes to the fanout once it exists; until then they are dropped (nothing is posted yet). */
    static final class Changes implements LongConsumer {
        private final AtomicReference<LongConsumer> target = new AtomicReference<>(id -> { });

        @Override
        public void accept(long pollId) {
            target.get().accept(pollId);
        }

        void forwardTo(LongConsumer value) {
            target.set(value);
        }
    }

    private final Library library;
    private final PollStore polls;
    private final JdbcOutbox outbox;
    private final DbRitualScheduler scheduler;
    private final RitualRunner runner;
    private final PollMessages pollMessages;
    private final Function<ChannelRef, Lang> languages;
    private final Changes changes;
    private final Clock clock;
    private final Timing timing;
    private final Telemetry telemetry;
    private ScheduledExecutorService delivery;
    private ExecutorService refreshWork;
    private ScheduledExecutorService refreshTimer;
    private boolean closed;
    private final java.util.concurrent.atomic.AtomicInteger outboxDepth = new java.util.concurrent.atomic.AtomicInteger();

    Rituals(Library library, PollStore polls, JdbcOutbox outbox, DbRitualScheduler scheduler, RitualRunner runner,
            PollMessages pollMessages, Function<ChannelRef, Lang> languages, Changes changes, Clock clock,
            Timing timing, Telemetry telemetry) {
        this.telemetry = telemetry;
        this.library = library;
        this.polls = polls;
        this.outbox = outbox;
        this.scheduler = scheduler;
        this.runner = runner;
        this.pollMessages = pollMessages;
        this.languages = languages;
        this.changes = changes;
        this.clock = clock;
        this.timing = timing;
    }

    /** Starts firing slots and delivering posts through these gateways. */
    synchronized void start(List<ChatGateway> gateways, ResultChart chart) {
        if (delivery != null) {
            throw new IllegalStateException("rituals already started");
        }
        RitualPosts posts = new RitualPosts(library, pollMessages, chart, languages);
        Deliveries deliveries = new Deliveries(outbox, gateways, posts::render, clock, timing.scheduler().name(),
                timing.claimLease(), telemetry);
        refreshWork = Executors.newFixedThreadPool(2, daemon("taolun-poll-refresh"));
        refreshTimer = Executors.newSingleThreadScheduledExecutor(daemon("taolun-poll-refresh-timer"));
        PollFanout fanout = new PollFanout(outbox, gateways, polls, posts, refreshTimer, refreshWork, clock,
                timing.refreshInterval());
        changes.forwardTo(fanout::changed);
        delivery = Executors.newSingleThreadScheduledExecutor(daemon("taolun-outbox"));
        delivery.scheduleWithFixedDelay(() -> {
            try {
                deliveries.deliverDue();
                outboxDepth.set(outbox.depth());
            } catch (RuntimeException e) {
                LOG.warn("outbox delivery pass failed: {}", e.getMessage());
            }
        }, 0, timing.deliveryInterval().toMillis(), TimeUnit.MILLISECONDS);
        scheduler.start(new DbRitualScheduler.Handlers() {
            @Override
            public java.util.Optional<java.time.Instant> runSlot(long ritualId, java.time.Instant slotAt) {
                return runner.runSlot(ritualId, slotAt);
            }

            @Override
            public void closeRun(long ritualId, String slot) {
                runner.closeRun(ritualId, slot);
            }

            @Override
            public void closePoll(long pollId) {
                runner.closePoll(pollId);
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
        stop(refreshTimer);
        stop(refreshWork);
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

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
