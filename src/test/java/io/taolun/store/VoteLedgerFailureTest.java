package io.taolun.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taolun.core.TestBot;
import io.taolun.core.poll.VoteOutcome;
import io.taolun.core.poll.VoteRejectedException;
import io.taolun.core.poll.VoteRequest;
import io.taolun.testing.Await;
import io.taolun.testing.TouchesTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The vote writer when things go wrong, and two replicas on one database. */
@TouchesTime
final class VoteLedgerFailureTest {

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void one_vote_that_cannot_be_stored_sinks_neither_its_group_nor_the_writer(TestDatabases.Kind kind)
            throws Exception {
        try (PollHarness h = new PollHarness(kind)) {
            h.bot.as("alice", "poll c1");
            Instant now = TestBot.NOW;
            // GIVEN 63 good votes and one whose user id is longer than the column, all at once
            ExecutorService pool = Executors.newFixedThreadPool(64);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<VoteOutcome>> results = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                String user = i == 17 ? "x".repeat(150) : "u" + i;
                results.add(pool.submit(() -> {
                    start.await();
                    return h.ledger.cast(new VoteRequest(1, "console", user, 1, now)).outcome();
                }));
            }
            start.countDown();
            // THEN the 63 are counted, and the bad one alone is refused, for what it is: the data error, not a wait
            // for a commit that ran out (a writer stuck on the bad vote would leave the others refused "not written
            // in time", which the CAST expected of each of them rules out, on a machine of any speed)
            int refused = 0;
            for (Future<VoteOutcome> f : results) {
                try {
                    assertThat(f.get(Await.CEILING.toSeconds(), TimeUnit.SECONDS)).isEqualTo(VoteOutcome.CAST);
                } catch (java.util.concurrent.ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(VoteRejectedException.class)
                            .hasMessage("vote not committed").hasRootCauseInstanceOf(java.sql.SQLException.class);
                    refused++;
                }
            }
            pool.shutdown();
            assertThat(refused).isEqualTo(1);
            assertThat(h.store.tally(h.store.find(1).orElseThrow()).total()).isEqualTo(63);
            // AND the writer still works afterwards
            assertThat(h.ledger.cast(new VoteRequest(1, "console", "late", 2, now)).outcome())
                    .isEqualTo(VoteOutcome.CAST);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void a_vote_on_a_poll_that_vanished_is_refused_not_counted(TestDatabases.Kind kind) {
        try (PollHarness h = new PollHarness(kind)) {
            assertThat(h.ledger.cast(new VoteRequest(99, "console", "bob", 1, TestBot.NOW)).outcome())
                    .isEqualTo(VoteOutcome.CLOSED);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void a_closed_ledger_refuses_votes_at_once(TestDatabases.Kind kind) {
        try (PollHarness h = new PollHarness(kind)) {
            h.bot.as("alice", "poll c1");
            h.ledger.close();
            assertThatThrownBy(() -> h.ledger.cast(new VoteRequest(1, "console", "bob", 1, TestBot.NOW)))
                    .isInstanceOf(VoteRejectedException.class);
        }
    }

    @org.junit.jupiter.api.Test
    void two_replicas_on_one_postgresql_count_every_voter_once_and_honour_each_others_close() throws Exception {
        TestDatabases.Url url = TestDatabases.fresh(TestDatabases.Kind.POSTGRES);
        try (PollHarness a = new PollHarness(url, TestBot.everyoneMayOpen());
                PollHarness b = new PollHarness(url, TestBot.everyoneMayOpen())) {
            a.bot.as("alice", "poll c1");
            // WHEN 400 presses from 100 people arrive at both replicas at once (each person presses 4 times)
            ExecutorService pool = Executors.newFixedThreadPool(64);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> work = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                int n = i;
                PollHarness replica = n % 2 == 0 ? a : b;
                work.add(pool.submit(() -> {
                    start.await();
                    return replica.bot.as("p" + (n % 100), "vote 1 " + (n / 100 + 1));
                }));
            }
            start.countDown();
            for (Future<?> f : work) {
                f.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();
            // THEN every person holds exactly one vote, whichever replica took which press
            assertThat(a.store.tally(a.store.find(1).orElseThrow()).total()).isEqualTo(100);
            assertThat(b.store.voters(1).values().stream().mapToInt(List::size).sum()).isEqualTo(100);
            assertThat(a.bot.failures).isEmpty();
            assertThat(b.bot.failures).isEmpty();

            // WHEN replica A closes the poll, replica B (which has it cached as open) gets a vote
            b.bot.as("late", "results 1");
            a.bot.as("alice", "close 1");
            var late = b.bot.as("late", "vote 1 1");
            // THEN B refuses it
            assertThat(late.error()).isTrue();
            assertThat(late.plainText()).contains("#1 已经截止");
            assertThat(a.store.tally(a.store.find(1).orElseThrow()).total()).isEqualTo(100);
        }
    }
}
