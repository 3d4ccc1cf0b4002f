package io.taolun.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Start-up to a first console reply: {@code taolun console -e ...} as a new JVM (the database opened, and created and
 * migrated when new; the seeds loaded; the search index built only when searching), next to the floor measured in the same
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
        List<String> floor = new ArrayList<>(java);
        floor.addAll(List.of("io.taolun.app.Main", "--version"));
        double bare = median(floor, () -> { });
        // a new data directory each time: the database is created and migrated
        int[] fresh = {0};
        List<String> newDb = new ArrayList<>(java);
        newDb.addAll(List.of("io.taolun.app.Main", "console", "--data", "", "-e", "/article quote 1"));
        double created = median(newDb, () -> newDb.set(newDb.size() - 3, data.resolve("new-" + fresh[0]++).toString()));
        // the same data directory: the database exists and is up to date
        List<String> reply = new ArrayList<>(java);
        reply.addAll(List.of("io.taolun.app.Main", "console", "--data", data.resolve("kept").toString(), "-e",
                "/article quote 1"));
        double first = median(reply, () -> { });
        List<String> search = new ArrayList<>(reply);
        search.set(search.size() - 1, "/article search 卡脖子");
        double searched = median(search, () -> { });
        // a library of the curated article and one with no sidecar: HanLP loads at start to extract its content
        Path seeds = Files.createDirectories(data.resolve("seeds"));
        for (String file : List.of("000_a8e75d267bb866eb.txt", "000_a8e75d267bb866eb.yaml")) {
            Files.copy(Path.of("seeds", file), seeds.resolve(file));
        }
        io.taolun.core.article.SecondArticle.writeInto(seeds);
        Path config = Files.writeString(data.resolve("library.yaml"), "seedsDir: " + seeds + "\n");
        List<String> library = new ArrayList<>(java);
        library.addAll(List.of("io.taolun.app.Main", "console", "--data", data.resolve("library").toString(), "-e",
                "/article quote 1"));
        double withUncurated = median(library, () -> { }, Map.of("TAOLUN_CONFIG", config.toString()));
        // the container's way: a class-data archive trained once on this jar, then used at every start
        Path archive = data.resolve("taolun.jsa");
        List<String> training = new ArrayList<>(java);
        training.add(1, "-XX:ArchiveClassesAtExit=" + archive);
        training.addAll(List.of("io.taolun.app.Main", "console", "--data", data.resolve("training").toString(), "-e",
                "/article about", "-e", "/article quote 1", "-e", "/article search 卡脖子"));
        median(training, () -> { }, Map.of(), 1);
        List<String> shared = new ArrayList<>(reply);
        shared.addAll(1, List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
        double withArchive = median(shared, () -> { });
        List<String> sharedSearch = new ArrayList<>(shared);
        sharedSearch.set(sharedSearch.size() - 1, "/article search 卡脖子");
        double searchWithArchive = median(sharedSearch, () -> { });
        System.out.printf(Locale.ROOT, "%nStart-up, median of %d runs, %d cores, %s%n", RUNS,
                Runtime.getRuntime().availableProcessors(), Files.exists(jar) ? "packaged jar" : "class path");
        System.out.printf(Locale.ROOT, "| %-52s | %8s |%n", "command", "ms");
        System.out.printf(Locale.ROOT, "| %-52s | %8.0f |%n", "floor: taolun --version", bare);
        System.out.printf(Locale.ROOT, "| %-52s | %8.0f |%n", "console quote 1, new database (created, migrated)",
                created);
        System.out.printf(Locale.ROOT, "| %-52s | %8.0f |%n", "console quote 1, existing database", first);
        System.out.printf(Locale.ROOT, "| %-52s | %8.0f |%n", "console search 卡脖子, existing database (index built)",
                searched);
        System.out.printf(Locale.ROOT, "| %-52s | %8.0f |%n", "console quote 1, + an uncurated article (HanLP at start)",
                withUncurated);
        System.out.printf(Locale.ROOT, "| %-52s | %8.0f |%n", "console quote 1, existing database, class-data archive",
                withArchive);
        System.out.printf(Locale.ROOT, "| %-52s | %8.0f |%n", "console search 卡脖子, existing database, class-data archive",
                searchWithArchive);
        System.out.printf(Locale.ROOT, "archive vs none, existing database: quote %.2f, search %.2f of the time%n",
                withArchive / first, searchWithArchive / searched);
    }

    private static double median(List<String> command, Runnable before) throws Exception {
        return median(command, before, Map.of());
    }

    private static double median(List<String> command, Runnable before, Map<String, String> env) throws Exception {
        return median(command, before, env, RUNS);
    }

    private static double median(List<String> command, Runnable before, Map<String, String> env, int runs)
            throws Exception {
        double[] times = new double[runs];
        for (int i = runs == 1 ? 0 : -2; i < runs; i++) {
            before.run();
            long start = System.nanoTime();
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(env);
            Process p = builder.start();
            p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("did not finish: " + command);
            }
            if (i >= 0) {
                times[i] = (System.nanoTime() - start) / 1e6;
            }
            if (p.exitValue() != 0) {
                throw new AssertionError("exit " + p.exitValue() + ": " + command);
            }
        }
        Arrays.sort(times);
        return times[runs / 2];
    }
}
