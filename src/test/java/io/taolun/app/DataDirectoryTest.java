package io.taolun.app;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Start-up refuses a data directory it cannot write. The tests run as root, which writes through any permission, so
 * the unwritable directory is one of procfs, which refuses a new file to everyone.
 */
final class DataDirectoryTest {
    private static final Path SEEDS = Path.of("seeds").toAbsolutePath();
    private static final Path NOBODY_WRITES = Path.of("/proc/self");

    @TempDir
    Path dir;

    @Test
    void the_console_refuses_a_data_directory_it_cannot_write_in_one_line() throws IOException {
        assumeTrue(Files.isDirectory(NOBODY_WRITES), "procfs");
        // GIVEN --data naming a directory in which no file can be created
        // WHEN the console starts on it
        Run run = run(config(dir.resolve("data")), "console", "--data", NOBODY_WRITES.toString(), "-e",
                "/article about");

        // THEN it stops with the config error's code and one line naming the option and the directory
        assertThat(run.code()).isEqualTo(Main.CONFIG_ERROR);
        assertThat(run.err().lines()).singleElement().asString()
                .startsWith("taolun: cannot start: --data: \"/proc/self\" is not writable (");
    }

    @Test
    void serve_refuses_a_configured_data_directory_it_cannot_write_before_connecting_anywhere() throws IOException {
        assumeTrue(Files.isDirectory(NOBODY_WRITES), "procfs");
        // GIVEN the config's dataDir in which no file can be created, and Slack configured
        // WHEN taolun serve starts
        Run run = run(config(NOBODY_WRITES), Map.of("SLACK_BOT_TOKEN", "xoxb-data-dir",
                "SLACK_SIGNING_SECRET", "data-dir-secret", "TAOLUN_PORT", "0"), "serve");

        // THEN it stops naming dataDir, in one line
        assertThat(run.code()).isEqualTo(Main.CONFIG_ERROR);
        assertThat(run.err().lines()).singleElement().asString()
                .startsWith("taolun: cannot start: dataDir: \"/proc/self\" is not writable (");
    }

    @Test
    void serve_takes_data_given_before_the_subcommand_instead_of_ignoring_it() throws IOException {
        assumeTrue(Files.isDirectory(NOBODY_WRITES), "procfs");
        // GIVEN a usable dataDir in the config, and --data naming a directory no file can be created in
        // WHEN taolun --data=... serve starts
        Run run = run(config(dir.resolve("data")), Map.of("SLACK_BOT_TOKEN", "xoxb-data-dir",
                "SLACK_SIGNING_SECRET", "data-dir-secret", "TAOLUN_PORT", "0"), "--data", NOBODY_WRITES.toString(),
                "serve");

        // THEN it is --data that is used (and refused, here), not silently the config's directory
        assertThat(run.code()).isEqualTo(Main.CONFIG_ERROR);
        assertThat(run.err().lines()).singleElement().asString()
                .startsWith("taolun: cannot start: --data: \"/proc/self\" is not writable (");
    }

    @Test
    void an_h2_file_that_cannot_be_opened_for_writing_is_refused_in_one_line() throws IOException {
        // GIVEN a writable data directory whose database file cannot be written (a directory stands in its place)
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.createDirectory(data.resolve(DataDirectory.H2_FILE));

        // WHEN the console starts on it
        Run run = run(config(data), "console", "-e", "/article about");

        // THEN it stops naming the file
        assertThat(run.code()).isEqualTo(Main.CONFIG_ERROR);
        assertThat(run.err().lines()).singleElement().asString()
                .startsWith("taolun: cannot start: dataDir: the database file \"" + data.resolve(DataDirectory.H2_FILE)
                        + "\" is not writable (");
    }

    @Test
    void a_writable_data_directory_is_used_and_the_check_leaves_nothing_behind() throws IOException {
        // GIVEN a data directory that does not exist yet
        Path data = dir.resolve("data");

        // WHEN the console runs a command that needs the database on it
        Run run = run(config(data), "console", "-e", "/article polls");

        // THEN it answers, and the directory holds the database but no file of the write check
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(data.resolve(DataDirectory.H2_FILE)).exists();
        try (Stream<Path> files = Files.list(data)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.startsWith(".taolun-write-check"));
        }
    }

    @Test
    void a_one_shot_command_that_reads_only_the_article_opens_no_database() throws IOException {
        // GIVEN a data directory that does not exist yet
        Path data = dir.resolve("data");

        // WHEN the console answers a quote by its number, once
        Run run = run(config(data), "console", "-e", "/article quote 1");

        // THEN it answered without creating the embedded database
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(data.resolve(DataDirectory.H2_FILE)).doesNotExist();
    }

    private record Run(int code, String err) {
    }

    private Run run(Path config, String... args) {
        return run(config, Map.of(), args);
    }

    private Run run(Path config, Map<String, String> env, String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("TAOLUN_CONFIG", config.toString());
        int code = Main.run(args, all, new PrintStream(new ByteArrayOutputStream(), true, UTF_8),
                new PrintStream(err, true, UTF_8));
        return new Run(code, err.toString(UTF_8));
    }

    /** A config file using the repository's seeds and {@code dataDir}. */
    private Path config(Path dataDir) throws IOException {
        return Files.writeString(dir.resolve("taolun.yaml"), "seedsDir: " + SEEDS + "\ndataDir: " + dataDir + "\n",
                UTF_8);
    }
}
