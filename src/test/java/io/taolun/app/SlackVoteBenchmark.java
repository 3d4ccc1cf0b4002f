package io.taolun.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.taolun.slack.FakeSlack;
import io.taolun.slack.SlackRequests;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signed vote clicks against Taolun's Slack endpoint, next to a bare Bolt app that only acknowledges (same JDK HTTP
 * server, same request parsing and signature check), and to a lean listener that checks the signature and reads the
 * press with one shared Gson instead of Bolt's per-request one (the way Taolun reads presses). Each side runs in a
 * JVM of its own ({@link BenchChild}), is warmed with the same number of clicks, and is then timed; the child's CPU
 * time over the timed run, divided by the clicks, is its CPU per click. The fake Slack (which takes Taolun's response_url confirmations and chat.update calls)
 * and the load stay in this JVM. The sides alternate within each of {@code bench.rounds} rounds.
 * Prints a table; decides nothing (it checks only that every acknowledged vote was stored).
 * Run with {@code mvn -B -q -Pbench test -Dtest=SlackVoteBenchmark}.
 */
@Tag("benchmark")
final class SlackVoteBenchmark {
    private static final int CLICKS = Integer.getInteger("bench.clicks", 2000);
    private static final int WARM = Integer.getInteger("bench.warmup", 2000);
    private static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 64);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    private static final String BARE = "bare Bolt app, ack only";
    private static final String LEAN = "lean listener (shared Gson), ack only";
    private static final String TAOLUN = "Taolun (vote committed, then ack)";
    private static final String TS = "1700000000.555555";

    /** Per round, Taolun's stored votes of the timed run. */
    private static final List<Integer> STORED = new ArrayList<>();

    @TempDir
    Path data;

    @Test
    void vote_clicks_against_a_bare_bolt_app() throws Exception {
        BenchRounds rounds = new BenchRounds();
        for (int r = 0; r < ROUNDS; r++) {
            rounds.add(BARE, side(false, null));
            rounds.add(LEAN, side(false, null, "slack-lean"));
            rounds.add(TAOLUN, side(true, Files.createDirectories(data.resolve("round-" + r))));
        }
        System.out.println(String.format(Locale.ROOT,
                "%n%d signed vote clicks from %d users, %d at a time, after %d warm-up clicks; each side in its own "
                        + "JVM, %d rounds, %d cores (shared)%n", CLICKS, CLICKS, CONCURRENCY, WARM, ROUNDS,
                Runtime.getRuntime().availableProcessors())
                + rounds.table("click") + rounds.ratio(TAOLUN, BARE) + rounds.ratio(TAOLUN, LEAN) + "200s per round: " + BARE + " "
                + rounds.of(BARE).stream().map(BenchRounds.Sample::ok).toList() + ", " + TAOLUN + " "
                + rounds.of(TAOLUN).stream().map(BenchRounds.Sample::ok).toList()
                + ", votes stored " + STORED);
        for (int r = 0; r < STORED.size(); r++) {
            assertThat(STORED.get(r)).as("stored votes, round " + (r + 1)).isEqualTo(rounds.of(TAOLUN).get(r).ok());
        }
    }

    /** Starts a fake Slack here and one side in a child (Taolun's on {@code dir}); warms it, then times it. */
    private static BenchRounds.Sample side(boolean taolun, Path dir) throws Exception {
        return side(taolun, dir, "slack-bare");
    }

    private static BenchRounds.Sample side(boolean taolun, Path dir, String bare) throws Exception {
        try (FakeSlack slack = FakeSlack.start();
                BenchChild.Running child = taolun ? new BenchChild.Running("slack-taolun", slack.apiUrl(),
                        dir.toString()) : new BenchChild.Running(bare, slack.apiUrl())) {
            URI events = URI.create(child.url);
            String responseUrl = slack.responseUrl("bench");
            if (taolun) {
                HttpResponse<String> opened = SlackRequests.post(events, BenchChild.SECRET,
                        System.currentTimeMillis() / 1000, SlackRequests.slashCommand("T1", "C1", "alice", "poll c1",
                                slack.responseUrl("cmd"), "open-trigger"), Map.of());
                assertThat(opened.statusCode()).isEqualTo(200);
                slack.awaitCall("chat.postMessage", 1, Duration.ofSeconds(30));
            }
            run(events, WARM, "warm", responseUrl);
            Duration before = child.cpu();
            Run timed = run(events, CLICKS, "voter", responseUrl);
            Duration cpu = child.cpu().minus(before);
            if (taolun) {
                // acknowledged means durable: every vote the bot answered 200 to is stored already (checked once the
                // table is printed)
                STORED.add(child.stored("voter"));
            }
            return new BenchRounds.Sample(timed.perSecond(), timed.p50(), timed.p99(), cpu.toNanos() / 1e3 / CLICKS,
                    timed.ok());
        }
    }

    private record Run(double perSecond, double p50, double p99, int ok) {
    }

    private static Run run(URI events, int clicks, String prefix, String responseUrl) throws Exception {
        long[] latencies = new long[clicks];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger ok = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
        long began = System.nanoTime();
        for (int t = 0; t < CONCURRENCY; t++) {
            pool.execute(() -> {
                for (int i = next.getAndIncrement(); i < clicks; i = next.getAndIncrement()) {
                    String body = SlackRequests.blockAction("T1", "C1", prefix + i, "taolun-button-0",
                            "vote 1 " + (i % 5 + 1), TS, responseUrl, prefix + "-trigger-" + i);
                    long start = System.nanoTime();
                    try {
                        HttpResponse<String> r = SlackRequests.post(events, BenchChild.SECRET,
                                System.currentTimeMillis() / 1000, body, Map.of());
                        if (r.statusCode() == 200) {
                            ok.incrementAndGet();
                        }
                    } catch (Exception e) {
                        // counted as not acknowledged
                    }
                    latencies[i] = System.nanoTime() - start;
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.MINUTES)).isTrue();
        double seconds = (System.nanoTime() - began) / 1e9;
        Arrays.sort(latencies);
        return new Run(clicks / seconds, latencies[clicks / 2] / 1e6, latencies[(int) (clicks * 0.99)] / 1e6, ok.get());
    }
}
