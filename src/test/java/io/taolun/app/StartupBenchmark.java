package io.taolun.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Start-up to a first console reply: {@code taolun console -e ...} as a new JVM (the database opened, and created and
 * migrated when new; the seeds loaded; the search index built only when searching), next to the floor measured in the
 * same run: the same JVM and jar printing {@code taolun --version} (the command line and logging set up, nothing
 * else), each also with the JVM flags a one-shot run can use: a class-data archive trained first on this jar
 * ({@code -XX:SharedArchiveFile}, as the container does) and the C1 compiler alone ({@code -XX:TieredStopAtLevel=1},
 * as {@code scripts/taolun} does for one-shot commands). Every run is a fresh JVM; the commands take turns, round by
 * round, so a change in the machine's load falls on all of them alike. Median and range of {@code bench.runs}
 * rounds (7) after one warm-up round. The packaged jar is used when it exists (after {@code mvn package}), else the
 * class path. Prints a table; decides nothing. Run with
 * {@code mvn -B -q -o -Pbench test -Dtest=StartupBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
final class StartupBenchmark {
    private static final int RUNS = Integer.getInteger("bench.runs", 7);
    private static final List<String> C1 = List.of("-XX:TieredStopAtLevel=1");

    @TempDir
    Path data;

    /** A command to time, and what to do before each run of it. */
    private record Timed(List<String> command, Runnable before, Map<String, String> env) {
    }

    @Test
    void startup_to_a_first_console_reply_against_a_bare_jvm_start() throws Exception {
        Path jar = Path.of("target", "taolun.jar");
        String classPath = Files.exists(jar) ? jar.toString() : System.getProperty("java.class.path");
        Path archive = data.resolve("taolun.jsa");
        // the container's way: a class-data archive trained once on this jar, then used at every start
        run(java(List.of("-XX:ArchiveClassesAtExit=" + archive), classPath, "console", "--data",
                data.resolve("training").toString(), "-e", "/article about", "-e", "/article quote 1", "-e",
                "/article search 卡脖子"), Map.of());
        List<String> shared = List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
        List<String> sharedC1 = new ArrayList<>(shared);
        sharedC1.addAll(C1);
        String kept = data.resolve("kept").toString();
        String quote = "/article quote 1";

        Map<String, Timed> rows = new LinkedHashMap<>();
        rows.put("floor: taolun --version", timed(java(List.of(), classPath, "--version")));
        rows.put("--version, C1 only", timed(java(C1, classPath, "--version")));
        rows.put("--version, archive + C1 only", timed(java(sharedC1, classPath, "--version")));
        // a new data directory each time: the database is created and migrated
        int[] fresh = {0};
        List<String> newDb = java(List.of(), classPath, "console", "--data", "", "-e", quote);
        rows.put("quote 1, new database (created, migrated)", new Timed(newDb,
                () -> newDb.set(newDb.size() - 3, data.resolve("new-" + fresh[0]++).toString()), Map.of()));
        rows.put("quote 1, existing database", timed(java(List.of(), classPath, "console", "--data", kept, "-e", quote)));
        rows.put("quote 1, existing database, C1 only", timed(java(C1, classPath, "console", "--data", kept, "-e", quote)));
        rows.put("quote 1, existing database, archive",
                timed(java(shared, classPath, "console", "--data", kept, "-e", quote)));
        rows.put("quote 1, existing database, archive + C1 only",
                timed(java(sharedC1, classPath, "console", "--data", kept, "-e", quote)));
        rows.put("search 卡脖子, existing database (index built)",
                timed(java(List.of(), classPath, "console", "--data", kept, "-e", "/article search 卡脖子")));
        rows.put("search 卡脖子, existing database, archive + C1 only",
                timed(java(sharedC1, classPath, "console", "--data", kept, "-e", "/article search 卡脖子")));
        // a library of the curated article and one with no sidecar: HanLP loads at start to extract its content
        Path seeds = Files.createDirectories(data.resolve("seeds"));
        for (String file : List.of("000_a8e75d267bb866eb.txt", "000_a8e75d267bb866eb.yaml")) {
            Files.copy(Path.of("seeds", file), seeds.resolve(file));
        }
        io.taolun.core.article.SecondArticle.writeInto(seeds);
        Path config = Files.writeString(data.resolve("library.yaml"), "seedsDir: " + seeds + "\n");
        rows.put("quote 1, + an uncurated article (HanLP at start)", new Timed(java(List.of(), classPath, "console",
                "--data", data.resolve("library").toString(), "-e", quote), () -> { },
                Map.of("TAOLUN_CONFIG", config.toString())));

        Map<String, double[]> times = new LinkedHashMap<>();
        rows.keySet().forEach(name -> times.put(name, new double[RUNS]));
        for (int round = -1; round < RUNS; round++) {
            for (Map.Entry<String, Timed> row : rows.entrySet()) {
                row.getValue().before().run();
                double ms = run(row.getValue().command(), row.getValue().env());
                if (round >= 0) {
                    times.get(row.getKey())[round] = ms;
                }
            }
        }

        double floor = median(times.get("floor: taolun --version"));
        System.out.printf(Locale.ROOT, "%nStart-up, median (min-max) of %d rounds, each run a fresh JVM, %d cores, %s%n",
                RUNS, Runtime.getRuntime().availableProcessors(), Files.exists(jar) ? "packaged jar" : "class path");
        System.out.printf(Locale.ROOT, "| %-52s | %-20s | %-16s |%n", "command", "ms", "× plain --version");
        System.out.printf(Locale.ROOT, "|%s|%s|%s|%n", "-".repeat(54), "-".repeat(22), "-".repeat(18));
        for (Map.Entry<String, double[]> row : times.entrySet()) {
            double[] t = row.getValue().clone();
            Arrays.sort(t);
            System.out.printf(Locale.ROOT, "| %-52s | %5.0f (%5.0f-%5.0f) | %16.2f |%n", row.getKey(), median(t), t[0],
                    t[t.length - 1], median(t) / floor);
        }
        System.out.printf(Locale.ROOT, "quote 1, existing database, archive + C1 only: %.2f of the same flags' --version%n",
                median(times.get("quote 1, existing database, archive + C1 only"))
                        / median(times.get("--version, archive + C1 only")));
    }

    private static Timed timed(List<String> command) {
        return new Timed(command, () -> { }, Map.of());
    }

    private static List<String> java(List<String> flags, String classPath, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(flags);
        command.addAll(List.of("-cp", classPath, "io.taolun.app.Main"));
        command.addAll(List.of(args));
        return command;
    }

    private static double median(double[] times) {
        double[] t = times.clone();
        Arrays.sort(t);
        return t[t.length / 2];
    }

    /** One fresh JVM, from start to exit, in milliseconds. */
    private static double run(List<String> command, Map<String, String> env) throws Exception {
        long start = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process p = builder.start();
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("did not finish: " + command);
        }
        double ms = (System.nanoTime() - start) / 1e6;
        if (p.exitValue() != 0) {
            throw new AssertionError("exit " + p.exitValue() + ": " + command + "\n" + output);
        }
        return ms;
    }
}
