package io.taolun.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.taolun.core.ChannelRef;
import io.taolun.core.ChatRequest;
import io.taolun.core.Lang;
import io.taolun.core.TestBot;
import io.taolun.core.article.Article;
import io.taolun.core.poll.Poll;
import io.taolun.core.poll.PollViews;
import io.taolun.core.poll.PollService;
import io.taolun.core.ritual.OutboxDelivery;
import io.taolun.core.ritual.PollFanout;
import io.taolun.core.ritual.RitualPosts;
import io.taolun.core.ritual.RitualRunner;
import io.taolun.testing.Await;
import io.taolun.testing.TouchesTime;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A poll opened by hand, whose message an adapter posted and recorded, is closed by the rituals' machinery: at its
 * deadline or at once after a close by hand, its message is edited closed (no buttons) and its results with the chart
 * are posted once, by two processes on one database and again after a restart.
 */
@TouchesTime
final class HandPollCloseTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Article ARTICLE = TestBot.library().defaultArticle().orElseThrow();
    private static final ChannelRef SLACK = new ChannelRef("slack", "T1", "C1");
    private static final ChannelRef DISCORD = new ChannelRef("discord", "G1", "D1");

    /** One process: its own pool, stores, scheduler, runner, poll service, fanout and delivery worker. */
    private static final class Replica implements AutoCloseable {
        final Database database;
        final DbRitualScheduler scheduler;
        final RitualRunner runner;
        final OutboxDelivery deliveries;
        final PollService polls;
        final PollViews messages;
        private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(2);
        private final GroupCommitVoteLedger ledger;
        private final java.util.concurrent.ExecutorService writer = Executors.newSingleThreadExecutor();

        Replica(String name, TestDatabases.Url url, SettableClock clock, RecordingGateway... gateways) {
            database = Database.open(url.url(), url.user(), url.password(), 4);
            JdbcRitualStore rituals = new JdbcRitualStore(database.dataSource());
            JdbcPollStore store = new JdbcPollStore(database.dataSource());
            JdbcOutbox outbox = new JdbcOutbox(database.dataSource());
            scheduler = new DbRitualScheduler(database.dataSource(),
                    new DbRitualScheduler.Settings(name, Duration.ofMillis(50), Duration.ofSeconds(1), 2), clock);
            PollFanout[] fanout = new PollFanout[1];
            runner = new RitualRunner(ARTICLE, rituals, store, outbox, scheduler, clock, Duration.ofHours(6),
                    id -> fanout[0].changed(id));
            JdbcPollReach reach = new JdbcPollReach(database.dataSource());
            messages = new PollViews(TestBot.library(), store, SHANGHAI, clock);
            RitualPosts posts = new RitualPosts(ARTICLE, messages, RitualHarness.CHART, where -> Lang.ZH);
            fanout[0] = new PollFanout(outbox, List.of(gateways), store, posts, timers, timers, clock,
                    Duration.ofMillis(50));
            deliveries = new OutboxDelivery(outbox, List.of(gateways), posts::render, clock, name, Duration.ofMinutes(2));
            ledger = new GroupCommitVoteLedger(database.dataSource(), Duration.ofSeconds(1), writer);
            polls = new PollService(ARTICLE, store, ledger, TestBot.everyoneMayOpen(), clock, reach,
                    id -> fanout[0].changed(id), runner::pollClosedByHand);
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
            });
        }

        @Override
        public void close() {
            scheduler.close();
            ledger.close();
            writer.shutdownNow();
            timers.shutdownNow();
            database.close();
        }
    }

    private static Poll openOn(Replica replica, ChannelRef where, String user) {
        return replica.polls.open(new ChatRequest(where.platform(), where.workspace(), where.channel(), user, "", ""),
                new PollService.OpenRequest(Optional.of("c1"), Optional.empty(),
                        io.taolun.core.poll.OptionSets.likert(), Optional.of(Duration.ofHours(1)), false, true));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void at_its_deadline_a_hand_poll_is_edited_closed_and_its_results_posted_once_by_two_processes_and_after_a_restart(
            TestDatabases.Kind kind) throws Exception {
        TestDatabases.Url url = TestDatabases.fresh(kind);
        SettableClock clock = SettableClock.ticking(Instant.parse("2026-11-30T01:00:00Z"));
        RecordingGateway slack = new RecordingGateway("slack");
        RecordingGateway discord = new RecordingGateway("discord");
        long slackPoll;
        long discordPoll;
        try (Replica a = new Replica("replica-a", url, clock, slack, discord);
                Replica b = new Replica("replica-b", url, clock, slack, discord)) {
            // GIVEN a poll of an hour opened by hand on Slack and one on Discord, each posted by its adapter (told
            // twice, as a repeated notice would)
            slackPoll = openOn(a, SLACK, "U1").id();
            discordPoll = openOn(b, DISCORD, "D9").id();
            a.runner.pollPosted(slackPoll, SLACK, "ts-1", Lang.ZH);
            b.runner.pollPosted(slackPoll, SLACK, "ts-1", Lang.ZH);
            b.runner.pollPosted(discordPoll, DISCORD, "m-1", Lang.EN);
            // AND a vote on each
            b.polls.vote(new ChatRequest("slack", "T1", "C1", "U2", "", ""), slackPoll, 2);
            a.polls.vote(new ChatRequest("discord", "G1", "D1", "D2", "", ""), discordPoll, 1);

            // WHEN the clock passes the deadline, and both processes work the outbox
            clock.set(Instant.parse("2026-11-30T02:00:01Z"));
            waitFor(() -> {
                a.deliveries.deliverDue();
                b.deliveries.deliverDue();
                return slack.posts().size() >= 1 && discord.posts().size() >= 1;
            });
            waitFor(() -> ScheduledTasks.settled(a.database.dataSource(), clock.instant()));
            waitFor(() -> closedEdit(slack, "ts-1") && closedEdit(discord, "m-1"));
            a.deliveries.deliverDue();
            b.deliveries.deliverDue();
        }
        // THEN each channel got the results once, with the chart, in the language its poll was posted in
        assertThat(slack.posts()).singleElement().satisfies(p -> {
            assertThat(p.where()).isEqualTo(SLACK);
            assertThat(p.threadOf()).isEmpty();
            assertThat(p.reply().title()).isEqualTo("投票 #" + slackPoll + " 的结果");
            assertThat(p.reply().attachment()).isPresent();
        });
        assertThat(discord.posts()).singleElement().satisfies(p -> {
            assertThat(p.where()).isEqualTo(DISCORD);
            assertThat(p.reply().title()).isEqualTo("Results of poll #" + discordPoll);
            assertThat(p.reply().attachment()).isPresent();
        });
        // AND each posted message was edited to its closed form, with the final tally and no buttons
        assertThat(lastEdit(slack).reply().plainText()).contains("共 1 票");
        assertThat(lastEdit(discord).reply().title()).isEqualTo("Poll #" + discordPoll + " · closed");

        // WHEN the processes restart, the adapter's notice comes again and the close runs again
        try (Replica c = new Replica("replica-c", url, clock, slack, discord)) {
            c.runner.pollPosted(slackPoll, SLACK, "ts-1", Lang.ZH);
            c.runner.closePoll(slackPoll);
            c.runner.closePoll(discordPoll);
            waitFor(() -> ScheduledTasks.settled(c.database.dataSource(), clock.instant()));
            c.deliveries.deliverDue();
        }
        // THEN nothing more was posted
        assertThat(slack.posts()).hasSize(1);
        assertThat(discord.posts()).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void a_hand_poll_closed_by_hand_is_edited_closed_and_its_results_posted_once_at_once(TestDatabases.Kind kind)
            throws Exception {
        TestDatabases.Url url = TestDatabases.fresh(kind);
        SettableClock clock = SettableClock.ticking(Instant.parse("2026-11-30T01:00:00Z"));
        RecordingGateway slack = new RecordingGateway("slack");
        try (Replica a = new Replica("replica-a", url, clock, slack);
                Replica b = new Replica("replica-b", url, clock, slack)) {
            // GIVEN a posted poll of an hour opened by hand on Slack, with a vote
            long pollId = openOn(a, SLACK, "U1").id();
            a.runner.pollPosted(pollId, SLACK, "ts-1", Lang.ZH);
            a.polls.vote(new ChatRequest("slack", "T1", "C1", "U2", "", ""), pollId, 4);
            // WHEN its opener closes it, long before its deadline
            b.polls.close(new ChatRequest("slack", "T1", "C1", "U1", "", ""), pollId);
            // THEN its results are posted once and its message edited closed, with no clock move
            waitFor(() -> {
                a.deliveries.deliverDue();
                b.deliveries.deliverDue();
                return !slack.posts().isEmpty() && closedEdit(slack, "ts-1");
            });
            waitFor(() -> ScheduledTasks.settled(a.database.dataSource(), clock.instant()));
            // AND the deadline passing later posts nothing more
            clock.set(Instant.parse("2026-11-30T02:00:01Z"));
            waitFor(() -> ScheduledTasks.settled(a.database.dataSource(), clock.instant()));
            a.deliveries.deliverDue();
            b.deliveries.deliverDue();
            assertThat(slack.posts()).singleElement().satisfies(p -> {
                assertThat(p.reply().title()).isEqualTo("投票 #" + pollId + " 的结果");
                assertThat(p.reply().attachment()).isPresent();
                assertThat(p.reply().plainText()).contains("1 票 · 100%");
            });
            assertThat(lastEdit(slack).reply().buttons()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void a_vote_between_the_post_and_its_record_is_shown_once_the_message_is_recorded(TestDatabases.Kind kind) {
        TestDatabases.Url url = TestDatabases.fresh(kind);
        SettableClock clock = SettableClock.ticking(Instant.parse("2026-11-30T01:00:00Z"));
        RecordingGateway slack = new RecordingGateway("slack");
        try (Replica a = new Replica("replica-a", url, clock, slack)) {
            // GIVEN a poll opened by hand, and a vote on it before its posted message was recorded (a press within
            // moments of the post: the core had no message to edit, and the adapter leaves it to the core)
            long pollId = openOn(a, SLACK, "U1").id();
            a.polls.vote(new ChatRequest("slack", "T1", "C1", "U2", "", ""), pollId, 2);
            // WHEN the adapter records the message
            a.runner.pollPosted(pollId, SLACK, "ts-1", Lang.ZH);
            // THEN the message is edited to show that vote, its buttons still live
            waitFor(() -> slack.edits().stream().anyMatch(e -> e.messageId().equals("ts-1")
                    && e.reply().plainText().contains("共 1 票")));
            assertThat(lastEdit(slack).reply().buttons()).isNotEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void a_hand_poll_whose_deadline_moved_later_closes_then_and_a_deleted_one_posts_nothing_and_shows_it(
            TestDatabases.Kind kind) throws Exception {
        TestDatabases.Url url = TestDatabases.fresh(kind);
        SettableClock clock = SettableClock.ticking(Instant.parse("2026-11-30T01:00:00Z"));
        RecordingGateway slack = new RecordingGateway("slack");
        try (Replica a = new Replica("replica-a", url, clock, slack)) {
            // GIVEN two posted polls of an hour opened by hand, each with a vote
            ChatRequest opener = new ChatRequest("slack", "T1", "C1", "U1", "", "");
            long extended = openOn(a, SLACK, "U1").id();
            long deleted = openOn(a, SLACK, "U1").id();
            a.runner.pollPosted(extended, SLACK, "ts-1", Lang.ZH);
            a.runner.pollPosted(deleted, SLACK, "ts-2", Lang.ZH);
            a.polls.vote(new ChatRequest("slack", "T1", "C1", "U2", "", ""), extended, 2);
            a.polls.vote(new ChatRequest("slack", "T1", "C1", "U2", "", ""), deleted, 2);
            // WHEN the opener moves the first's deadline to 3 hours from now and deletes the second (confirmed)
            a.polls.edit(opener, extended, new io.taolun.core.poll.PollEdit(Optional.empty(), List.of(),
                    Optional.of(Duration.ofHours(3)), Optional.empty(), Optional.empty(), false));
            assertThat(a.polls.delete(opener, deleted, true)).isEmpty();
            waitFor(() -> slack.edits().stream().anyMatch(e -> e.messageId().equals("ts-2")
                    && e.reply().title().equals("投票 #" + deleted + " 已删除") && e.reply().buttons().isEmpty()));

            // AND the old deadline passes
            clock.set(Instant.parse("2026-11-30T02:00:01Z"));
            waitFor(() -> ScheduledTasks.settled(a.database.dataSource(), clock.instant()));
            a.deliveries.deliverDue();
            // THEN nothing is posted: the first is still open, the second is deleted
            assertThat(slack.posts()).isEmpty();
            assertThat(a.polls.queries().find(extended).orElseThrow().isOpen(clock.instant())).isTrue();

            // WHEN the new deadline passes
            clock.set(Instant.parse("2026-11-30T04:00:01Z"));
            waitFor(() -> {
                a.deliveries.deliverDue();
                return !slack.posts().isEmpty() && closedEdit(slack, "ts-1");
            });
            waitFor(() -> ScheduledTasks.settled(a.database.dataSource(), clock.instant()));
            a.deliveries.deliverDue();
            // THEN the first's results are posted once, and the deleted poll's never
            assertThat(slack.posts()).singleElement().satisfies(p ->
                    assertThat(p.reply().title()).isEqualTo("投票 #" + extended + " 的结果"));
            // AND the deleted poll's message stays in its deleted form: no later edit brought its buttons back
            List<RecordingGateway.Edit> second = slack.edits().stream().filter(e -> e.messageId().equals("ts-2"))
                    .toList();
            assertThat(second.get(second.size() - 1).reply().title()).isEqualTo("投票 #" + deleted + " 已删除");
            assertThat(second.get(second.size() - 1).reply().buttons()).isEmpty();
        }
    }

    private static boolean closedEdit(RecordingGateway gateway, String messageId) {
        return gateway.edits().stream().anyMatch(e -> e.messageId().equals(messageId)
                && e.reply().buttons().isEmpty() && (e.reply().title().contains("已截止")
                        || e.reply().title().contains("closed")));
    }

    private static RecordingGateway.Edit lastEdit(RecordingGateway gateway) {
        List<RecordingGateway.Edit> edits = gateway.edits();
        assertThat(edits).isNotEmpty();
        return edits.get(edits.size() - 1);
    }

    private static void waitFor(Await.Condition condition) {
        Await.until("the scheduler, the fanout and the delivery workers", condition);
    }
}
