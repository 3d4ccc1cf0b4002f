package io.taolun.store;

import static io.taolun.store.RitualHarness.discord;
import static io.taolun.store.RitualHarness.slack;
import static org.assertj.core.api.Assertions.assertThat;

import io.taolun.core.ChannelRef;
import io.taolun.core.ChatRequest;
import io.taolun.core.poll.Poll;
import io.taolun.core.ritual.OutboxDelivery;
import io.taolun.core.ritual.Pick;
import io.taolun.core.ritual.Ritual;
import io.taolun.core.ritual.RitualKind;
import io.taolun.core.ritual.RitualRunner;
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
 * A weekly poll of two rounds on both databases: its schedule opens round 2 (closing round 1) in every channel with a
 * word in each thread, once however often it runs; its close reports round 2 beside round 1.
 */
@TouchesTime
final class WeeklyRoundsTest {
    private static final Instant MONDAY_0900_BERLIN = Instant.parse("2026-11-30T08:00:00Z");
    private static final String SLOT = "2026-11-30";

    private static Ritual.Spec twoRounds(ChannelRef... where) {
        return new Ritual.Spec(RitualKind.WEEKLY_POLL, "a8e75d267bb866eb", Optional.of(DayOfWeek.MONDAY),
                LocalTime.of(9, 0), ZoneId.of("Europe/Berlin"), Duration.ofDays(6), List.of(where), Optional.empty(),
                "admin", Optional.of(Duration.ofDays(5)));
    }

    private static ChatRequest from(String platform, String user) {
        return platform.equals("slack") ? new ChatRequest("slack", "T1", "C1", user, "", "")
                : new ChatRequest("discord", "G1", "D1", user, "", "");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void the_schedule_opens_round_two_in_each_channel_and_the_close_compares_both_rounds(TestDatabases.Kind kind) {
        try (RitualHarness h = new RitualHarness(kind, MONDAY_0900_BERLIN)) {
            // GIVEN a weekly poll of two rounds posted to a Slack and a Discord channel, with votes from both
            Ritual ritual = h.rituals.create(twoRounds(slack("C1"), discord("D1")), h.clock.instant());
            assertThat(h.rituals.find(ritual.id()).orElseThrow().spec().roundTwoAfter()).contains(Duration.ofDays(5));
            RecordingGateway slack = new RecordingGateway("slack");
            RecordingGateway discord = new RecordingGateway("discord");
            OutboxDelivery deliveries = h.deliveries("w1", slack, discord);
            h.runner.runSlot(ritual.id(), MONDAY_0900_BERLIN);
            deliveries.deliverDue();
            long firstId = h.rituals.run(ritual.id(), SLOT).orElseThrow().pollId().orElseThrow();
            Poll first = h.polls.find(firstId).orElseThrow();
            assertThat(first.round().paired()).isTrue();
            assertThat(first.round().isSecond()).isFalse();
            assertThat(h.scheduler.calls).contains("roundTwo " + ritual.id() + " " + SLOT + " 2026-12-05T08:00:00Z");
            assertThat(slack.posts().get(0).reply().plainText()).contains("两轮中的第一轮");
            h.pollService.vote(from("slack", "U1"), firstId, 2);
            h.pollService.vote(from("slack", "U2"), firstId, 2);
            h.pollService.vote(from("discord", "D9"), firstId, 4);

            // WHEN round 2's time comes, and its task runs twice (as after a crash)
            h.clock.set(Instant.parse("2026-12-05T08:00:01Z"));
            h.runner.openRoundTwo(ritual.id(), SLOT);
            h.runner.openRoundTwo(ritual.id(), SLOT);
            deliveries.deliverDue();

            // THEN round 1 is closed and round 2 is open until the run's close, opened by the schedule
            assertThat(h.polls.find(firstId).orElseThrow().isOpen(h.clock.instant())).isFalse();
            Poll second = h.polls.secondRound(firstId).orElseThrow();
            assertThat(second.opener()).isEqualTo(RitualRunner.BOT);
            assertThat(second.round().firstRound()).contains(firstId);
            assertThat(second.closesAt()).contains(Instant.parse("2026-12-06T08:00:00Z"));
            assertThat(second.claimId()).isEqualTo(first.claimId());
            // AND each channel got round 2 with its buttons, and round 1's thread a word that it is open, once each
            for (RecordingGateway platform : List.of(slack, discord)) {
                assertThat(platform.posts()).hasSize(4);
                RecordingGateway.Post roundOne = platform.posts().get(0);
                RecordingGateway.Post roundTwo = platform.posts().get(2);
                RecordingGateway.Post word = platform.posts().get(3);
                assertThat(roundTwo.threadOf()).isEmpty();
                assertThat(roundTwo.reply().plainText()).contains("#" + second.id(),
                        "第二轮（第一轮是 #" + firstId + "）· 讨论之后，你的看法变了吗？");
                assertThat(roundTwo.reply().buttons()).hasSize(5);
                assertThat(word.threadOf()).contains(roundOne.messageId());
                assertThat(word.reply().title()).isEqualTo("讨论之后，你的看法变了吗？");
                assertThat(word.reply().plainText()).contains("第二轮投票 #" + second.id() + " 已在频道里开始",
                        "第一轮 #" + firstId + " 已截止");
                assertThat(word.reply().buttons()).isEmpty();
            }

            // WHEN voters answer again, one changing their mind and one new, and the run closes (twice)
            h.pollService.vote(from("slack", "U1"), second.id(), 1);
            h.pollService.vote(from("slack", "U2"), second.id(), 2);
            h.pollService.vote(from("discord", "D9"), second.id(), 4);
            h.pollService.vote(from("discord", "D10"), second.id(), 5);
            h.clock.set(Instant.parse("2026-12-06T08:00:01Z"));
            h.runner.closeRun(ritual.id(), SLOT);
            h.runner.closeRun(ritual.id(), SLOT);
            deliveries.deliverDue();

            // THEN round 2 is closed, both salts are gone, and its results compare both rounds in each channel and
            // thread, once each, with the before/after chart
            assertThat(h.polls.find(second.id()).orElseThrow().isOpen(h.clock.instant())).isFalse();
            assertThat(h.polls.find(firstId).orElseThrow().round().salt()).isEmpty();
            assertThat(h.polls.find(second.id()).orElseThrow().round().salt()).isEmpty();
            for (RecordingGateway platform : List.of(slack, discord)) {
                assertThat(platform.posts()).hasSize(6);
                List<RecordingGateway.Post> results = platform.posts().subList(4, 6);
                assertThat(results.get(0).threadOf()).isEmpty();
                assertThat(results.get(1).threadOf()).contains(platform.posts().get(0).messageId());
                for (RecordingGateway.Post post : results) {
                    assertThat(post.reply().title()).isEqualTo("投票 #" + second.id() + " 的结果 · 讨论前后");
                    assertThat(post.reply().plainText()).contains(
                            "讨论前后（第一轮 #" + firstId + " → 第二轮 #" + second.id() + "）",
                            "两轮都投的有 3 人，其中 1 人改了答案；只投第一轮的 0 人，只投第二轮的 1 人。",
                            "同意 → 强烈同意：1 人");
                    // AND it ends with the channel's week: round 2 split 1-1-1-1 of 5 is 86 divided, its shift 50
                    String claim = first.claimId().orElseThrow();
                    assertThat(post.reply().plainText()).contains("近 7 天：2 次投票，共 7 票；分歧最大的是 " + claim
                            + "（86）；" + claim + " 讨论前后净变化 50 个百分点；还有 ", "完整报告：/article report week");
                    assertThat(post.reply().attachment()).hasValueSatisfying(
                            a -> assertThat(a.fileName()).isEqualTo("poll-" + second.id() + ".png"));
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void round_one_closed_by_hand_first_gets_no_round_two_and_its_own_results(TestDatabases.Kind kind) {
        try (RitualHarness h = new RitualHarness(kind, MONDAY_0900_BERLIN)) {
            Ritual ritual = h.rituals.create(twoRounds(slack("C1")), h.clock.instant());
            RecordingGateway slack = new RecordingGateway("slack");
            OutboxDelivery deliveries = h.deliveries("w1", slack);
            h.runner.runSlot(ritual.id(), MONDAY_0900_BERLIN);
            deliveries.deliverDue();
            long firstId = h.rituals.run(ritual.id(), SLOT).orElseThrow().pollId().orElseThrow();
            h.pollService.vote(from("slack", "U1"), firstId, 3);
            // GIVEN round 1 closed early: its run closes
            h.clock.set(Instant.parse("2026-12-01T08:00:00Z"));
            h.runner.closeRun(ritual.id(), SLOT);
            deliveries.deliverDue();
            // WHEN round 2's time comes
            h.clock.set(Instant.parse("2026-12-05T08:00:01Z"));
            h.runner.openRoundTwo(ritual.id(), SLOT);
            deliveries.deliverDue();
            // THEN no round 2 opens; round 1's own results were posted (channel and thread) and nothing else
            assertThat(h.polls.secondRound(firstId)).isEmpty();
            assertThat(slack.posts()).hasSize(4);
            assertThat(slack.posts().get(2).reply().title()).isEqualTo("投票 #" + firstId + " 的结果");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void round_two_closed_by_hand_closes_its_run_so_its_results_are_posted_once(TestDatabases.Kind kind) {
        try (RitualHarness h = new RitualHarness(kind, MONDAY_0900_BERLIN)) {
            Ritual ritual = h.rituals.create(twoRounds(slack("C1")), h.clock.instant());
            RecordingGateway slack = new RecordingGateway("slack");
            OutboxDelivery deliveries = h.deliveries("w1", slack);
            h.runner.runSlot(ritual.id(), MONDAY_0900_BERLIN);
            deliveries.deliverDue();
            long firstId = h.rituals.run(ritual.id(), SLOT).orElseThrow().pollId().orElseThrow();
            h.clock.set(Instant.parse("2026-12-05T08:00:01Z"));
            h.runner.openRoundTwo(ritual.id(), SLOT);
            deliveries.deliverDue();
            long secondId = h.polls.secondRound(firstId).orElseThrow().id();
            // WHEN an admin closes round 2 by hand
            h.runner.pollClosedByHand(secondId);
            // THEN the run's close is brought forward (it reports both rounds), not a close of a poll opened by hand
            assertThat(h.scheduler.calls).contains("closeNow " + ritual.id() + " " + SLOT)
                    .doesNotContain("closePollNow " + secondId);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void a_divisive_pick_asks_the_most_divided_claim_again_in_two_rounds_and_schedule_list_says_so(
            TestDatabases.Kind kind) {
        try (RitualHarness h = new RitualHarness(kind, MONDAY_0900_BERLIN)) {
            // GIVEN a claim the channel split three ways on (68 divided), polled by hand and closed
            ChatRequest admin = new ChatRequest("slack", "T1", "C1", "U0", "", "", true);
            Poll split = h.pollService.open(admin, new io.taolun.core.poll.PollService.OpenRequest(Optional.of("c5"),
                    Optional.empty(), io.taolun.core.poll.OptionSets.likert(), Optional.empty(), false, false));
            h.pollService.vote(from("slack", "U1"), split.id(), 1);
            h.pollService.vote(from("slack", "U2"), split.id(), 5);
            h.pollService.vote(from("slack", "U3"), split.id(), 3);
            h.pollService.close(admin, split.id());
            // AND a weekly poll of one round that picks the divisive claims
            Ritual ritual = h.rituals.create(new Ritual.Spec(RitualKind.WEEKLY_POLL, h.article.id(),
                    Optional.of(DayOfWeek.MONDAY), LocalTime.of(9, 0), ZoneId.of("Europe/Berlin"), Duration.ofDays(6),
                    List.of(slack("C1")), Optional.empty(), "admin", Optional.empty(), Pick.DIVISIVE),
                    h.clock.instant());
            // THEN schedule list would name that claim next
            assertThat(h.runner.nextPick(ritual)).contains("c5");
            // WHEN its slot runs
            h.runner.runSlot(ritual.id(), MONDAY_0900_BERLIN);
            // THEN it asks that claim again, as round 1 of two, with round 2 a day before the results
            Poll poll = h.polls.find(h.rituals.run(ritual.id(), SLOT).orElseThrow().pollId().orElseThrow())
                    .orElseThrow();
            assertThat(poll.claimId()).contains("c5");
            assertThat(poll.round().paired()).isTrue();
            assertThat(h.scheduler.calls).contains("roundTwo " + ritual.id() + " " + SLOT + " 2026-12-05T08:00:00Z");
            // AND the next pick is another claim: never the same twice in a row
            assertThat(h.runner.nextPick(h.rituals.find(ritual.id()).orElseThrow())).isPresent()
                    .get().isNotEqualTo("c5");
        }
    }
}
