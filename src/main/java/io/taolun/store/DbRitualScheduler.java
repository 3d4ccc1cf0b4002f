package io.taolun.store;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient.ScheduleOptions;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.DeadExecutionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.taolun.core.ritual.RitualScheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link RitualScheduler} on db-scheduler, in the same database: each ritual has one scheduled execution (its next
 * slot, with the slot's instant as data, so a retry keeps its slot), each weekly poll one close, and each poll opened
 * by hand whose message was posted one close at its deadline. db-scheduler lets one process pick each execution,
 * runs again one whose process died (after missed heartbeats), and runs those missed while every process was down at
 * the next start.
 */
public final class DbRitualScheduler implements RitualScheduler, AutoCloseable {
    static final String SLOT_TASK = "ritual-slot";
    static final String CLOSE_TASK = "ritual-close";
    static final String POLL_CLOSE_TASK = "poll-close";
    static final String ROUND_TWO_TASK = "ritual-round-two";
    private static final Logger LOG = LoggerFactory.getLogger(DbRitualScheduler.class);
    private static final Duration RETRY = Duration.ofSeconds(30);

    /** What the scheduled executions do; supplied at {@link #start}. */
    public interface Handlers {
        /** Runs a slot; returns when the ritual runs next, or empty to stop. */
        Optional<Instant> runSlot(long ritualId, Instant slotAt);

        void closeRun(long ritualId, String slot);

        /** Opens round 2 of a run's poll of two rounds and posts it. */
        default void openRoundTwo(long ritualId, String slot) {
            throw new UnsupportedOperationException("these handlers open no second rounds");
        }

        /**
         * Closes a poll opened by hand and posts its results; returns when to try again instead, when its deadline
         * was moved later.
         */
        default Optional<Instant> closePoll(long pollId) {
            throw new UnsupportedOperationException("these handlers close no polls");
        }
    }

    /**
     * How the scheduler polls and notices a dead process.
     *
     * @param name              this process's name in the table
     * @param pollingInterval   how often due executions are looked for
     * @param heartbeatInterval how often running executions are marked alive; after 4 missed, another process
     *                          runs them again
     */
    public record Settings(String name, Duration pollingInterval, Duration heartbeatInterval, int threads) {
        public Settings {
            Objects.requireNonNull(name, "name");
            if (pollingInterval.isNegative() || pollingInterval.isZero() || heartbeatInterval.isNegative()
                    || heartbeatInterval.isZero() || threads < 1) {
                throw new IllegalArgumentException("scheduler intervals and threads must be positive");
            }
        }

        /** Production: look every 5 seconds, a dead process is noticed within 2 minutes. */
        public static Settings production(String name) {
            return new Settings(name, Duration.ofSeconds(5), Duration.ofSeconds(30), 2);
        }
    }

    private final CustomTask<Long> slotTask;
    private final CustomTask<String> closeTask;
    private final CustomTask<Long> pollCloseTask;
    private final CustomTask<String> roundTwoTask;
    private final DataSource db;
    private final Settings settings;
    private final Clock clock;
    /** Built on first use: db-scheduler reads the database while it is built, and a console quote needs neither. */
    private Scheduler built;
    private volatile Handlers handlers;

    public DbRitualScheduler(DataSource db, Settings settings, Clock clock) {
        this.slotTask = Tasks.custom(SLOT_TASK, Long.class)
                .onFailure(new FailureHandler.OnFailureRetryLater<>(RETRY))
                .onDeadExecution(new ReviveOnSchedulerClock<>())
                .execute((instance, context) -> runSlot(instance));
        this.closeTask = Tasks.custom(CLOSE_TASK, String.class)
                .onFailure(new FailureHandler.OnFailureRetryLater<>(RETRY))
                .onDeadExecution(new ReviveOnSchedulerClock<>())
                .execute((instance, context) -> closeRun(instance));
        this.pollCloseTask = Tasks.custom(POLL_CLOSE_TASK, Long.class)
                .onFailure(new FailureHandler.OnFailureRetryLater<>(RETRY))
                .onDeadExecution(new ReviveOnSchedulerClock<>())
                .execute((instance, context) -> closePoll(instance));
        this.roundTwoTask = Tasks.custom(ROUND_TWO_TASK, String.class)
                .onFailure(new FailureHandler.OnFailureRetryLater<>(RETRY))
                .onDeadExecution(new ReviveOnSchedulerClock<>())
                .execute((instance, context) -> openRoundTwo(instance));
        this.db = db;
        this.settings = settings;
        this.clock = clock;
    }

    private synchronized Scheduler scheduler() {
        if (built == null) {
            built = Scheduler.create(db, List.of(slotTask, closeTask, pollCloseTask, roundTwoTask))
                    .schedulerName(new SchedulerName.Fixed(settings.name()))
                    .pollingInterval(settings.pollingInterval())
                    .heartbeatInterval(settings.heartbeatInterval())
                    .missedHeartbeatsLimit(4)
                    .threads(settings.threads())
                    .clock(clock::instant)
                    .shutdownMaxWait(Duration.ofSeconds(1))
                    .build();
        }
        return built;
    }

    /** Starts running executions with these handlers. */
    public void start(Handlers value) {
        this.handlers = Objects.requireNonNull(value, "handlers");
        scheduler().start();
    }

    @Override
    public void schedule(long ritualId, Instant slotAt) {
        try {
            scheduler().schedule(slotTask.instance(String.valueOf(ritualId), slotAt.toEpochMilli()), slotAt,
                    ScheduleOptions.WHEN_EXISTS_RESCHEDULE);
        } catch (TaskInstanceCurrentlyExecutingException e) {
            // a process is running this ritual's slot now; when done it reads the ritual again and sets the next
            LOG.info("ritual {} is running; it reschedules itself from its new settings", ritualId);
        }
    }

    @Override
    public void ensure(long ritualId, Instant slotAt) {
        scheduler().scheduleIfNotExists(slotTask.instance(String.valueOf(ritualId), slotAt.toEpochMilli()), slotAt);
    }

    @Override
    public void cancel(long ritualId) {
        try {
            scheduler().cancel(TaskInstanceId.of(SLOT_TASK, String.valueOf(ritualId)));
        } catch (RuntimeException e) {
            // Running now or already gone: the run sees the ritual is off and ends it.
            LOG.debug("ritual {} not cancelled: {}", ritualId, e.getMessage());
        }
    }

    @Override
    public void scheduleClose(long ritualId, String slot, Instant at) {
        scheduler().scheduleIfNotExists(closeTask.instance(ritualId + "/" + slot, ritualId + "/" + slot), at);
    }

    @Override
    public void scheduleRoundTwo(long ritualId, String slot, Instant at) {
        scheduler().scheduleIfNotExists(roundTwoTask.instance(ritualId + "/" + slot, ritualId + "/" + slot), at);
    }

    @Override
    public void closeNow(long ritualId, String slot) {
        String id = ritualId + "/" + slot;
        try {
            scheduler().schedule(closeTask.instance(id, id), Instant.EPOCH, ScheduleOptions.WHEN_EXISTS_RESCHEDULE);
        } catch (TaskInstanceCurrentlyExecutingException e) {
            LOG.info("poll close of ritual {} slot {} is running already", ritualId, slot);
        }
    }

    @Override
    public void scheduleClosePoll(long pollId, Instant at) {
        scheduler().scheduleIfNotExists(pollCloseTask.instance(String.valueOf(pollId), pollId), at);
    }

    @Override
    public void closePollNow(long pollId) {
        try {
            scheduler().schedule(pollCloseTask.instance(String.valueOf(pollId), pollId), Instant.EPOCH,
                    ScheduleOptions.WHEN_EXISTS_RESCHEDULE);
        } catch (TaskInstanceCurrentlyExecutingException e) {
            LOG.info("the close of poll {} is running already", pollId);
        }
    }

    /** Stops picking executions and waits briefly for running ones. */
    @Override
    public void close() {
        Scheduler running;
        synchronized (this) {
            running = built;
        }
        if (running != null) {
            running.stop();
        }
    }

    /**
     * Runs a dead process's execution again at once, by the scheduler's clock. db-scheduler's own revive handler
     * reschedules to {@code Instant.now()}, the machine's time: with any other clock (the console's chosen start
     * time, a test's) set before the machine's, a revived slot would wait until that clock caught up with the
     * machine's date.
     */
    private static final class ReviveOnSchedulerClock<T> implements DeadExecutionHandler<T> {
        @Override
        public void deadExecution(ExecutionComplete complete, ExecutionOperations<T> operations) {
            LOG.info("reviving {}, whose process stopped sending heartbeats", complete.getExecution().taskInstance);
            operations.reschedule(complete, complete.getTimeDone());
        }
    }

    private CompletionHandler<Long> runSlot(TaskInstance<Long> instance) {
        long ritualId = Long.parseLong(instance.getId());
        Instant slotAt = Instant.ofEpochMilli(instance.getData());
        Optional<Instant> next = handlers.runSlot(ritualId, slotAt);
        if (next.isEmpty()) {
            return new CompletionHandler.OnCompleteRemove<>();
        }
        Instant at = next.get();
        return (complete, operations) -> operations.reschedule(complete, at, at.toEpochMilli());
    }

    private CompletionHandler<Long> closePoll(TaskInstance<Long> instance) {
        Optional<Instant> later = handlers.closePoll(instance.getData());
        if (later.isPresent()) {
            // the poll's deadline was moved: the same task runs again then
            return (complete, operations) -> operations.reschedule(complete, later.get());
        }
        return new CompletionHandler.OnCompleteRemove<>();
    }

    private CompletionHandler<String> openRoundTwo(TaskInstance<String> instance) {
        String[] parts = instance.getData().split("/", 2);
        handlers.openRoundTwo(Long.parseLong(parts[0]), parts[1]);
        return new CompletionHandler.OnCompleteRemove<>();
    }

    private CompletionHandler<String> closeRun(TaskInstance<String> instance) {
        String[] parts = instance.getData().split("/", 2);
        handlers.closeRun(Long.parseLong(parts[0]), parts[1]);
        return new CompletionHandler.OnCompleteRemove<>();
    }
}
