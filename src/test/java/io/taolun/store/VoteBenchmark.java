package io.taolun.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.taolun.core.Reply;
import io.taolun.core.poll.Tally;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
 * in the same run: the same number of single-row committed inserts from the same number of threads. Each database
 * gets {@code bench.rounds} rounds (default 3), each on a new poll, and a summary of medians with their ranges,
 * because one round on a shared machine decides nothing. Prints tables; decides nothing. Run with {@code mvn -B -q -Pbench test}; never part of the default test run.
 */
@Tag("benchmark")
final class VoteBenchmark {
    private static final int VOTES = Integer.getInteger("bench.votes", 20_000);
    private static final int THREADS = Integer.getInteger("bench.threads", 64);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    private static final StringBuilder TABLE = new StringBuilder();
    private static final StringBuilder SUMMARY = new StringBuilder();
    private static final StringBuilder CHOICES = new StringBuilder();

    private record Run(double perSecond, double p50, double p99) {
    }

    private interface Op {
        void run(int i) throws Exception;
    }

    @BeforeAll
    static void header() {
        TABLE.append(String.format(Locale.ROOT, "%n%d votes per round, %d rounds, %d concurrent voters, %d cores%n",
                VOTES, ROUNDS, THREADS, Runtime.getRuntime().availableProcessors()));
        TABLE.append(String.format(Locale.ROOT, "| %-10s | %-34s | %9s | %8s | %8s |%n", "database", "path",
                "per sec", "p50 ms", "p99 ms"));
        TABLE.append("|------------|------------------------------------|-----------|----------|----------|\n");
    }

    @AfterAll
    static void print() {
        System.out.println(TABLE);
        System.out.printf(Locale.ROOT, "%nMedian of %d rounds (lowest to highest), per second%n", ROUNDS);
        System.out.printf(Locale.ROOT, "| %-10s | %s | %s | %s |%n", "database", "floor: 1-row INSERT",
                "votes (group commit)", "ratio votes/floor");
        System.out.println(SUMMARY);
        if (!CHOICES.isEmpty()) {
            System.out.printf(Locale.ROOT, "%nSeveral choices (--max 2, each voter presses 2 options) against one "
                    + "choice, presses per second, median of %d rounds (lowest to highest)%n", ROUNDS);
            System.out.printf(Locale.ROOT, "| %-10s | %s | %s | %s |%n", "database", "baseline: one choice",
                    "several choices", "ratio several/one");
            System.out.println(CHOICES);
        }
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
            List<Double> floors = new ArrayList<>();
            List<Double> ours = new ArrayList<>();
            List<Double> ratios = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                // a new poll each round, so every round starts from an empty poll with first-time voters
                Reply opened = h.bot.as("alice", "poll c" + (round + 2));
                if (opened.error()) {
                    throw new IllegalStateException(opened.plainText());
                }
                long poll = latestPoll(h);
                int offset = round * VOTES;
                String prefix = "r" + round + "voter";
                Run floor = measure(VOTES, i -> {
                    try (Connection c = h.database.dataSource().getConnection();
                            PreparedStatement ps = c.prepareStatement(
                                    "INSERT INTO bench_floor (id, v) VALUES (?, ?)")) {
                        ps.setInt(1, offset + i);
                        ps.setInt(2, i % 5);
                        ps.executeUpdate();
                    }
                });
                GroupCommitVoteLedger.Stats before = h.ledger.stats();
                Run votes = measure(VOTES, i -> {
                    Reply r = h.bot.as(prefix + i, "vote " + poll + " " + (i % 5 + 1));
                    if (r.error()) {
                        throw new IllegalStateException(r.plainText());
                    }
                });
                GroupCommitVoteLedger.Stats after = h.ledger.stats();
                assertThat(h.store.tally(h.store.find(poll).orElseThrow()).total()).isEqualTo(VOTES);
                double ratio = votes.perSecond() / floor.perSecond();
                floors.add(floor.perSecond());
                ours.add(votes.perSecond());
                ratios.add(ratio);
                row(kind, "round " + (round + 1) + " floor: 1-row INSERT", floor);
                row(kind, "round " + (round + 1) + " votes (group commit)", votes);
                TABLE.append(String.format(Locale.ROOT, "| %-10s | round %d ratio %.2f; %.1f votes per commit%s |%n",
                        name(kind), round + 1, ratio,
                        (double) (after.votes() - before.votes()) / (after.commits() - before.commits()),
                        kind == TestDatabases.Kind.POSTGRES ? "; " + pgDurability(h) : ""));
            }
            SUMMARY.append(String.format(Locale.ROOT,
                    "| %-10s | %s | %s | %s |%n", name(kind), spread(floors, "%,.0f"), spread(ours, "%,.0f"),
                    spread(ratios, "%.2f")));
        }
    }

    /**
     * Presses on a poll of several choices (each voter toggles two options, under the poll's lock, one keyed path per
     * press) against presses on a poll of one choice (batched first votes), in the same run: the baseline is our own
     * single-choice path, so the ratio is what toggling costs.
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void presses_on_a_poll_of_several_choices_against_one_choice(TestDatabases.Kind kind) throws Exception {
        try (PollHarness h = new PollHarness(kind)) {
            String own = "poll --question \"哪些？\" --options \"甲|乙|丙|丁|戊\"";
            List<Double> ones = new ArrayList<>();
            List<Double> several = new ArrayList<>();
            List<Double> ratios = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                h.bot.as("alice", own);
                long single = latestPoll(h);
                h.bot.as("alice", own + " --max 2");
                long multi = latestPoll(h);
                String prefix = "r" + round + "v";
                Run one = measure(VOTES, i -> press(h, prefix + i, single, i % 5 + 1));
                Run two = measure(VOTES, i -> press(h, prefix + i / 2, multi, (i / 2 + i % 2) % 5 + 1));
                Tally tally = h.store.tally(h.store.find(multi).orElseThrow());
                assertThat(tally.total()).isEqualTo(VOTES);
                assertThat(tally.voters()).isEqualTo(VOTES / 2);
                ones.add(one.perSecond());
                several.add(two.perSecond());
                ratios.add(two.perSecond() / one.perSecond());
                row(kind, "round " + (round + 1) + " one choice", one);
                row(kind, "round " + (round + 1) + " several choices", two);
            }
            CHOICES.append(String.format(Locale.ROOT, "| %-10s | %s | %s | %s |%n", name(kind),
                    spread(ones, "%,.0f"), spread(several, "%,.0f"), spread(ratios, "%.2f")));
        }
    }

    private static void press(PollHarness h, String user, long poll, int option) {
        Reply r = h.bot.as(user, "vote " + poll + " " + option);
        if (r.error()) {
            throw new IllegalStateException(r.plainText());
        }
    }

    private static long latestPoll(PollHarness h) throws Exception {
        try (Connection c = h.database.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT MAX(id) FROM poll")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The median and, in brackets, the lowest and highest of the rounds. */
    private static String spread(List<Double> values, String format) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return String.format(Locale.ROOT, format + " (" + format + " to " + format + ")", median, sorted.get(0),
                sorted.get(n - 1));
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
