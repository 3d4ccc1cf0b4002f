package io.taolun.store;

import static io.taolun.store.RitualHarness.discord;
import static io.taolun.store.RitualHarness.slack;
import static org.assertj.core.api.Assertions.assertThat;

import io.taolun.core.ChannelRef;
import io.taolun.core.ChatRequest;
import io.taolun.core.Lang;
import io.taolun.core.TestBot;
import io.taolun.core.poll.Poll;
import io.taolun.core.poll.PollOption;
import io.taolun.core.poll.PollService;
import io.taolun.core.ritual.OutboxDelivery;
import io.taolun.core.ritual.ReminderRule;
import io.taolun.core.ritual.Ritual;
import io.taolun.core.ritual.RitualKind;
import io.taolun.core.ritual.RitualPosts;
import io.taolun.testing.TouchesTime;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Reminders before a poll's deadline, on both databases: one in each of a weekly poll's threads and one under a poll
 * opened by hand (in its message's language), a day before a deadline more than two days away, exactly once whoever
 * delivers; none for a short poll, a poll closed early, or one whose deadline is within ten minutes when a process
 * finally delivers; a reminder an hour before is posted; round 2 of a pair gets its own in round 1's thread.
 */
@TouchesTime
final class PollRemindersTest {
    private static final Instant MONDAY_0900_BERLIN = Instant.parse("2026-11-30T08:00:00Z");
    private static final String SLOT = "2026-11-30";

    private static RitualHarness harness(TestDatabases.Kind kind) {
        return new RitualHarness(TestDatabases.fresh(kind), MONDAY_0900_BERLIN, TestBot.library(),
                ReminderRule.DEFAULT);
    }

    private static Ritual.Spec weekly(Duration closeAfter, Optional<Duration> roundTwoAfter, ChannelRef... where) {
        return new Ritual.Spec(RitualKind.WEEKLY_POLL, "a8e75d267bb866eb", Optional.of(DayOfWeek.MONDAY),
                LocalTime.of(9, 0), ZoneId.of("Europe/Berlin"), closeAfter, List.of(where), Optional.empty(), "admin",
                roundTwoAfter);
    }

    private static List<RecordingGateway.Post> reminders(RecordingGateway platform) {
        return platform.posts().stream().filter(p -> p.reply().plainText().contains("⏰")).toList();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void a_weekly_poll_gets_one_reminder_in_each_thread_a_day_before_it_closes(TestDatabases.Kind kind) {
        try (RitualHarness h = harness(kind)) {
            // GIVEN a weekly poll open six days, posted to a Slack and a Discord channel, and one vote
            Ritual ritual = h.rituals.create(weekly(Duration.ofDays(6), Optional.empty(), slack("C1"), discord("D1")),
                    h.clock.instant());
            RecordingGateway slack = new RecordingGateway("slack");
            RecordingGateway discord = new RecordingGateway("discord");
            OutboxDelivery deliveries = h.deliveries("w1", slack, discord);
            h.runner.runSlot(ritual.id(), MONDAY_0900_BERLIN);
            deliveries.deliverDue();
            long pollId = h.rituals.run(ritual.id(), SLOT).orElseThrow().pollId().orElseThrow();
            h.pollService.vote(new ChatRequest("slack", "T1", "C1", "U1", "", ""), pollId, 2);

            // WHEN it is a second short of a day before the deadline
            h.clock.set(MONDAY_0900_BERLIN.plus(Duration.ofDays(5)).minusSeconds(1));
            deliveries.deliverDue();
            // THEN no reminder yet
            assertThat(reminders(slack)).isEmpty();
            assertThat(reminders(discord)).isEmpty();

            // WHEN the day before the deadline begins, and two workers deliver
            h.clock.advance(Duration.ofSeconds(2));
            deliveries.deliverDue();
            h.deliveries("w2", slack, discord).deliverDue();

            // THEN each thread has exactly one reminder, under the poll's message
            for (RecordingGateway platform : List.of(slack, discord)) {
                assertThat(reminders(platform)).singleElement().satisfies(r -> {
                    assertThat(r.threadOf()).contains(platform.posts().get(0).messageId());
                    assertThat(r.reply().plainText()).contains("⏰ 投票 #" + pollId + " 还有约 24 小时截止",
                            "截止时间：2026-12-06 16:00（Asia/Shanghai）", "已有 1 人投票。",
                            "/article vote " + pollId + " <选项编号>").doesNotContain("{0}", "{1}");
                });
            }
            assertThat(h.outbox.describe()).filteredOn(row -> row.matches("r\\d+s\\d+m\\d .*"))
                    .hasSize(2).allSatisfy(row -> assertThat(row).contains(" sent "));

            // AND none comes again until it closes
            h.clock.advance(Duration.ofDays(2));
            h.runner.closeRun(ritual.id(), SLOT);
            deliveries.deliverDue();
            assertThat(reminders(slack)).hasSize(1);
            assertThat(reminders(discord)).hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void no_reminder_for_a_short_poll_a_poll_closed_early_or_one_delivered_within_its_last_hour(
            TestDatabases.Kind kind) {
        try (RitualHarness h = harness(kind)) {
            // GIVEN a weekly poll of two days, one of six days that closes early, and one of six days
            Ritual shortPoll = h.rituals.create(weekly(Duration.ofDays(2), Optional.empty(), slack("C1")),
                    h.clock.instant());
            Ritual early = h.rituals.create(weekly(Duration.ofDays(6), Optional.empty(), slack("C2")),
                    h.clock.instant());
            Ritual late = h.rituals.create(weekly(Duration.ofDays(6), Optional.empty(), slack("C3")),
                    h.clock.instant());
            RecordingGateway slack = new RecordingGateway("slack");
            OutboxDelivery deliveries = h.deliveries("w1", slack);
            for (Ritual each : List.of(shortPoll, early, late)) {
                h.runner.runSlot(each.id(), MONDAY_0900_BERLIN);
            }
            deliveries.deliverDue();
            // THEN the two-day poll has no reminder recorded at all
            assertThat(h.outbox.describe()).filteredOn(row -> row.matches("r" + shortPoll.id() + "s\\d+m\\d .*"))
                    .isEmpty();

            // WHEN the second closes early, and no process delivers until 5 minutes before the deadline
            h.clock.advance(Duration.ofDays(1));
            h.runner.closeRun(early.id(), SLOT);
            h.clock.set(MONDAY_0900_BERLIN.plus(Duration.ofDays(6)).minus(Duration.ofMinutes(5)));
            deliveries.deliverDue();

            // THEN neither reminder is posted, and both are recorded as skipped
            assertThat(reminders(slack)).isEmpty();
            assertThat(h.outbox.describe()).filteredOn(row -> row.matches("r\\d+s\\d+m\\d .*"))
                    .hasSize(2).allSatisfy(row -> assertThat(row).contains(" skipped "));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void a_poll_opened_by_hand_gets_its_reminder_under_its_message_in_its_language_once(TestDatabases.Kind kind) {
        try (RitualHarness h = harness(kind)) {
            // GIVEN a custom poll of 3 days with hidden results, opened by hand and posted in English on Discord
            ChatRequest alice = new ChatRequest("discord", "G1", "D1", "alice", "en-US", "");
            Poll poll = h.pollService.open(alice, new PollService.OpenRequest(Optional.empty(),
                    Optional.of("Should we meet in person?"), List.of(), Optional.of(Duration.ofHours(72)), true,
                    true));
            h.runner.pollPosted(poll.id(), discord("D1"), "900", Lang.EN);
            // told again (a retry of the adapter's record): still one reminder
            h.runner.pollPosted(poll.id(), discord("D1"), "900", Lang.EN);
            RecordingGateway discord = new RecordingGateway("discord");
            RitualPosts posts = new RitualPosts(h.library, h.pollMessages, RitualHarness.CHART, where -> Lang.ZH);
            OutboxDelivery deliveries = new OutboxDelivery(h.outbox, List.of(discord), posts::render, h.clock, "w1",
                    Duration.ofMinutes(2));

            // WHEN 48 hours and a minute pass
            h.clock.advance(Duration.ofHours(48).plusMinutes(1));
            deliveries.deliverDue();
            deliveries.deliverDue();

            // THEN one reminder is posted under the poll's message, in English (not the channel's Chinese), without
            // counts while the results are hidden
            assertThat(discord.posts()).singleElement().satisfies(r -> {
                assertThat(r.threadOf()).contains("900");
                assertThat(r.reply().plainText()).contains("⏰ Poll #" + poll.id() + " closes in about 24 hours",
                        "Should we meet in person?", "It closes at ", "The results are shown when it closes",
                        "/article vote " + poll.id() + " <option number>").doesNotContain("投票", "{0}", "{1}");
            });
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void a_reminder_an_hour_before_is_posted_though_delivered_late_and_says_how_several_choices_work(TestDatabases.Kind kind) {
        // GIVEN reminders an hour before the deadline for polls open more than an hour, and a poll of three hours
        try (RitualHarness h = new RitualHarness(TestDatabases.fresh(kind), MONDAY_0900_BERLIN, TestBot.library(),
                new ReminderRule(Duration.ofHours(1), Duration.ofHours(1)))) {
            ChatRequest alice = new ChatRequest("slack", "T1", "C1", "alice", "", "");
            Poll poll = h.pollService.open(alice, new PollService.OpenRequest(Optional.empty(), Optional.of("Q?"),
                    List.of(new PollOption(1, "甲", "A"), new PollOption(2, "乙", "B"), new PollOption(3, "丙", "C")),
                    Optional.of(Duration.ofHours(3)), false, true, 1, 2));
            h.runner.pollPosted(poll.id(), slack("C1"), "100.1", Lang.ZH);
            RecordingGateway slack = new RecordingGateway("slack");
            OutboxDelivery deliveries = h.deliveries("w1", slack);
            // WHEN the delivery comes 50 minutes before the deadline (10 minutes late)
            h.clock.advance(Duration.ofHours(2).plusMinutes(10));
            deliveries.deliverDue();
            // THEN the reminder is posted, rounded to about an hour, saying how this poll of several choices works
            assertThat(slack.posts()).singleElement().satisfies(r -> assertThat(r.reply().plainText())
                    .contains("⏰ 投票 #" + poll.id() + " 还有约 1 小时截止", "每人最多 2 项；再点一次已选的选项即撤回")
                    .doesNotContain("改票"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void round_two_of_a_pair_gets_the_reminder_in_round_ones_thread_and_round_one_none(TestDatabases.Kind kind) {
        try (RitualHarness h = harness(kind)) {
            // GIVEN a weekly poll of two rounds over six days, round 2 opening after one day
            Ritual ritual = h.rituals.create(weekly(Duration.ofDays(6), Optional.of(Duration.ofDays(1)),
                    slack("C1")), h.clock.instant());
            RecordingGateway slack = new RecordingGateway("slack");
            OutboxDelivery deliveries = h.deliveries("w1", slack);
            h.runner.runSlot(ritual.id(), MONDAY_0900_BERLIN);
            deliveries.deliverDue();
            String roundOneMessage = slack.posts().get(0).messageId();

            // WHEN round 2 opens a day later, and the day before the deadline comes
            h.clock.advance(Duration.ofDays(1));
            h.runner.openRoundTwo(ritual.id(), SLOT);
            deliveries.deliverDue();
            long second = h.polls.secondRound(h.rituals.run(ritual.id(), SLOT).orElseThrow().pollId().orElseThrow())
                    .orElseThrow().id();
            h.clock.set(MONDAY_0900_BERLIN.plus(Duration.ofDays(5)).plusSeconds(1));
            deliveries.deliverDue();

            // THEN one reminder, for round 2, in round 1's thread; round 1's (closed) is skipped
            assertThat(reminders(slack)).singleElement().satisfies(r -> {
                assertThat(r.threadOf()).contains(roundOneMessage);
                assertThat(r.reply().plainText()).contains("⏰ 投票 #" + second + " 还有约 24 小时截止");
            });
            assertThat(h.outbox.describe()).filteredOn(row -> row.matches("r\\d+s\\d+m0 .*"))
                    .singleElement().satisfies(row -> assertThat(row).contains(" skipped "));
        }
    }
}
