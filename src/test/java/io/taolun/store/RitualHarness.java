package io.taolun.store;

import io.taolun.chart.PngResultChart;
import io.taolun.core.ChannelRef;
import io.taolun.core.ChatGateway;
import io.taolun.core.Lang;
import io.taolun.core.TestBot;
import io.taolun.core.article.Article;
import io.taolun.core.article.Library;
import io.taolun.core.poll.PollViews;
import io.taolun.core.poll.PollService;
import io.taolun.core.ritual.OutboxDelivery;
import io.taolun.core.ritual.RitualPosts;
import io.taolun.core.ritual.RitualRunner;
import io.taolun.core.ritual.RitualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The rituals on a real database with a hand-moved clock: stores, outbox, runner and a delivery worker per gateway
 * list, and a scheduler that only records what it is asked (tests fire slots themselves). Close it after the test.
 */
final class RitualHarness implements AutoCloseable {
    static final PngResultChart CHART = new PngResultChart();

    final Database database;
    final SettableClock clock;
    final JdbcPollStore polls;
    final JdbcRitualStore rituals;
    final JdbcOutbox outbox;
    final JdbcPollReach reach;
    final RecordedScheduler scheduler = new RecordedScheduler();
    final Library library;
    final Article article;
    final RitualRunner runner;
    final PollViews pollMessages;
    final GroupCommitVoteLedger ledger;
    final PollService pollService;
    private final ExecutorService writer = Executors.newSingleThreadExecutor();

    RitualHarness(TestDatabases.Kind kind, Instant start) {
        this(TestDatabases.fresh(kind), start);
    }

    RitualHarness(TestDatabases.Url url, Instant start) {
        this(url, start, TestBot.library());
    }

    /** With this library: rituals post from the article each names. */
    RitualHarness(TestDatabases.Url url, Instant start, Library library) {
        this(url, start, library, io.taolun.core.ritual.ReminderRule.OFF);
    }

    /** With reminders posted by this rule. */
    RitualHarness(TestDatabases.Url url, Instant start, Library library,
            io.taolun.core.ritual.ReminderRule reminders) {
        this.library = library;
        this.article = library.defaultArticle().orElseThrow();
        this.database = Database.open(url.url(), url.user(), url.password(), 8);
        this.clock = new SettableClock(start);
        this.polls = new JdbcPollStore(database.dataSource());
        this.rituals = new JdbcRitualStore(database.dataSource());
        this.outbox = new JdbcOutbox(database.dataSource());
        this.reach = new JdbcPollReach(database.dataSource());
        this.runner = new RitualRunner(library, rituals, polls, outbox, scheduler, clock, Duration.ofHours(6),
                id -> { }, new java.security.SecureRandom(), reminders);
        this.pollMessages = new PollViews(library, polls, TestBot.ZONE, clock);
        this.ledger = new GroupCommitVoteLedger(database.dataSource(), Duration.ofSeconds(1), writer);
        this.pollService = new PollService(article, polls, ledger, TestBot.everyoneMayOpen(), clock, reach, id -> { });
    }

    /** A delivery worker posting through these gateways. */
    OutboxDelivery deliveries(String worker, ChatGateway... gateways) {
        RitualPosts posts = new RitualPosts(library, pollMessages, CHART, where -> Lang.ZH);
        return new OutboxDelivery(outbox, List.of(gateways), posts::render, clock, worker, Duration.ofMinutes(2));
    }

    static ChannelRef slack(String channel) {
        return new ChannelRef("slack", "T1", channel);
    }

    static ChannelRef discord(String channel) {
        return new ChannelRef("discord", "G1", channel);
    }

    @Override
    public void close() {
        ledger.close();
        writer.shutdownNow();
        database.close();
    }

    /** Records what the runner asks of the scheduler. */
    static final class RecordedScheduler implements RitualScheduler {
        final List<String> calls = new ArrayList<>();

        @Override
        public synchronized void schedule(long ritualId, Instant slotAt) {
            calls.add("schedule " + ritualId + " " + slotAt);
        }

        @Override
        public synchronized void ensure(long ritualId, Instant slotAt) {
            calls.add("ensure " + ritualId + " " + slotAt);
        }

        @Override
        public synchronized void cancel(long ritualId) {
            calls.add("cancel " + ritualId);
        }

        @Override
        public synchronized void closeNow(long ritualId, String slot) {
            calls.add("closeNow " + ritualId + " " + slot);
        }

        @Override
        public synchronized void scheduleClose(long ritualId, String slot, Instant at) {
            calls.add("close " + ritualId + " " + slot + " " + at);
        }

        @Override
        public synchronized void scheduleClosePoll(long pollId, Instant at) {
            calls.add("closePoll " + pollId + " " + at);
        }

        @Override
        public synchronized void scheduleRoundTwo(long ritualId, String slot, Instant at) {
            calls.add("roundTwo " + ritualId + " " + slot + " " + at);
        }

        @Override
        public synchronized void closePollNow(long pollId) {
            calls.add("closePollNow " + pollId);
        }
    }
}
