package io.taolun.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.taolun.testing.ChildJvm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar refusing to start, as an operator sees it: the process's exit code, and everything it prints,
 * logs included (at DEBUG, where the most is said).
 */
final class StartupRefusalIT {
    private static final String URL_PASSWORD = "it-url-pw-3d9a77";
    private static final String QUERY_PASSWORD = "it-query-pw-81c0e4";
    private static final String ENV_PASSWORD = "it-env-pw-5b2f19";

    @TempDir
    Path home;

    private record Exit(int code, String output) {
    }

    private Exit run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(ChildJvm.jar(args)).directory(home.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("TAOLUN_") || k.endsWith("_TOKEN"));
        pb.environment().put("TAOLUN_LOG_LEVEL", "DEBUG");
        pb.environment().putAll(env);
        Path out = home.resolve("out.txt");
        pb.redirectErrorStream(true).redirectOutput(out.toFile());
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Exit(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
    }

    @Test
    void an_unreachable_postgresql_url_with_passwords_exits_2_and_prints_none_of_them() throws Exception {
        // GIVEN a PostgreSQL URL on a port where nothing listens, with a password in user:password@ and in the
        // query, and another in TAOLUN_DB_PASSWORD
        Map<String, String> env = Map.of("TAOLUN_DB_URL", "jdbc:postgresql://taolun:" + URL_PASSWORD
                + "@127.0.0.1:1/db?password=" + QUERY_PASSWORD, "TAOLUN_DB_PASSWORD", ENV_PASSWORD);

        // WHEN the console starts
        Exit exit = run(env, "console", "--data", home.resolve("data").toString(), "-e", "/article about");

        // THEN it exits with the config error's code, its last line names the database, and no password is printed
        assertThat(exit.code()).as(exit.output()).isEqualTo(Main.CONFIG_ERROR);
        List<String> lines = new ArrayList<>(exit.output().lines().toList());
        assertThat(lines.get(lines.size() - 1)).startsWith("taolun: cannot start: database jdbc:postgresql://…@");
        assertThat(exit.output()).doesNotContain(URL_PASSWORD, QUERY_PASSWORD, ENV_PASSWORD);
    }

    @Test
    void a_data_directory_no_one_can_write_exits_2_with_one_line() throws Exception {
        // GIVEN a data directory in which no file can be created, root or not (procfs)
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "procfs");

        // WHEN the console starts on it
        Exit exit = run(Map.of(), "console", "--data", "/proc/self", "-e", "/article about");

        // THEN the process exits 2, saying so in one line
        assertThat(exit.code()).as(exit.output()).isEqualTo(Main.CONFIG_ERROR);
        assertThat(exit.output().lines()).singleElement().asString()
                .startsWith("taolun: cannot start: --data: \"/proc/self\" is not writable (");
    }
}
