package io.taolun.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.taolun.testing.ChildJvm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged {@code target/taolun.jar}, run as a newcomer runs it, from a directory with no seeds or config (so the
 * copies inside the jar are used). Each call is a new process: what it shows after a call was stored for real.
 */
final class PackagedJarIT {
    @TempDir
    Path home;

    private String run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("console", "--data", home.resolve("data").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(ChildJvm.jar(command.toArray(String[]::new))).directory(home.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("TAOLUN_") || k.endsWith("_TOKEN"));
        Path out = home.resolve("out.txt");
        pb.redirectErrorStream(true).redirectOutput(out.toFile());
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String text = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(text).isZero();
        assertThat(text).doesNotContain("Exception", "\tat ");
        return text;
    }

    @Test
    void the_jar_runs_from_any_directory_on_its_bundled_seeds() throws Exception {
        String out = run("-e", "/article about", "-e", "/article discuss");
        assertThat(out).contains("共 13 节", "13. 结语", "你觉得呢?");
    }

    @Test
    void a_poll_opened_voted_changed_and_retracted_across_restarts_shows_the_right_results() throws Exception {
        // GIVEN alice opens a poll on claim c1
        assertThat(run("--user", "alice", "-e", "/article poll c1")).contains("投票 #1");
        // WHEN three people vote, one changes and one retracts, each in a process of their own
        run("--user", "alice", "-e", "/article vote 1 1");
        run("--user", "bob", "-e", "/article vote 1 2");
        run("--user", "carol", "-e", "/article vote 1 2");
        assertThat(run("--user", "carol", "-e", "/article vote 1 4")).contains("已改为：不同意");
        run("--user", "dave", "-e", "/article vote 1 5");
        assertThat(run("--user", "dave", "-e", "/article vote 1 5")).contains("已撤回");
        // THEN a fresh process shows 3 votes: one each for 1, 2 and 4, with bars
        String results = run("--user", "erin", "--lang", "en", "-e", "/article results 1");
        assertThat(results).contains(
                "1. Strongly agree\n  ███████░░░░░░░░░░░░░ 1 vote · 34%",
                "2. Agree\n  ███████░░░░░░░░░░░░░ 1 vote · 33%",
                "4. Disagree\n  ███████░░░░░░░░░░░░░ 1 vote · 33%",
                "5. Strongly disagree\n  ░░░░░░░░░░░░░░░░░░░░ 0 votes · 0%",
                "3 votes · anonymous");
    }

    @Test
    void an_export_is_written_to_the_data_directory() throws Exception {
        run("--user", "alice", "-e", "/article poll c2 --options agree", "-e", "/article vote 1 1");
        String out = run("--user", "alice", "-e", "/article export 1");
        Path csv = home.resolve("data").resolve("exports").resolve("poll-1.csv");
        assertThat(out).contains(csv.toString());
        assertThat(Files.readString(csv)).contains("同意,Agree,1,100");
    }
}
