package io.taolun.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.taolun.core.Reply;
import io.taolun.core.poll.Poll;
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
    void a_burst_is_written_in_grouped_commits(TestDatabases.Kind kind) throws Exception {
        try (PollHarness h = new PollHarness(kind)) {
            h.bot.as("alice", "poll c1");
            // WHEN 64 people vote at once, three times over
            for (int round = 0; round < 3; round++) {
                int r = round;
                all(THREADS, i -> () -> h.bot.as("r" + r + "v" + i, "vote 1 1"));
            }
            // THEN fewer commits than votes were needed
            GroupCommitVoteLedger.Stats stats = h.ledger.stats();
            assertThat(stats.votes()).isEqualTo(3 * THREADS);
            assertThat(stats.commits()).isLessThanOrEqualTo(stats.votes() / 4);
            assertThat(h.store.tally(h.store.find(1).orElseThrow()).total()).isEqualTo(3 * THREADS);
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
