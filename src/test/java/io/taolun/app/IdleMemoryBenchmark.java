package io.taolun.app;

import com.slack.api.Slack;
import io.taolun.slack.FakeSlack;
import io.taolun.slack.SlackRequests;
import io.taolun.testing.Await;
import io.taolun.testing.ChildJvm;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resident memory and threads of {@code taolun serve} (Slack over HTTP, the packaged jar, against a fake Slack on
 * loopback) next to a bare Bolt app that only acknowledges clicks, each in its own JVM with the same JVM flags: once
 * ready and settled, and settled again after a burst of signed vote clicks. RSS and threads come from
 * {@code /proc/PID/status}; "settled" means RSS stayed within 1 MiB for 12 readings a second apart. Median of
 * {@code bench.rounds} rounds (3) with the range, for each flag set in {@code bench.flagSets} (sets separated by
 * {@code |}, flags by spaces; {@code none} for none). Also prints idle serve's threads grouped by name. Prints a
 * table; decides nothing. Linux only. Run with {@code mvn -B -q -o -Pbench test -Dtest=IdleMemoryBenchmark} after
 * {@code mvn package}.
 */
@Tag("benchmark")
final class IdleMemoryBenchmark {
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    private static final int CLICKS = Integer.getInteger("bench.clicks", 2000);
    private static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 16);
    private static final int STEADY = Integer.getInteger("bench.steadySeconds", 12);
    /** The JVM's defaults, and the flags the Dockerfile starts the bot with (less its class-data archive). */
    private static final String FLAG_SETS = System.getProperty("bench.flagSets",
            "none|-Xmx256m -XX:G1PeriodicGCInterval=5000 -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30");

    @TempDir
    Path home;

    private record Sample(double rssMiB, int threads) {
    }

    private record Round(Sample idle, Sample burst) {
    }

    @Test
    void idle_and_after_a_burst_against_a_bare_bolt_app() throws Exception {
        if (!Files.exists(ChildJvm.JAR)) {
            System.out.println("IdleMemoryBenchmark: no " + ChildJvm.JAR + "; run mvn package first");
            return;
        }
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
                "%nIdle and after-burst memory, median (min-max) of %d rounds, each side in its own JVM; %d clicks, "
                        + "%d at a time; %d cores%n", ROUNDS, CLICKS, CONCURRENCY,
                Runtime.getRuntime().availableProcessors()));
        table.append("| JVM flags | process | idle RSS MiB | idle threads | after burst RSS MiB | after burst threads |\n");
        table.append("|---|---|---|---|---|---|\n");
        List<String> ratios = new ArrayList<>();
        String breakdown = "";
        int set = 0;
        for (String flagSet : FLAG_SETS.split("\\|")) {
            List<String> flags = flagSet.isBlank() || flagSet.strip().equals("none") ? List.of()
                    : List.of(flagSet.strip().split("\\s+"));
            List<Round> ours = new ArrayList<>();
            List<Round> bare = new ArrayList<>();
            for (int r = 0; r < ROUNDS; r++) {
                // alternate which side goes first, so neither always meets the other's leftovers on the machine
                boolean bareFirst = r % 2 == 0;
                if (bareFirst) {
                    bare.add(bareBolt(flags));
                }
                Path dir = Files.createDirectories(home.resolve("serve-" + set + "-" + r));
                String[] threads = new String[1];
                ours.add(serve(flags, dir, threads));
                if (r == 0 && set == 0) {
                    breakdown = threads[0];
                }
                if (!bareFirst) {
                    bare.add(bareBolt(flags));
                }
            }
            String name = flags.isEmpty() ? "(JVM defaults)" : String.join(" ", flags);
            row(table, name, "taolun serve (Slack, HTTP)", ours);
            row(table, name, "bare Bolt app, ack only", bare);
            ratios.add(String.format(Locale.ROOT, "%s: idle RSS %.2f, after burst %.2f of the bare app's", name,
                    median(ours, x -> x.idle().rssMiB()) / median(bare, x -> x.idle().rssMiB()),
                    median(ours, x -> x.burst().rssMiB()) / median(bare, x -> x.burst().rssMiB())));
            set++;
        }
        System.out.println(table);
        ratios.forEach(System.out::println);
        System.out.println("\nIdle serve's threads by name (first flag set, first round):\n" + breakdown);
    }

    private static void row(StringBuilder table, String flags, String process, List<Round> rounds) {
        table.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%n", flags, process,
                spread(rounds, x -> x.idle().rssMiB(), "%.0f"), spread(rounds, x -> x.idle().threads(), "%.0f"),
                spread(rounds, x -> x.burst().rssMiB(), "%.0f"), spread(rounds, x -> x.burst().threads(), "%.0f")));
    }

    private interface Figure {
        double of(Round round);
    }

    private static double median(List<Round> rounds, Figure figure) {
        double[] values = rounds.stream().mapToDouble(figure::of).sorted().toArray();
        return values[values.length / 2];
    }

    private static String spread(List<Round> rounds, Figure figure, String format) {
        double[] values = rounds.stream().mapToDouble(figure::of).sorted().toArray();
        return String.format(Locale.ROOT, format + " (" + format + "-" + format + ")", values[values.length / 2],
                values[0], values[values.length - 1]);
    }

    /** {@code taolun serve} from the packaged jar: ready, settled, a poll and a burst of votes, settled again. */
    private Round serve(List<String> flags, Path dir, String[] threadNames) throws Exception {
        try (FakeSlack slack = FakeSlack.start()) {
            ProcessBuilder pb = new ProcessBuilder(java(flags, "-jar", ChildJvm.JAR.toString())).directory(dir.toFile());
            pb.environment().keySet().removeIf(k -> k.startsWith("TAOLUN_") || k.startsWith("SLACK_")
                    || k.startsWith("DISCORD_"));
            pb.environment().putAll(Map.of("SLACK_BOT_TOKEN", SlackServerHarness.TOKEN, "SLACK_SIGNING_SECRET",
                    SlackServerHarness.SECRET, "SLACK_API_URL", slack.apiUrl(), "TAOLUN_PORT", "0"));
            pb.redirectError(dir.resolve("err.txt").toFile());
            Process bot = pb.start();
            try {
                int port = port(bot, dir.resolve("err.txt"));
                URI base = URI.create("http://127.0.0.1:" + port);
                Await.until("serve is ready", Duration.ofMinutes(2), () -> status(base.resolve("/readyz")) == 200);
                Sample idle = settled(bot.pid());
                threadNames[0] = threadsByName(bot.pid());
                if (flags.stream().anyMatch(f -> f.startsWith("-XX:NativeMemoryTracking"))) {
                    // where idle serve's memory goes, e.g. -Dbench.flagSets="-XX:NativeMemoryTracking=summary"
                    threadNames[0] += jcmd(bot.pid(), "VM.native_memory", "summary") + jcmd(bot.pid(), "GC.heap_info")
                            + jcmd(bot.pid(), "GC.class_histogram").lines().limit(30)
                                    .collect(java.util.stream.Collectors.joining("\n"));
                }
                URI events = base.resolve("/slack/events");
                SlackRequests.post(events, SlackServerHarness.SECRET, System.currentTimeMillis() / 1000,
                        SlackRequests.slashCommand("T1", "C1", "alice", "poll c1", slack.responseUrl("p"), "p1"),
                        Map.of());
                slack.awaitCall("chat.postMessage", 1, Duration.ofMinutes(1));
                burst(events, slack.responseUrl("bench"));
                return new Round(idle, settled(bot.pid()));
            } finally {
                bot.destroy();
                if (!bot.waitFor(30, TimeUnit.SECONDS)) {
                    bot.destroyForcibly();
                }
            }
        }
    }

    /** The bare Bolt app below, in its own JVM on the tests' class path: settled, burst, settled again. */
    private static Round bareBolt(List<String> flags) throws Exception {
        try (FakeSlack slack = FakeSlack.start()) {
            List<String> command = java(flags, "-cp", System.getProperty("java.class.path"), BareBolt.class.getName(),
                    slack.apiUrl());
            Process app = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try {
                URI events = URI.create("http://127.0.0.1:" + port(app, null) + "/slack/events");
                Sample idle = settled(app.pid());
                burst(events, slack.responseUrl("bench"));
                return new Round(idle, settled(app.pid()));
            } finally {
                app.destroy();
                if (!app.waitFor(30, TimeUnit.SECONDS)) {
                    app.destroyForcibly();
                }
            }
        }
    }

    private static List<String> java(List<String> flags, String... rest) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(flags);
        command.addAll(List.of(rest));
        return command;
    }

    private static int port(Process p, Path err) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        Matcher m = Pattern.compile("serving on port (\\d+)").matcher(String.valueOf(line));
        if (!m.find()) {
            throw new AssertionError("first line: " + line + (err == null ? "" : "; stderr: " + Files.readString(err)));
        }
        // keep draining stdout so a chatty child never blocks on a full pipe
        Thread drain = new Thread(() -> {
            try {
                out.transferTo(java.io.Writer.nullWriter());
            } catch (IOException e) {
                // the child is gone
            }
        });
        drain.setDaemon(true);
        drain.start();
        return Integer.parseInt(m.group(1));
    }

    private static int status(URI uri) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** {@link #CLICKS} signed vote clicks on poll 1 from distinct users, {@link #CONCURRENCY} at a time. */
    private static void burst(URI events, String responseUrl) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
        for (int i = 0; i < CLICKS; i++) {
            int n = i;
            pool.execute(() -> {
                try {
                    SlackRequests.post(events, SlackServerHarness.SECRET, System.currentTimeMillis() / 1000,
                            SlackRequests.blockAction("T1", "C1", "voter" + n, "taolun-button-0", "vote 1 " + (n % 5 + 1),
                                    "1700000000.555555", responseUrl, "burst-" + n), Map.of());
                } catch (Exception e) {
                    // a refused click still exercised the server
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(10, TimeUnit.MINUTES)) {
            throw new AssertionError("the burst did not finish");
        }
    }

    /**
     * Reads RSS and threads each second until RSS has stayed within 1 MiB for {@link #STEADY} readings in a row (at
     * most 120): long enough to see a periodic collection give memory back.
     */
    private static Sample settled(long pid) throws Exception {
        Sample anchor = sample(pid);
        int steady = 0;
        for (int i = 0; i < 120 && steady < STEADY; i++) {
            Thread.sleep(1000);
            Sample now = sample(pid);
            if (Math.abs(now.rssMiB() - anchor.rssMiB()) < 1) {
                steady++;
            } else {
                anchor = now;
                steady = 0;
            }
        }
        return sample(pid);
    }

    private static Sample sample(long pid) throws IOException {
        double rss = 0;
        int threads = 0;
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            } else if (line.startsWith("Threads:")) {
                threads = Integer.parseInt(line.replaceAll("\\D", ""));
            }
        }
        return new Sample(rss, threads);
    }

    /** Thread names (at most 15 characters, as the kernel keeps them) with their numbers cut off, counted. */
    private static String jcmd(long pid, String... command) throws IOException, InterruptedException {
        List<String> line = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin",
                "jcmd").toString(), Long.toString(pid)));
        line.addAll(List.of(command));
        Process p = new ProcessBuilder(line).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        p.waitFor(1, TimeUnit.MINUTES);
        return "\n" + out;
    }

    private static String threadsByName(long pid) throws IOException {
        Map<String, Integer> groups = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String name = Files.readString(task.resolve("comm")).strip();
                    groups.merge(name.replaceAll("[-#\\s]*\\d+$", "").replaceAll("-\\d+-", "-N-"), 1, Integer::sum);
                } catch (IOException e) {
                    // the thread ended meanwhile
                }
            }
        }
        StringBuilder out = new StringBuilder();
        groups.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue())
                .forEach(e -> out.append(String.format(Locale.ROOT, "%4d  %s%n", e.getValue(), e.getKey())));
        return out.toString();
    }

    /**
     * A Bolt app that only acknowledges button presses, behind the JDK's HTTP server with 32 threads (as in
     * {@link SlackVoteBenchmark}); prints its port as {@code serving on port N}. Argument: the Web API's URL.
     */
    static final class BareBolt {
        private BareBolt() {
        }

        public static void main(String[] args) throws Exception {
            BenchChild.BareBolt bolt = new BenchChild.BareBolt(args[0], false);
            java.net.URI events = java.net.URI.create(bolt.events);
            System.out.println("serving on port " + events.getPort());
            System.out.flush();
        }
    }
}
