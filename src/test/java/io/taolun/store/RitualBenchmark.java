package io.taolun.store;

import io.taolun.core.ChannelRef;
import io.taolun.core.Lang;
import io.taolun.core.Reply;
import io.taolun.core.ritual.OutboxDelivery;
import io.taolun.core.ritual.OutboxPost;
import io.taolun.core.ritual.Ritual;
import io.taolun.core.ritual.RitualKind;
import io.taolun.core.ritual.RitualPosts;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A busy 09:00: {@code bench.rituals} channels (default 1,000) whose quote of the day is due at once. Measures
 * running every slot (recording the run and its post) and delivering the posts through the outbox with two workers,
 * against two baselines measured in the same run: rendering and posting the same quotes straight to the platform
 * (no run, no outbox, no claims: what a scheduler without exactly-once does), and the database floor of a durable
 * outbox, four committed single-row writes per post (run, post, claim, sent) from two threads. The platform is an
 * in-memory recorder, so the figures are Taolun's own cost.
 * Prints a table; decides nothing. Run with {@code mvn -B -q -Pbench test}.
 */
@Tag("benchmark")
final class RitualBenchmark {
    private static final int RITUALS = Integer.getInteger("bench.rituals", 1_000);
    private static final Instant NINE = Instant.parse("2026-11-30T01:00:00Z");
    private static final StringBuilder TABLE = new StringBuilder();

    @BeforeAll
    static void header() {
        TABLE.append(String.format(Locale.ROOT, "%n%d quotes of the day due at the same minute, %d cores%n", RITUALS,
                Runtime.getRuntime().availableProcessors()));
        TABLE.append(String.format(Locale.ROOT, "| %-10s | %-44s | %9s | %10s |%n", "database", "path", "posts/s",
                "all done s"));
        TABLE.append("|------------|----------------------------------------------|-----------|------------|\n");
    }

    @AfterAll
    static void print() {
        System.out.println(TABLE);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void a_busy_minute_through_the_outbox_against_posting_directly(TestDatabases.Kind kind) throws Exception {
        try (RitualHarness h = new RitualHarness(kind, NINE)) {
            List<Ritual> rituals = new ArrayList<>();
            for (int i = 0; i < RITUALS; i++) {
                rituals.add(h.rituals.create(new Ritual.Spec(RitualKind.QOTD, h.article.id(), Optional.empty(),
                        LocalTime.of(9, 0), ZoneId.of("Asia/Shanghai"), Duration.ZERO,
                        List.of(new ChannelRef("slack", "T1", "C" + i)), Optional.empty(), "bench"), NINE));
            }
            RitualPosts posts = new RitualPosts(h.article, h.pollMessages, RitualHarness.CHART, where -> Lang.ZH);

            // baseline 1: the same quotes rendered and posted straight away (second pass, warm)
            double baseline = 0;
            for (int pass = 0; pass < 2; pass++) {
                RecordingGateway direct = new RecordingGateway("slack");
                long began = System.nanoTime();
                for (int i = 0; i < RITUALS; i++) {
                    OutboxPost post = new OutboxPost("b" + i, OutboxPost.PostKind.QUOTE,
                            new ChannelRef("slack", "T1", "C" + i), Optional.empty(), Optional.empty(),
                            (1 + i % h.article.quotes().size()) + " 2026-11-30");
                    Reply reply = posts.render(post);
                    direct.post(post.where(), Optional.empty(), reply, post.key());
                }
                baseline = seconds(began);
            }
            // baseline 2: the database floor, four committed single-row writes per post from two threads
            double floor = floor(h, 4 * RITUALS);
            long start;

            // Taolun: run every slot (two scheduler threads), then two delivery workers drain the outbox
            RecordingGateway slack = new RecordingGateway("slack");
            ExecutorService threads = Executors.newFixedThreadPool(2);
            start = System.nanoTime();
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                int first = t;
                runs.add(threads.submit(() -> {
                    for (int i = first; i < RITUALS; i += 2) {
                        h.runner.runSlot(rituals.get(i).id(), NINE);
                    }
                }));
            }
            for (Future<?> f : runs) {
                f.get();
            }
            double slotsDone = seconds(start);
            List<OutboxDelivery> workers = List.of(h.deliveries("w1", slack), h.deliveries("w2", slack));
            List<Future<?>> drains = new ArrayList<>();
            for (OutboxDelivery worker : workers) {
                drains.add(threads.submit(() -> {
                    while (slack.posts().size() < RITUALS) {
                        if (worker.deliverDue() == 0) {
                            Thread.onSpinWait();
                        }
                    }
                }));
            }
            for (Future<?> f : drains) {
                f.get();
            }
            double total = seconds(start);
            threads.shutdown();
            if (slack.posts().size() != RITUALS || slack.posts().stream().map(p -> p.where()).distinct().count() != RITUALS) {
                throw new AssertionError("posts were lost or doubled: " + slack.posts().size());
            }
            row(kind, "baseline: render and post directly", RITUALS / baseline, baseline);
            row(kind, "floor: 4 committed 1-row writes per post", RITUALS / floor, floor);
            row(kind, "slots run (run + outbox row), 2 threads", RITUALS / slotsDone, slotsDone);
            row(kind, "slots run and posts delivered, 2 workers", RITUALS / total, total);
            TABLE.append(String.format(Locale.ROOT, "| %-10s | %-44s | %9s | %10s |%n", kind,
                    "ratio Taolun / floor (posts per second)", String.format(Locale.ROOT, "%.2f", floor / total), ""));
        }
    }

    /** Seconds for {@code writes} autocommitted single-row inserts and updates into a scratch table, two threads. */
    private static double floor(RitualHarness h, int writes) throws Exception {
        try (java.sql.Connection c = h.database.dataSource().getConnection();
                java.sql.Statement st = c.createStatement()) {
            st.execute("CREATE TABLE bench_floor (id INT PRIMARY KEY, state VARCHAR(10))");
        }
        ExecutorService threads = Executors.newFixedThreadPool(2);
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            int first = t;
            done.add(threads.submit(() -> {
                try (java.sql.Connection c = h.database.dataSource().getConnection();
                        java.sql.PreparedStatement insert = c.prepareStatement(
                                "INSERT INTO bench_floor (id, state) VALUES (?, 'new')");
                        java.sql.PreparedStatement update = c.prepareStatement(
                                "UPDATE bench_floor SET state = 'done' WHERE id = ?")) {
                    for (int i = first; i < writes / 2; i += 2) {
                        insert.setInt(1, i);
                        insert.executeUpdate();
                        update.setInt(1, i);
                        update.executeUpdate();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        threads.shutdown();
        return seconds(start);
    }

    private static void row(TestDatabases.Kind kind, String path, double perSecond, double seconds) {
        TABLE.append(String.format(Locale.ROOT, "| %-10s | %-44s | %,9.0f | %10.2f |%n", kind, path, perSecond, seconds));
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
