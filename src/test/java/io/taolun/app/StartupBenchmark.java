package io.taolun.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Start-up to a first console reply: {@code taolun console -e "/article quote 1"} as a new JVM (the database opened
 * and migrated, the seeds loaded, the search index built, the answer printed), next to the floor measured in the same
 * run: the same JVM and class path printing {@code taolun --version} (the command line and logging set up, nothing
else). The packaged jar is used
 * when it exists (after {@code mvn package}), else the class path. Median of 7 runs after 2 warm-ups. Prints a
 * table; decides nothing. Run with {@code mvn -B -q -Pbench test -Dtest=StartupBenchmark}.
 */
@Tag("benchmark")
final class StartupBenchmark {
    private static final int RUNS = 7;

    @TempDir
    Path data;

    @Test
    void startup_to_a_first_console_reply_against_a_bare_jvm_start() throws Exception {
        Path jar = Path.of("target", "taolun.jar");
        List<String> java = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", Files.exists(jar) ? jar.toString() : System.getProperty("java.class.path")));
        List<String> reply = new ArrayList<>(java);
        reply.addAll(List.of("io.taolun.app.Main", "console", "--data", data.toString(), "-e", "/article quote 1"));
        List<String> floor = new ArrayList<>(java);
        floor.addAll(List.of("io.taolun.app.Main", "--version"));
        double first = median(reply);
        double bare = median(floor);
        System.out.printf(Locale.ROOT, "%nStart-up, median of %d runs, %d cores, %s%n", RUNS,
                Runtime.getRuntime().availableProcessors(), Files.exists(jar) ? "packaged jar" : "class path");
        System.out.printf(Locale.ROOT, "| %-52s | %8s |%n", "command", "ms");
        System.out.printf(Locale.ROOT, "| %-52s | %8.0f |%n", "floor: taolun --version", bare);
        System.out.printf(Locale.ROOT, "| %-52s | %8.0f |%n", "taolun console -e \"/article quote 1\" (first reply)",
                first);
        System.out.printf(Locale.ROOT, "Taolun's own start-up on top of the JVM's: %.0f ms%n", first - bare);
    }

    private static double median(List<String> command) throws Exception {
        double[] times = new double[RUNS];
        for (int i = -2; i < RUNS; i++) {
            long start = System.nanoTime();
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("did not finish: " + command);
            }
            if (i >= 0) {
                times[i] = (System.nanoTime() - start) / 1e6;
            }
        }
        Arrays.sort(times);
        return times[RUNS / 2];
    }
}
