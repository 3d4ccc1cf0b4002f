package io.taolun.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.taolun.core.Reply;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Vote throughput and latency through the router (the path the adapters use), next to the database's floor measured
 * in the same run: the same number of single-row committed inserts from the same number of threads. Prints a table;
 * decides nothing. Run with {@code mvn -B -q -Pbench test}; never part of the default test run.
 */
@Tag("benchmark")
final class VoteBenchmark {
    private static final int VOTES = Integer.getInteger("bench.votes", 20_000);
    private static final int THREADS = Integer.getInteger("bench.threads", 64);
    private static final StringBuilder TABLE = new StringBuilder();

    private record Run(double perSecond, double p50, double p99) {
    }

    private interface Op {
        void run(int i) throws Exception;
    }

    @BeforeAll
    static void header() {
        TABLE.append(String.format(Locale.ROOT, "%n%d votes, %d concurrent voters, %d cores%n", VOTES, THREADS,
                Runtime.getRuntime().availableProcessors()));
        TABLE.append(String.format(Locale.ROOT, "| %-10s | %-34s | %9s | %8s | %8s |%n", "database", "path",
                "per sec", "p50 ms", "p99 ms"));
        TABLE.append("|------------|------------------------------------|-----------|----------|----------|\n");
    }

    @AfterAll
    static void print() {
        System.out.println(TABLE);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void votes_per_second_against_the_database_floor(TestDatabases.Kind kind) throws Exception {
        try (PollHarness h = new PollHarness(kind)) {
            h.bot.as("alice", "poll c1");
            try (Connection c = h.database.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE bench_floor (id INT PRIMARY KEY, v INT NOT NULL)");
            }
            measure(50, i -> h.bot.as("warm" + i, "vote 1 1"));

            Run floor = measure(VOTES, i -> {
                try (Connection c = h.database.dataSource().getConnection();
                        PreparedStatement ps = c.prepareStatement("INSERT INTO bench_floor (id, v) VALUES (?, ?)")) {
                    ps.setInt(1, i);
                    ps.setInt(2, i % 5);
                    ps.executeUpdate();
                }
            });
            Run votes = measure(VOTES, i -> {
                Reply r = h.bot.as("voter" + i, "vote 1 " + (i % 5 + 1));
                if (r.error()) {
                    throw new IllegalStateException(r.plainText());
                }
            });
            assertThat(h.store.tally(h.store.find(1).orElseThrow()).total()).isEqualTo(VOTES + 50);
            GroupCommitVoteLedger.Stats stats = h.ledger.stats();
            row(kind, "floor: 1-row committed INSERT", floor);
            row(kind, "votes via router (group commit)", votes);
            TABLE.append(String.format(Locale.ROOT,
                    "| %-10s | ratio votes/floor %.2fx; %.1f votes per commit%s |%n", name(kind),
                    votes.perSecond() / floor.perSecond(), (double) stats.votes() / stats.commits(),
                    kind == TestDatabases.Kind.POSTGRES ? "; " + pgDurability(h) : ""));
        }
    }

    private static String pgDurability(PollHarness h) throws Exception {
        try (Connection c = h.database.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet fsync = s.executeQuery("SHOW fsync")) {
            fsync.next();
            String f = fsync.getString(1);
            try (ResultSet sync = s.executeQuery("SHOW synchronous_commit")) {
                sync.next();
                return "fsync=" + f + ", synchronous_commit=" + sync.getString(1);
            }
        }
    }

    private static void row(TestDatabases.Kind kind, String path, Run run) {
        TABLE.append(String.format(Locale.ROOT, "| %-10s | %-34s | %9.0f | %8.2f | %8.2f |%n", name(kind), path,
                run.perSecond(), run.p50(), run.p99()));
    }

    private static String name(TestDatabases.Kind kind) {
        return kind == TestDatabases.Kind.H2 ? "H2 file" : "PostgreSQL";
    }

    private static Run measure(int count, Op op) throws Exception {
        long[] latencies = new long[count];
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger failures = new AtomicInteger();
        for (int t = 0; t < THREADS; t++) {
            pool.execute(() -> {
                try {
                    start.await();
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        long began = System.nanoTime();
                        op.run(i);
                        latencies[i] = System.nanoTime() - began;
                    }
                } catch (Exception e) {
                    failures.incrementAndGet();
                    e.printStackTrace();
                }
            });
        }
        long began = System.nanoTime();
        start.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.MINUTES)).isTrue();
        long elapsed = System.nanoTime() - began;
        assertThat(failures).hasValue(0);
        Arrays.sort(latencies);
        return new Run(count / (elapsed / 1e9), latencies[count / 2] / 1e6, latencies[(int) (count * 0.99)] / 1e6);
    }
}
