package io.taolun.store;

import static io.taolun.store.RitualHarness.discord;
import static io.taolun.store.RitualHarness.slack;
import static org.assertj.core.api.Assertions.assertThat;

import io.taolun.core.ChannelRef;
import io.taolun.core.ChatGateway;
import io.taolun.core.ChatRequest;
import io.taolun.core.DeliveryException;
import io.taolun.core.Reply;
import io.taolun.core.TestBot;
import io.taolun.core.poll.PollService;
import io.taolun.core.ritual.OutboxDelivery;
import io.taolun.core.ritual.OutboxPost;
import io.taolun.core.ritual.Ritual;
import io.taolun.core.ritual.RitualKind;
import io.taolun.core.ritual.RitualService;
import io.taolun.testing.TouchesTime;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The corners of scheduled posting: found in review, kept fixed here. */
@TouchesTime
final class RitualEdgeCasesTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Instant MONDAY_0900_BERLIN = Instant.parse("2026-11-30T08:00:00Z");

    private static Ritual.Spec weekly(List<ChannelRef> targets, Duration closeAfter) {
        return new Ritual.Spec(RitualKind.WEEKLY_POLL, "a8e75d267bb866eb", Optional.of(DayOfWeek.MONDAY),
                LocalTime.of(9, 0), BERLIN, closeAfter, targets, Optional.of("w"), "config");
    }

    private static Ritual.Spec quote(ChannelRef where, Optional<String> configName) {
        return new Ritual.Spec(RitualKind.QOTD, "a8e75d267bb866eb", Optional.empty(), LocalTime.of(9, 0), BERLIN,
                Duration.ZERO, List.of(where), configName, "admin");
    }

    /** A Discord-like platform: drops repeats of a dedupe key for a while. */
    private static final class RepeatDroppingGateway implements ChatGateway {
        private final RecordingGateway inner;

        RepeatDroppingGateway(RecordingGateway inner) {
            this.inner = inner;
        }

        @Override
        public boolean dropsRepeats() {
            return true;
        }

        @Override
        public boolean hasReplies(ChannelRef where, String threadOf) {
            return inner.hasReplies(where, threadOf);
        }

        @Override
        public String platform() {
            return inner.platform();
        }

        @Override
        public boolean canPost(ChannelRef where) {
            return inner.canPost(where);
        }

        @Override
        public String post(ChannelRef where, Optional<String> threadOf, Reply reply, String dedupeKey)
                throws DeliveryException {
            return inner.post(where, threadOf, reply, dedupeKey);
        }

        @Override
        public void edit(ChannelRef where, String messageId, Reply reply) throws DeliveryException {
            inner.edit(where, messageId, reply);
        }
    }

    @Test
    void posts_this_process_cannot_make_do_not_hold_up_the_ones_it_can_and_expire_after_a_day() {
        try (RitualHarness h = new RitualHarness(TestDatabases.Kind.H2, MONDAY_0900_BERLIN)) {
            // GIVEN 60 due posts for a platform this process does not serve, recorded before a Slack quote
            for (int i = 0; i < 60; i++) {
                h.outbox.enqueue(new OutboxPost("x" + i, OutboxPost.PostKind.QUOTE, discord("D1"), Optional.empty(),
                        Optional.empty(), "1 2026-11-30"), h.clock.instant());
            }
            Ritual ritual = h.rituals.create(quote(slack("C1"), Optional.empty()), h.clock.instant());
            h.runner.runSlot(ritual.id(), MONDAY_0900_BERLIN);
            RecordingGateway slack = new RecordingGateway("slack");
            OutboxDelivery deliveries = h.deliveries("w1", slack);
            // WHEN one pass runs
            deliveries.deliverDue();
            // THEN the Slack quote is posted, and the others wait for a process that can make them
            assertThat(slack.posts()).hasSize(1);
            assertThat(h.outbox.depth(h.clock.instant())).isEqualTo(60);
            // AND a day later no process made them: they are given up
            h.clock.advance(Duration.ofHours(25));
            deliveries.deliverDue();
            assertThat(h.outbox.depth(h.clock.instant())).isZero();
        }
    }

    @Test
    void results_follow_where_the_poll_went_even_when_the_configured_channels_change() {
        try (RitualHarness h = new RitualHarness(TestDatabases.Kind.H2, MONDAY_0900_BERLIN)) {
            // GIVEN a config poll posted to Slack and Discord
            Ritual ritual = h.rituals.upsertConfigured(weekly(List.of(slack("C1"), discord("D1")), Duration.ofDays(6)),
                    h.clock.instant()).ritual();
            RecordingGateway slack = new RecordingGateway("slack");
            RecordingGateway discord = new RecordingGateway("discord");
            OutboxDelivery deliveries = h.deliveries("w1", slack, discord);
            h.runner.runSlot(ritual.id(), MONDAY_0900_BERLIN);
            deliveries.deliverDue();
            String slackPoll = slack.posts().get(0).messageId();
            String discordPoll = discord.posts().get(0).messageId();
            // WHEN the Slack channel is dropped from the config while the poll is open, and the poll closes
            h.rituals.upsertConfigured(weekly(List.of(discord("D1")), Duration.ofDays(6)), h.clock.instant());
            h.clock.set(Instant.parse("2026-12-06T08:00:01Z"));
            h.runner.closeRun(ritual.id(), "2026-11-30");
            deliveries.deliverDue();
            // THEN each platform's results go to its own channel and under its own poll message
            assertThat(threadedResults(discord)).singleElement().isEqualTo(Optional.of(discordPoll));
            assertThat(threadedResults(slack)).singleElement().isEqualTo(Optional.of(slackPoll));
        }
    }

    private static List<Optional<String>> threadedResults(RecordingGateway platform) {
        return platform.posts().stream().filter(p -> p.reply().attachment().isPresent() && p.threadOf().isPresent())
                .map(RecordingGateway.Post::threadOf).toList();
    }

    @Test
    void a_weekly_poll_run_late_within_the_grace_period_gets_its_full_time() {
        Instant fiveHoursLate = MONDAY_0900_BERLIN.plus(Duration.ofHours(5));
        try (RitualHarness h = new RitualHarness(TestDatabases.Kind.H2, fiveHoursLate)) {
            Ritual ritual = h.rituals.create(weekly(List.of(slack("C1")), Duration.ofHours(1)),
                    MONDAY_0900_BERLIN.minus(Duration.ofDays(1)));
            // WHEN the slot runs five hours late
            h.runner.runSlot(ritual.id(), MONDAY_0900_BERLIN);
            // THEN the poll is open for the hour from now, and closes then
            long pollId = h.rituals.run(ritual.id(), "2026-11-30").orElseThrow().pollId().orElseThrow();
            assertThat(h.polls.find(pollId).orElseThrow().isOpen(h.clock.instant())).isTrue();
            assertThat(h.scheduler.calls).contains("close " + ritual.id() + " 2026-11-30 " + fiveHoursLate.plus(
                    Duration.ofHours(1)));
        }
    }

    @Test
    void a_weekly_poll_closed_by_hand_has_its_results_posted_at_once_and_once() {
        try (RitualHarness h = new RitualHarness(TestDatabases.Kind.H2, MONDAY_0900_BERLIN)) {
            Ritual ritual = h.rituals.create(weekly(List.of(slack("C1")), Duration.ofDays(6)), h.clock.instant());
            RecordingGateway slack = new RecordingGateway("slack");
            OutboxDelivery deliveries = h.deliveries("w1", slack);
            h.runner.runSlot(ritual.id(), MONDAY_0900_BERLIN);
            deliveries.deliverDue();
            long pollId = h.rituals.run(ritual.id(), "2026-11-30").orElseThrow().pollId().orElseThrow();
            PollService polls = new PollService(h.article, h.polls, h.ledger, TestBot.everyoneMayOpen(), h.clock,
                    h.reach, id -> { }, h.runner::pollClosedByHand);
            // WHEN an admin closes it two hours in
            h.clock.advance(Duration.ofHours(2));
            polls.close(new ChatRequest("slack", "T1", "C1", "U0", "", "", true), pollId);
            // THEN its close is brought forward to now; when it runs (and runs again at the planned time), the
            // results are posted once in the channel and once in the thread
            assertThat(h.scheduler.calls).contains("closeNow " + ritual.id() + " 2026-11-30");
            assertThat(polls.resultsPostedByOutbox(pollId)).isTrue();
            h.runner.closeRun(ritual.id(), "2026-11-30");
            h.runner.closeRun(ritual.id(), "2026-11-30");
            deliveries.deliverDue();
            assertThat(slack.posts().stream().filter(p -> p.reply().attachment().isPresent())).hasSize(2);
        }
    }

    @Test
    void a_quote_of_the_day_from_the_config_replaces_one_set_by_command_in_its_channel() {
        try (RitualHarness h = new RitualHarness(TestDatabases.Kind.H2, MONDAY_0900_BERLIN)) {
            RitualService service = new RitualService(h.rituals, h.scheduler, TestBot.everyoneMayOpen(), h.clock);
            Ritual byCommand = service.create(new ChatRequest("slack", "T1", "C1", "U0", "", "", true),
                    quote(slack("C1"), Optional.empty()));
            // WHEN the config declares one for the same channel
            service.syncConfigured(List.of(quote(slack("C1"), Optional.of("daily"))));
            // THEN the channel has one quote of the day, the config's
            assertThat(h.rituals.in(slack("C1"))).singleElement()
                    .satisfies(r -> assertThat(r.spec().configName()).contains("daily"));
            assertThat(h.scheduler.calls).contains("cancel " + byCommand.id());
        }
    }

    @Test
    void a_post_whose_worker_died_mid_post_is_not_made_again_on_slack_but_is_on_discord_within_the_window() {
        try (RitualHarness h = new RitualHarness(TestDatabases.Kind.H2, MONDAY_0900_BERLIN)) {
            // GIVEN a Slack quote and a Discord quote, each claimed by a worker that then died
            h.outbox.enqueue(new OutboxPost("s1", OutboxPost.PostKind.QUOTE, slack("C1"), Optional.empty(),
                    Optional.empty(), "1 2026-11-30"), h.clock.instant());
            h.outbox.enqueue(new OutboxPost("d1", OutboxPost.PostKind.QUOTE, discord("D1"), Optional.empty(),
                    Optional.empty(), "1 2026-11-30"), h.clock.instant());
            for (var pending : h.outbox.due(h.clock.instant(), 0, 10)) {
                h.outbox.claim(pending.id(), "dead", h.clock.instant(), h.clock.instant().plus(Duration.ofMinutes(2)));
            }
            RecordingGateway slack = new RecordingGateway("slack");
            RecordingGateway discordPlatform = new RecordingGateway("discord");
            OutboxDelivery deliveries = h.deliveries("w1", slack, new RepeatDroppingGateway(discordPlatform));
            // WHEN the dead claims run out and a live worker passes
            h.clock.advance(Duration.ofMinutes(2).plusSeconds(1));
            deliveries.deliverDue();
            // THEN the Slack post is given up (it may have been posted), the Discord one is made (Discord drops a
            // repeat of its nonce)
            assertThat(slack.attempts()).isZero();
            assertThat(h.outbox.failed("s1")).isTrue();
            assertThat(discordPlatform.posts()).hasSize(1);
        }
    }

    @Test
    void an_unanswered_discord_post_is_retried_soon_and_only_within_the_repeat_window() {
        try (RitualHarness h = new RitualHarness(TestDatabases.Kind.H2, MONDAY_0900_BERLIN)) {
            h.outbox.enqueue(new OutboxPost("d1", OutboxPost.PostKind.QUOTE, discord("D1"), Optional.empty(),
                    Optional.empty(), "1 2026-11-30"), h.clock.instant());
            RecordingGateway platform = new RecordingGateway("discord");
            for (int i = 0; i < 10; i++) {
                platform.failNext(DeliveryException.uncertain("HTTP 502", null));
            }
            OutboxDelivery deliveries = h.deliveries("w1", new RepeatDroppingGateway(platform));
            // WHEN Discord keeps failing to answer
            for (int i = 0; i < 10; i++) {
                deliveries.deliverDue();
                h.clock.advance(Duration.ofSeconds(30));
            }
            // THEN it was retried every few seconds while Discord still drops repeats, then given up
            assertThat(platform.attempts()).isBetween(3, 9);
            assertThat(h.outbox.failed("d1")).isTrue();
        }
    }

    @Test
    void rendering_a_post_that_cannot_be_rendered_fails_it_without_posting() {
        try (RitualHarness h = new RitualHarness(TestDatabases.Kind.H2, MONDAY_0900_BERLIN)) {
            h.outbox.enqueue(new OutboxPost("q1", OutboxPost.PostKind.QUOTE, slack("C1"), Optional.empty(),
                    Optional.empty(), "999 2026-11-30"), h.clock.instant());
            RecordingGateway slack = new RecordingGateway("slack");
            h.deliveries("w1", slack).deliverDue();
            assertThat(slack.attempts()).isZero();
            assertThat(h.outbox.failed("q1")).isTrue();
        }
    }
}
