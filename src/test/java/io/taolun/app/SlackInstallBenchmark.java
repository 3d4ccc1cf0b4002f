package io.taolun.app;

import io.taolun.slack.SlackRequests;
import io.taolun.store.TestDatabases;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What installing through OAuth costs a request: signed {@code /article quote} commands answered by a server
 * installed in two workspaces (each request authorized with its workspace's installation, tokens sealed in H2)
 * against the same commands to a server with one {@code SLACK_BOT_TOKEN}, in the same JVM and run, alternating, median
 * of {@code bench.rounds} rounds (default 3) of {@code bench.commands} commands (default 2,000) from 16 threads.
 * Prints a table; decides nothing. Run with {@code mvn -B -q -Pbench test -Dtest=SlackInstallBenchmark}.
 */
@Tag("benchmark")
final class SlackInstallBenchmark {
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    private static final int COMMANDS = Integer.getInteger("bench.commands", 2000);
    private static final int THREADS = 16;

    @TempDir
    Path data;

    /** One round: commands per second, and the median and 99th percentile of their answers, in ms. */
    private record Round(double perSecond, double p50, double p99) {
    }

    private static Round run(SlackServerHarness h, List<String> teams, int commands) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        AtomicInteger next = new AtomicInteger();
        List<Long> took = Collections.synchronizedList(new ArrayList<>());
        List<Callable<Void>> clients = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            clients.add(() -> {
                for (int i = next.getAndIncrement(); i < commands; i = next.getAndIncrement()) {
                    String team = teams.get(i % teams.size());
                    long start = System.nanoTime();
                    HttpResponse<String> answer = h.post(SlackRequests.slashCommand(team, "C" + team, "U" + (i % 50),
                            "quote", h.slack.responseUrl("bench"), "bench-" + team + "-" + i + "-" + start), Map.of());
                    if (answer.statusCode() != 200 || !answer.body().contains("§")) {
                        throw new IllegalStateException("not answered: " + answer.statusCode() + " " + answer.body());
                    }
                    took.add(System.nanoTime() - start);
                }
                return null;
            });
        }
        long start = System.nanoTime();
        try {
            for (Future<Void> f : pool.invokeAll(clients)) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Long> sorted = new ArrayList<>(took);
        Collections.sort(sorted);
        return new Round(commands / seconds, sorted.get(sorted.size() / 2) / 1e6,
                sorted.get((int) (sorted.size() * 0.99)) / 1e6);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    @Test
    void commands_to_two_installed_workspaces_against_one_bot_token() throws Exception {
        try (SlackServerHarness single = new SlackServerHarness(data.resolve("single"));
                SlackServerHarness installed = new SlackServerHarness(data.resolve("oauth"), TestDatabases.Kind.H2,
                        SlackInstallTest.oauthEnv())) {
            SlackInstallTest.installBoth(installed);
            run(single, List.of("T1"), COMMANDS / 4);
            run(installed, List.of("T1", "T2"), COMMANDS / 4);
            List<Round> one = new ArrayList<>();
            List<Round> two = new ArrayList<>();
            for (int r = 0; r < ROUNDS; r++) {
                one.add(run(single, List.of("T1"), COMMANDS));
                two.add(run(installed, List.of("T1", "T2"), COMMANDS));
            }
            double oneRate = median(one.stream().map(Round::perSecond).toList());
            double twoRate = median(two.stream().map(Round::perSecond).toList());
            System.out.printf(Locale.ROOT, "%n| side | commands/s median | p50 ms | p99 ms |%n|---|---|---|---|%n"
                    + "| one SLACK_BOT_TOKEN (baseline) | %.0f | %.2f | %.2f |%n"
                    + "| installed in 2 workspaces (OAuth) | %.0f | %.2f | %.2f |%n"
                    + "ratio OAuth / one token: %.2f (%d rounds of %d commands, %d threads)%n",
                    oneRate, median(one.stream().map(Round::p50).toList()),
                    median(one.stream().map(Round::p99).toList()), twoRate,
                    median(two.stream().map(Round::p50).toList()), median(two.stream().map(Round::p99).toList()),
                    twoRate / oneRate, ROUNDS, COMMANDS, THREADS);
        }
    }
}
