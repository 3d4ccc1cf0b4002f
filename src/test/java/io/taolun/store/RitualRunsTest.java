package io.taolun.store;

import static io.taolun.store.RitualHarness.discord;
import static io.taolun.store.RitualHarness.slack;
import static org.assertj.core.api.Assertions.assertThat;

import io.taolun.core.ChannelRef;
import io.taolun.core.ChatRequest;
import io.taolun.core.DeliveryException;
import io.taolun.core.poll.Poll;
import io.taolun.core.poll.PollService;
import io.taolun.core.ritual.OutboxDelivery;
import io.taolun.core.ritual.Ritual;
import io.taolun.core.ritual.RitualKind;
import io.taolun.core.ritual.Run;
import io.taolun.core.ritual.Slots;
import io.taolun.testing.TouchesTime;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@TouchesTime
final class RitualRunsTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Instant MONDAY_0900_BERLIN = Instant.parse("2026-11-30T08:00:00Z");

    private static Ritual.Spec quote(ChannelRef... where) {
        return new Ritual.Spec(RitualKind.QOTD, "a8e75d267bb866eb", Optional.empty(), LocalTime.of(9, 0), BERLIN,
                Duration.ZERO, List.of(where), Optional.empty(), "admin");
    }

    private static Ritual.Spec weeklyPoll(ChannelRef... where) {
        return new Ritual.Spec(RitualKind.WEEKLY_POLL, "a8e75d267bb866eb", Optional.of(DayOfWeek.MONDAY),
                LocalTime.of(9, 0), BERLIN, Duration.ofDays(6), List.of(where), Optional.empty(), "admin");
    }

    /** The claims weekly polls go round: the article's opinions and predictions, in order. */
    private static List<String> debatable(RitualHarness h) {
        List<String> ids = h.article.claims().stream()
                .filter(c -> c.kind() != io.taolun.core.article.ClaimKind.FACT).map(c -> c.id()).toList();
        List<String> facts = h.article.claims().stream()
                .filter(c -> c.kind() == io.taolun.core.article.ClaimKind.FACT).map(c -> c.id()).toList();
        assertThat(facts).isNotEmpty();
        assertThat(ids).hasSizeGreaterThan(2).doesNotContainAnyElementsOf(facts);
        return ids;
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void a_quote_slot_run_twice_is_posted_once(TestDatabases.Kind kind) {
        try (RitualHarness h = new RitualHarness(kind, MONDAY_0900_BERLIN)) {
            // GIVEN a quote of the day in a Slack channel, its 09:00 slot due
            Ritual ritual = h.rituals.create(quote(slack("C1")), h.clock.instant());
            RecordingGateway slack = new RecordingGateway("slack");
            OutboxDelivery deliveries = h.deliveries("w1", slack);
            // WHEN the scheduler runs the slot twice (as after a crash) and deliveries run
            Optional<Instant> next = h.runner.runSlot(ritual.id(), MONDAY_0900_BERLIN);
            h.runner.runSlot(ritual.id(), MONDAY_0900_BERLIN);
            deliveries.deliverDue();
            deliveries.deliverDue();
            // THEN one quote is posted, attributed to its section, and the next slot is Tuesday 09:00
            assertThat(slack.posts()).hasSize(1);
            assertThat(slack.posts().get(0).reply().plainText()).contains("§");
            assertThat(next).contains(Instant.parse("2026-12-01T08:00:00Z"));
            // AND quote today in that channel shows the same quote
            Run run = h.rituals.run(ritual.id(), "2026-11-30").orElseThrow();
            assertThat(h.runner.todaysQuote(slack("C1"), h.article.id())).contains(new io.taolun.core.article.RitualQuote(
                    Integer.parseInt(run.item().orElseThrow()), java.time.LocalDate.of(2026, 11, 30)));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void a_slot_missed_by_more_than_the_grace_period_is_skipped_not_posted_late(TestDatabases.Kind kind) {
        try (RitualHarness h = new RitualHarness(kind, MONDAY_0900_BERLIN.plus(Duration.ofHours(7)))) {
            // GIVEN the bot was down from before Monday 09:00 until 16:00
            Ritual ritual = h.rituals.create(quote(slack("C1")), MONDAY_0900_BERLIN.minus(Duration.ofDays(1)));
            RecordingGateway slack = new RecordingGateway("slack");
            // WHEN the missed slot runs at start
            Optional<Instant> next = h.runner.runSlot(ritual.id(), MONDAY_0900_BERLIN);
            h.deliveries("w1", slack).deliverDue();
            // THEN nothing is posted, the run says skipped, and the next slot is Tuesday's
            assertThat(slack.posts()).isEmpty();
            assertThat(h.rituals.run(ritual.id(), "2026-11-30").orElseThrow().skipped()).isTrue();
            assertThat(next).contains(Instant.parse("2026-12-01T08:00:00Z"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void a_slot_late_within_the_grace_period_is_still_posted(TestDatabases.Kind kind) {
        try (RitualHarness h = new RitualHarness(kind, MONDAY_0900_BERLIN.plus(Duration.ofHours(5)))) {
            Ritual ritual = h.rituals.create(quote(slack("C1")), MONDAY_0900_BERLIN.minus(Duration.ofDays(1)));
            RecordingGateway slack = new RecordingGateway("slack");
            // WHEN the slot runs five hours late
            h.runner.runSlot(ritual.id(), MONDAY_0900_BERLIN);
            h.deliveries("w1", slack).deliverDue();
            // THEN it is posted
            assertThat(slack.posts()).hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void a_weekly_poll_on_two_platforms_is_one_poll_with_one_tally_and_a_thread_under_each_message(
            TestDatabases.Kind kind) {
        try (RitualHarness h = new RitualHarness(kind, MONDAY_0900_BERLIN)) {
            // GIVEN a weekly poll posting to a Slack and a Discord channel
            Ritual ritual = h.rituals.create(weeklyPoll(slack("C1"), discord("D1")), h.clock.instant());
            RecordingGateway slack = new RecordingGateway("slack");
            RecordingGateway discord = new RecordingGateway("discord");
            OutboxDelivery deliveries = h.deliveries("w1", slack, discord);
            // WHEN its slot runs twice and deliveries run
            h.runner.runSlot(ritual.id(), MONDAY_0900_BERLIN);
            h.runner.runSlot(ritual.id(), MONDAY_0900_BERLIN);
            deliveries.deliverDue();
            deliveries.deliverDue();
            // THEN one poll exists, on the first opinion or prediction not polled in the channel
            Run run = h.rituals.run(ritual.id(), "2026-11-30").orElseThrow();
            Poll poll = h.polls.find(run.pollId().orElseThrow()).orElseThrow();
            assertThat(poll.claimId()).contains(debatable(h).get(0));
            assertThat(h.polls.latestIn(slack("C1"), poll.articleId())).map(Poll::id).contains(poll.id());
            // AND each platform got the poll and, in its thread, the closing question
            for (RecordingGateway platform : List.of(slack, discord)) {
                assertThat(platform.posts()).hasSize(2);
                RecordingGateway.Post pollPost = platform.posts().get(0);
                RecordingGateway.Post threadPost = platform.posts().get(1);
                assertThat(pollPost.reply().plainText()).contains("#" + poll.id());
                assertThat(pollPost.reply().buttons()).hasSize(5);
                assertThat(threadPost.threadOf()).contains(pollPost.messageId());
                // named after the poll and its claim, since every thread asks the same question
                assertThat(threadPost.reply().title())
                        .isEqualTo("投票 #" + poll.id() + " · " + poll.claimId().orElseThrow() + " · 你觉得呢?");
            }
            // AND votes from both platforms count in the one tally
            ChatRequest fromSlack = new ChatRequest("slack", "T1", "C1", "U1", "", "");
            ChatRequest fromDiscord = new ChatRequest("discord", "G1", "D1", "U1", "", "");
            h.pollService.vote(fromSlack, poll.id(), 1);
            h.pollService.vote(fromDiscord, poll.id(), 2);
            assertThat(h.polls.tally(poll).counts()).containsExactly(1, 1, 0, 0, 0);
            // AND a workspace it was not posted to cannot vote
            ChatRequest stranger = new ChatRequest("discord", "G2", "D9", "U1", "", "");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> h.pollService.vote(stranger, poll.id(), 1))
                    .isInstanceOf(io.taolun.core.BadInputException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void closing_a_weekly_poll_posts_its_results_with_a_chart_in_each_channel_and_thread_once(
            TestDatabases.Kind kind) {
        try (RitualHarness h = new RitualHarness(kind, MONDAY_0900_BERLIN)) {
            // GIVEN a posted weekly poll with votes
            Ritual ritual = h.rituals.create(weeklyPoll(slack("C1")), h.clock.instant());
            RecordingGateway slack = new RecordingGateway("slack");
            OutboxDelivery deliveries = h.deliveries("w1", slack);
            h.runner.runSlot(ritual.id(), MONDAY_0900_BERLIN);
            deliveries.deliverDue();
            long pollId = h.rituals.run(ritual.id(), "2026-11-30").orElseThrow().pollId().orElseThrow();
            h.pollService.vote(new ChatRequest("slack", "T1", "C1", "U1", "", ""), pollId, 2);
            assertThat(h.scheduler.calls).contains("close " + ritual.id() + " 2026-11-30 2026-12-06T08:00:00Z");
            // WHEN its close runs (twice, as after a crash) six days later
            h.clock.set(Instant.parse("2026-12-06T08:00:01Z"));
            h.runner.closeRun(ritual.id(), "2026-11-30");
            h.runner.closeRun(ritual.id(), "2026-11-30");
            deliveries.deliverDue();
            // THEN the poll is closed, and results with a PNG chart went to the channel and the thread, once each
            assertThat(h.polls.find(pollId).orElseThrow().isOpen(h.clock.instant())).isFalse();
            List<RecordingGateway.Post> results = slack.posts().subList(2, slack.posts().size());
            assertThat(results).hasSize(2);
            assertThat(results.get(0).threadOf()).isEmpty();
            assertThat(results.get(1).threadOf()).contains(slack.posts().get(0).messageId());
            for (RecordingGateway.Post post : results) {
                assertThat(post.reply().attachment()).hasValueSatisfying(a -> {
                    assertThat(a.mediaType()).isEqualTo("image/png");
                    assertThat(a.fileName()).isEqualTo("poll-" + pollId + ".png");
                });
                assertThat(post.reply().plainText()).contains("100%");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void the_next_weekly_poll_takes_the_next_claim_and_its_results_compare_with_earlier_runs(TestDatabases.Kind kind) {
        try (RitualHarness h = new RitualHarness(kind, MONDAY_0900_BERLIN)) {
            // GIVEN the first claim was polled by hand in the channel, with 1 of 2 agreeing
            String first = debatable(h).get(0);
            ChatRequest admin = new ChatRequest("slack", "T1", "C1", "U0", "", "", true);
            Poll manual = h.pollService.open(admin, new PollService.OpenRequest(Optional.of(first), Optional.empty(),
                    io.taolun.core.poll.OptionSets.likert(), Optional.empty(), false, true));
            h.pollService.vote(new ChatRequest("slack", "T1", "C1", "U1", "", ""), manual.id(), 1);
            h.pollService.vote(new ChatRequest("slack", "T1", "C1", "U2", "", ""), manual.id(), 4);
            h.pollService.close(admin, manual.id());
            // WHEN a weekly poll runs in that channel
            Ritual ritual = h.rituals.create(weeklyPoll(slack("C1")), h.clock.instant());
            h.runner.runSlot(ritual.id(), MONDAY_0900_BERLIN);
            // THEN it asks about the next opinion or prediction, not the one polled
            long pollId = h.rituals.run(ritual.id(), "2026-11-30").orElseThrow().pollId().orElseThrow();
            assertThat(h.polls.find(pollId).orElseThrow().claimId()).contains(debatable(h).get(1));
            // AND the results of a later poll on the first claim say how agreement moved since the manual poll
            Poll again = h.pollService.open(admin, new PollService.OpenRequest(Optional.of(first), Optional.empty(),
                    io.taolun.core.poll.OptionSets.likert(), Optional.empty(), false, true));
            h.pollService.vote(new ChatRequest("slack", "T1", "C1", "U1", "", ""), again.id(), 2);
            String results = h.pollMessages.finalResults(again, io.taolun.core.Lang.EN).plainText();
            assertThat(results).contains("100%").contains("#" + manual.id()).contains("50%").contains("+50 points");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void a_delivery_that_fails_twice_then_succeeds_is_posted_once_after_backing_off(TestDatabases.Kind kind) {
        try (RitualHarness h = new RitualHarness(kind, MONDAY_0900_BERLIN)) {
            // GIVEN a due quote and a platform that rate-limits twice (Retry-After 30 s), then takes the post
            Ritual ritual = h.rituals.create(quote(slack("C1")), h.clock.instant());
            h.runner.runSlot(ritual.id(), MONDAY_0900_BERLIN);
            RecordingGateway slack = new RecordingGateway("slack");
            slack.failNext(DeliveryException.retryable("429", Optional.of(Duration.ofSeconds(30)), null));
            slack.failNext(DeliveryException.retryable("connection refused", Optional.empty(), null));
            OutboxDelivery deliveries = h.deliveries("w1", slack);
            // WHEN deliveries run, the clock moving on between them
            deliveries.deliverDue();
            h.clock.advance(Duration.ofSeconds(29));
            deliveries.deliverDue();
            int beforeRetryAfter = slack.attempts();
            h.clock.advance(Duration.ofSeconds(2));
            deliveries.deliverDue();
            h.clock.advance(Duration.ofSeconds(11));
            deliveries.deliverDue();
            deliveries.deliverDue();
            // THEN the platform's wait was honoured, three attempts were made, and the quote was posted once
            assertThat(beforeRetryAfter).isEqualTo(1);
            assertThat(slack.attempts()).isEqualTo(3);
            assertThat(slack.posts()).hasSize(1);
            assertThat(h.outbox.describe()).singleElement().asString().startsWith("r" + ritual.id() + "s20261130q0 sent 3 ");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void a_post_refused_for_good_is_marked_failed_and_never_retried(TestDatabases.Kind kind) {
        try (RitualHarness h = new RitualHarness(kind, MONDAY_0900_BERLIN)) {
            Ritual ritual = h.rituals.create(weeklyPoll(slack("C1")), h.clock.instant());
            h.runner.runSlot(ritual.id(), MONDAY_0900_BERLIN);
            RecordingGateway slack = new RecordingGateway("slack");
            slack.failNext(DeliveryException.permanent("channel_not_found", null));
            OutboxDelivery deliveries = h.deliveries("w1", slack);
            // WHEN the poll post is refused for good
            deliveries.deliverDue();
            h.clock.advance(Duration.ofHours(1));
            deliveries.deliverDue();
            // THEN neither it nor the thread post under it is tried again
            assertThat(slack.attempts()).isEqualTo(1);
            assertThat(h.outbox.describe()).filteredOn(line -> line.matches("r\\d+s\\d+[pt]0 .*"))
                    .hasSize(2).allSatisfy(line -> assertThat(line).contains(" failed "));
            // AND the follow-up prompts of its thread, when their days come, are given up without an attempt
            h.clock.advance(Duration.ofDays(2));
            deliveries.deliverDue();
            assertThat(slack.attempts()).isEqualTo(1);
            assertThat(h.outbox.describe()).hasSize(4).allSatisfy(line -> assertThat(line).contains(" failed "));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void two_workers_racing_over_one_outbox_make_each_post_once(TestDatabases.Kind kind) throws Exception {
        try (RitualHarness h = new RitualHarness(kind, MONDAY_0900_BERLIN)) {
            // GIVEN 20 due quotes in 20 channels
            for (int i = 0; i < 20; i++) {
                Ritual ritual = h.rituals.create(quote(slack("C" + i)), h.clock.instant());
                h.runner.runSlot(ritual.id(), MONDAY_0900_BERLIN);
            }
            RecordingGateway slack = new RecordingGateway("slack");
            List<OutboxDelivery> workers = List.of(h.deliveries("w1", slack), h.deliveries("w2", slack),
                    h.deliveries("w3", slack));
            ExecutorService threads = Executors.newFixedThreadPool(3);
            CountDownLatch go = new CountDownLatch(1);
            // WHEN three workers deliver at once
            List<Future<Integer>> sent = workers.stream().map(w -> threads.submit(() -> {
                go.await();
                return w.deliverDue();
            })).toList();
            go.countDown();
            int total = 0;
            for (Future<Integer> f : sent) {
                total += f.get();
            }
            threads.shutdown();
            // THEN each channel got exactly one post
            assertThat(total).isEqualTo(20);
            assertThat(slack.posts()).hasSize(20);
            assertThat(slack.posts().stream().map(p -> p.where().channel()).distinct()).hasSize(20);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void a_ritual_turned_off_stops(TestDatabases.Kind kind) {
        try (RitualHarness h = new RitualHarness(kind, MONDAY_0900_BERLIN)) {
            Ritual ritual = h.rituals.create(quote(slack("C1")), h.clock.instant());
            h.rituals.deactivate(ritual.id());
            // WHEN its slot runs
            // THEN it asks not to run again and records nothing
            assertThat(h.runner.runSlot(ritual.id(), MONDAY_0900_BERLIN)).isEmpty();
            assertThat(h.rituals.run(ritual.id(), "2026-11-30")).isEmpty();
            assertThat(Slots.next(ritual.spec(), MONDAY_0900_BERLIN).key()).isEqualTo("2026-12-01");
        }
    }
}
