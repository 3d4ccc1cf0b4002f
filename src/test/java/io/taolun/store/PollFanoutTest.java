package io.taolun.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.taolun.core.ChatRequest;
import io.taolun.core.Lang;
import io.taolun.core.poll.PollService;
import io.taolun.core.ritual.HandPollPosts;
import io.taolun.core.ritual.PollFanout;
import io.taolun.core.ritual.Ritual;
import io.taolun.core.ritual.RitualKind;
import io.taolun.core.ritual.RitualPosts;
import io.taolun.testing.Await;
import io.taolun.testing.TouchesTime;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;

/** After a vote on either platform, every posted message of the poll shows the new tally. */
@TouchesTime
final class PollFanoutTest {
    @Test
    void a_vote_on_one_platform_refreshes_the_poll_messages_on_both() throws Exception {
        ScheduledExecutorService timers = Executors.newScheduledThreadPool(2);
        try (RitualHarness h = new RitualHarness(TestDatabases.Kind.H2, Instant.parse("2026-11-30T08:00:00Z"))) {
            // GIVEN a weekly poll posted to a Slack and a Discord channel
            Ritual ritual = h.rituals.create(new Ritual.Spec(RitualKind.WEEKLY_POLL, h.article.id(),
                    Optional.of(DayOfWeek.MONDAY), LocalTime.of(9, 0), ZoneId.of("Europe/Berlin"), Duration.ofDays(6),
                    List.of(RitualHarness.slack("C1"), RitualHarness.discord("D1")), Optional.empty(), "admin"),
                    h.clock.instant());
            RecordingGateway slack = new RecordingGateway("slack");
            RecordingGateway discord = new RecordingGateway("discord");
            h.runner.runSlot(ritual.id(), h.clock.instant());
            h.deliveries("w1", slack, discord).deliverDue();
            long pollId = h.rituals.run(ritual.id(), "2026-11-30").orElseThrow().pollId().orElseThrow();
            RitualPosts posts = new RitualPosts(h.article, h.pollMessages, RitualHarness.CHART, where -> Lang.EN);
            PollFanout fanout = new PollFanout(h.outbox, List.of(slack, discord), h.polls, posts, timers, timers,
                    h.clock, Duration.ofMillis(100));
            PollService polls = new PollService(h.article, h.polls, h.ledger, io.taolun.core.TestBot.everyoneMayOpen(),
                    h.clock, h.reach, fanout::changed);
            // WHEN three people vote on Discord, in quick succession
            for (String user : List.of("U1", "U2", "U3")) {
                polls.vote(new ChatRequest("discord", "G1", "D1", user, "", ""), pollId, 2);
            }
            // THEN both messages are edited to show the three votes, in at most a few coalesced edits each
            Await.until("both messages showing 3 votes", () -> showsVotes(slack, 3) && showsVotes(discord, 3));
            assertThat(showsVotes(slack, 3)).isTrue();
            assertThat(showsVotes(discord, 3)).isTrue();
            assertThat(slack.edits()).allSatisfy(e -> assertThat(e.messageId()).isEqualTo(slack.posts().get(0).messageId()));
            assertThat(discord.edits()).allSatisfy(e -> assertThat(e.where().channel()).isEqualTo("D1"));
            assertThat(slack.edits().size()).isLessThanOrEqualTo(3);
        } finally {
            timers.shutdownNow();
        }
    }

    private static boolean showsVotes(RecordingGateway platform, int votes) {
        List<RecordingGateway.Edit> edits = platform.edits();
        return !edits.isEmpty() && edits.get(edits.size() - 1).reply().plainText().contains(votes + " votes");
    }

    @Test
    void a_hand_poll_closed_while_its_platform_fails_edits_for_now_is_still_shown_closed() throws Exception {
        ScheduledExecutorService timers = Executors.newScheduledThreadPool(2);
        try (RitualHarness h = new RitualHarness(TestDatabases.Kind.H2, Instant.parse("2026-11-30T08:00:00Z"))) {
            // GIVEN a poll opened by hand on Slack whose message was recorded, and a fanout keeping it current
            RecordingGateway slack = new RecordingGateway("slack");
            RitualPosts posts = new RitualPosts(h.article, h.pollMessages, RitualHarness.CHART, where -> Lang.ZH);
            PollFanout fanout = new PollFanout(h.outbox, List.of(slack), h.polls, posts, timers, timers, h.clock,
                    Duration.ofMillis(50));
            PollService polls = new PollService(h.article, h.polls, h.ledger, io.taolun.core.TestBot.everyoneMayOpen(),
                    h.clock, h.reach, fanout::changed);
            ChatRequest alice = new ChatRequest("slack", "T1", "C1", "U1", "", "");
            long pollId = polls.open(alice, new PollService.OpenRequest(Optional.of("c1"), Optional.empty(),
                    io.taolun.core.poll.OptionSets.likert(), Optional.empty(), false, true)).id();
            h.runner.pollPosted(pollId, RitualHarness.slack("C1"), "ts-1", Lang.ZH);
            // AND Slack refuses the next two edits for now (a 5xx)
            slack.failNextEdit(io.taolun.core.DeliveryException.retryable("chat.update 500", Optional.empty(), null));
            slack.failNextEdit(io.taolun.core.DeliveryException.retryable("chat.update 500", Optional.empty(), null));
            // WHEN its opener closes it
            polls.close(alice, pollId);
            // THEN the message is edited closed all the same, without buttons
            Await.until("the message shown closed", () -> slack.edits().stream()
                    .anyMatch(e -> e.messageId().equals("ts-1") && e.reply().buttons().isEmpty()
                            && e.reply().title().contains("已截止")));
            assertThat(slack.edits()).allSatisfy(e -> assertThat(e.reply().buttons()).isEmpty());
        } finally {
            timers.shutdownNow();
        }
    }

    @Test
    void a_vote_pressed_on_a_message_no_adapter_recorded_makes_the_core_keep_that_message_current() throws Exception {
        ScheduledExecutorService timers = Executors.newScheduledThreadPool(2);
        try (RitualHarness h = new RitualHarness(TestDatabases.Kind.H2, Instant.parse("2026-11-30T08:00:00Z"))) {
            // GIVEN a poll opened by hand on Slack whose message was never recorded (posted through response_url)
            RecordingGateway slack = new RecordingGateway("slack");
            RitualPosts posts = new RitualPosts(h.article, h.pollMessages, RitualHarness.CHART, where -> Lang.EN);
            PollFanout fanout = new PollFanout(h.outbox, List.of(slack), h.polls, posts,
                    Optional.of(new HandPollPosts(h.polls, h.rituals, h.outbox, h.scheduler, h.clock)), timers,
                    timers, h.clock, Duration.ofMillis(50));
            PollService polls = new PollService(h.article, h.polls, h.ledger, io.taolun.core.TestBot.everyoneMayOpen(),
                    h.clock, h.reach, fanout::changed);
            ChatRequest alice = new ChatRequest("slack", "T1", "C1", "U1", "", "");
            long pollId = polls.open(alice, new PollService.OpenRequest(Optional.of("c1"), Optional.empty(),
                    io.taolun.core.poll.OptionSets.likert(), Optional.empty(), false, false)).id();
            assertThat(h.outbox.pollMessages(pollId)).isEmpty();
            // WHEN bob votes through that message's button, and carol after him on the same message
            polls.vote(new ChatRequest("slack", "T1", "C1", "U2", "", ""), pollId, 2);
            fanout.pressed(pollId, RitualHarness.slack("C1"), "ts-9", Lang.EN);
            Await.until("the message recorded", () -> !h.outbox.pollMessages(pollId).isEmpty());
            polls.vote(new ChatRequest("slack", "T1", "C1", "U3", "", ""), pollId, 2);
            fanout.pressed(pollId, RitualHarness.slack("C1"), "ts-9", Lang.EN);
            // THEN the core recorded it once, scheduled the poll's close, and edits it to the live tally
            Await.until("the message showing 2 votes", () -> showsVotes(slack, 2));
            assertThat(h.outbox.pollMessages(pollId)).extracting(m -> m.messageId()).containsExactly("ts-9");
            assertThat(h.scheduler.calls).contains("closePoll " + pollId + " " + h.polls.find(pollId).orElseThrow().closesAt().orElseThrow());
            assertThat(slack.edits()).allSatisfy(e -> assertThat(e.messageId()).isEqualTo("ts-9"));
        } finally {
            timers.shutdownNow();
        }
    }
}
