package io.taolun.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.taolun.core.Reply;
import io.taolun.core.poll.Poll;
import io.taolun.testing.Await;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Many people pressing buttons at the same moment, on H2 and on PostgreSQL. */
final class ConcurrentVotesTest {
    private static final int THREADS = 64;

    private static List<Reply> all(int threads, java.util.function.IntFunction<Callable<Reply>> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Reply>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Callable<Reply> work = task.apply(i);
                futures.add(pool.submit(() -> {
                    start.await();
                    return work.call();
                }));
            }
            start.countDown();
            List<Reply> replies = new ArrayList<>();
            for (Future<Reply> f : futures) {
                replies.add(f.get(60, TimeUnit.SECONDS));
            }
            return replies;
        } finally {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void sixty_four_people_voting_at_once_give_the_exact_tally(TestDatabases.Kind kind) throws Exception {
        try (PollHarness h = new PollHarness(kind)) {
            // GIVEN
            h.bot.as("alice", "poll c1");
            // WHEN 64 different people vote at the same moment, person i for option i % 5 + 1
            List<Reply> replies = all(THREADS, i -> () -> h.bot.as("voter" + i, "vote 1 " + (i % 5 + 1)));
            // THEN every one was told their vote counted, and the tally is exactly 64
            assertThat(replies).allSatisfy(r -> assertThat(r.error()).as(r.plainText()).isFalse());
            Poll poll = h.store.find(1).orElseThrow();
            assertThat(h.store.tally(poll).counts()).containsExactly(13, 13, 13, 13, 12);
            assertThat(h.bot.failures).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void votes_that_wait_together_are_committed_together(TestDatabases.Kind kind) throws Exception {
        try (PollHarness h = new PollHarness(kind)) {
            h.bot.as("alice", "poll c1");
            GroupCommitVoteLedger.Stats before = h.ledger.stats();
            // GIVEN the poll's row is locked by another transaction, so the writer's first group has to wait
            try (Connection blocker = h.database.dataSource().getConnection()) {
                blocker.setAutoCommit(false);
                try (Statement s = blocker.createStatement()) {
                    s.executeQuery("SELECT id FROM poll WHERE id = 1 FOR UPDATE").close();
                }
                // WHEN 64 people vote meanwhile
                ExecutorService pool = Executors.newFixedThreadPool(THREADS);
                List<Future<Reply>> votes = new ArrayList<>();
                for (int i = 0; i < THREADS; i++) {
                    int n = i;
                    votes.add(pool.submit(() -> h.bot.as("g" + n, "vote 1 1")));
                }
                Await.until("all " + THREADS + " voters waiting for their commit", () -> h.ledger.waiting() == THREADS);
                blocker.commit();
                for (Future<Reply> vote : votes) {
                    assertThat(vote.get(30, TimeUnit.SECONDS).error()).isFalse();
                }
                pool.shutdown();
            }
            // THEN the queued votes went out in a handful of commits, not 64
            GroupCommitVoteLedger.Stats after = h.ledger.stats();
            assertThat(after.votes() - before.votes()).isEqualTo(THREADS);
            assertThat(after.commits() - before.commits()).isBetween(1L, 4L);
            assertThat(h.store.tally(h.store.find(1).orElseThrow()).total()).isEqualTo(THREADS);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void rapid_clicks_by_the_same_people_never_count_anyone_twice(TestDatabases.Kind kind) throws Exception {
        try (PollHarness h = new PollHarness(kind)) {
            h.bot.as("alice", "poll c1");
            // WHEN 8 people each hammer the buttons from 8 threads at once, every thread a different option
            List<Reply> replies = all(THREADS, i -> () -> h.bot.as("clicker" + (i % 8), "vote 1 " + (i / 8 % 5 + 1)));
            // THEN each of them holds exactly one vote: presses within the double-click window never retract
            assertThat(replies).allSatisfy(r -> assertThat(r.error()).isFalse());
            assertThat(h.store.tally(h.store.find(1).orElseThrow()).total()).isEqualTo(8);
            assertThat(h.store.voters(1).values().stream().flatMap(List::stream).distinct().count()).isEqualTo(8);
        }
    }
}
