package io.taolun.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.taolun.core.ChatRequest;
import io.taolun.core.Lang;
import io.taolun.core.TestBot;
import io.taolun.core.article.Article;
import io.taolun.core.poll.PollViews;
import io.taolun.core.ritual.OutboxDelivery;
import io.taolun.core.ritual.Ritual;
import io.taolun.core.ritual.RitualKind;
import io.taolun.core.ritual.RitualPosts;
import io.taolun.core.ritual.RitualRunner;
import io.taolun.core.ritual.RitualService;
import io.taolun.testing.Await;
import io.taolun.testing.TouchesTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Two bot processes' rituals on one database, each with its own pool and its own db-scheduler: every slot is run by
 * one of them and posted once, and a process that dies during a slot has its slot run again by the other, still
 * posted once.
 */
@TouchesTime
final class SchedulerExactlyOnceTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Article ARTICLE = TestBot.library().defaultArticle().orElseThrow();

    /** One process: its own pool, stores, scheduler, runner and delivery worker. */
    private static final class Replica implements AutoCloseable {
        final Database database;
        final DbRitualScheduler scheduler;
        final RitualRunner runner;
        final OutboxDelivery deliveries;
        final RitualService service;
        final JdbcRitualStore rituals;

        Replica(String name, TestDatabases.Url url, SettableClock clock, RecordingGateway gateway) {
            database = Database.open(url.url(), url.user(), url.password(), 4);
            rituals = new JdbcRitualStore(database.dataSource());
            JdbcPollStore polls = new JdbcPollStore(database.dataSource());
            JdbcOutbox outbox = new JdbcOutbox(database.dataSource());
            scheduler = new DbRitualScheduler(database.dataSource(),
                    // heartbeats every second: a process is taken for dead after 4 missed, which a loaded machine
                    // never causes by itself (the dying process's slot is found by moving the clock 5 minutes)
                    new DbRitualScheduler.Settings(name, Duration.ofMillis(50), Duration.ofSeconds(1), 2), clock);
            runner = new RitualRunner(ARTICLE, rituals, polls, outbox, scheduler, clock, Duration.ofHours(6), id -> { });
            PollViews messages = new PollViews(ARTICLE, polls, BERLIN, clock);
            RitualPosts posts = new RitualPosts(ARTICLE, messages, RitualHarness.CHART, where -> Lang.EN);
            deliveries = new OutboxDelivery(outbox, List.of(gateway), posts::render, clock, name, Duration.ofMinutes(2));
            service = new RitualService(rituals, scheduler, TestBot.everyoneMayOpen(), clock);
        }

        void start(DbRitualScheduler.Handlers handlers) {
            scheduler.start(handlers);
        }

        @Override
        public void close() {
            scheduler.close();
            database.close();
        }
    }

    /** Counts how often each slot was run, by any process. */
    private static final class Counting implements DbRitualScheduler.Handlers {
        final Map<Instant, AtomicInteger> runs;
        final RitualRunner runner;

        Counting(Map<Instant, AtomicInteger> runs, RitualRunner runner) {
            this.runs = runs;
            this.runner = runner;
        }

        @Override
        public Optional<Instant> runSlot(long ritualId, Instant slotAt) {
            runs.computeIfAbsent(slotAt, k -> new AtomicInteger()).incrementAndGet();
            return runner.runSlot(ritualId, slotAt);
        }

        @Override
        public void closeRun(long ritualId, String slot) {
            runner.closeRun(ritualId, slot);
        }
    }

    private static Ritual.Spec quoteAtNine() {
        return new Ritual.Spec(RitualKind.QOTD, ARTICLE.id(), Optional.empty(), LocalTime.of(9, 0), BERLIN,
                Duration.ZERO, List.of(RitualHarness.slack("C1")), Optional.empty(), "admin");
    }

    private static ChatRequest admin() {
        return new ChatRequest("slack", "T1", "C1", "U0", "", "", true);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void two_processes_post_each_daily_slot_once_across_a_daylight_saving_change(TestDatabases.Kind kind)
            throws Exception {
        TestDatabases.Url url = TestDatabases.fresh(kind);
        SettableClock clock = SettableClock.ticking(Instant.parse("2026-03-25T12:00:00Z"));
        RecordingGateway slack = new RecordingGateway("slack");
        Map<Instant, AtomicInteger> runs = new ConcurrentHashMap<>();
        try (Replica a = new Replica("replica-a", url, clock, slack);
                Replica b = new Replica("replica-b", url, clock, slack)) {
            // GIVEN a 09:00 Berlin quote of the day, set up through one process, and both processes running
            Ritual ritual = a.service.create(admin(), quoteAtNine());
            a.start(new Counting(runs, a.runner));
            b.start(new Counting(runs, b.runner));
            // WHEN eight days pass, across the change to summer time on 2026-03-29, one slot at a time
            Instant slot = Instant.parse("2026-03-26T08:00:00Z");
            for (int day = 0; day < 8; day++) {
                clock.set(slot.plusSeconds(30));
                Instant due = slot;
                waitFor(() -> runs.containsKey(due) && a.rituals.run(ritual.id(), due.atZone(BERLIN).toLocalDate()
                        .toString()).isPresent());
                int posted = day + 1;
                waitFor(() -> {
                    a.deliveries.deliverDue();
                    b.deliveries.deliverDue();
                    return slack.posts().size() >= posted;
                });
                // the scheduler is done with the slot (it set the next one) before the clock jumps a day: a jump
                // while the slot still runs would make its heartbeat a day old, and the other process revive it
                waitFor(() -> ScheduledTasks.settled(a.database.dataSource(), clock.instant()));
                slot = io.taolun.core.ritual.Slots.next(ritual.spec(), slot).at();
            }
            a.deliveries.deliverDue();
            b.deliveries.deliverDue();
            // THEN each slot ran once, in one process, at 09:00 local, and was posted once
            assertThat(runs).hasSize(8);
            assertThat(runs.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
            assertThat(runs.keySet()).allSatisfy(at -> assertThat(at.atZone(BERLIN).toLocalTime())
                    .isEqualTo(LocalTime.of(9, 0)));
            assertThat(runs.keySet()).contains(Instant.parse("2026-03-28T08:00:00Z"),
                    Instant.parse("2026-03-29T07:00:00Z"));
            assertThat(slack.posts()).hasSize(8);
            assertThat(slack.posts().stream().map(RecordingGateway.Post::key).distinct()).hasSize(8);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void a_process_that_dies_during_a_slot_has_it_run_again_by_the_other_and_posted_once(TestDatabases.Kind kind)
            throws Exception {
        TestDatabases.Url url = TestDatabases.fresh(kind);
        // a clock years behind the machine's: db-scheduler's own revive handler, which reads the machine's clock,
        // would leave the revived slot waiting for years (DbRitualScheduler revives on the scheduler's clock)
        SettableClock clock = SettableClock.ticking(Instant.parse("2019-12-01T12:00:00Z"));
        RecordingGateway slack = new RecordingGateway("slack");
        Map<Instant, AtomicInteger> runs = new ConcurrentHashMap<>();
        CountDownLatch died = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        Replica a = new Replica("replica-a", url, clock, slack);
        try (Replica b = new Replica("replica-b", url, clock, slack)) {
            // GIVEN a quote ritual, and process A, which dies (loses its database for good) in the middle of a slot,
            // after recording the run and its post but before db-scheduler hears the slot is done
            Ritual ritual = a.service.create(admin(), quoteAtNine());
            Instant monday = Instant.parse("2019-12-02T08:00:00Z");
            a.start(new DbRitualScheduler.Handlers() {
                @Override
                public Optional<Instant> runSlot(long ritualId, Instant slotAt) {
                    runs.computeIfAbsent(slotAt, k -> new AtomicInteger()).incrementAndGet();
                    a.runner.runSlot(ritualId, slotAt);
                    a.database.close();
                    died.countDown();
                    try {
                        never.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    throw new IllegalStateException("dead");
                }

                @Override
                public void closeRun(long ritualId, String slot) {
                }
            });
            clock.set(monday.plusSeconds(30));
            assertThat(died.await(Await.CEILING.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            // WHEN process B starts while A's execution is still marked as picked, and A's heartbeats have stopped
            b.start(new Counting(runs, b.runner));
            clock.advance(Duration.ofMinutes(5));
            waitFor(() -> runs.get(monday).get() == 2);
            waitFor(() -> {
                b.deliveries.deliverDue();
                return !slack.posts().isEmpty();
            });
            waitFor(() -> ScheduledTasks.settled(b.database.dataSource(), clock.instant()));
            b.deliveries.deliverDue();
            // THEN B ran the slot again, and the quote was posted once
            assertThat(slack.posts()).hasSize(1);
            assertThat(b.rituals.run(ritual.id(), "2019-12-02")).isPresent();
            // AND the ritual goes on: Tuesday's slot is run by B
            clock.set(Instant.parse("2019-12-03T08:00:30Z"));
            waitFor(() -> runs.containsKey(Instant.parse("2019-12-03T08:00:00Z")));
        } finally {
            never.countDown();
            a.scheduler.close();
        }
    }

    private static void waitFor(Await.Condition condition) {
        Await.until("the scheduler and the delivery workers", condition);
    }
}
