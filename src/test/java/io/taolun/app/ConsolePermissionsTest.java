package io.taolun.app;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The poll rules in the console, as the README's alice/bob/carol example tries them: with {@code
 * polls.admins.console} listed, only those users administer the console and the opener rule applies to the rest;
 * with none listed, the one person at the terminal does.
 */
final class ConsolePermissionsTest {
    @TempDir
    Path dir;

    private String console(Path config, String user, String command) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"console", "--data", dir.resolve("data").toString(), "--user", user,
                "-e", command}, Map.of("TAOLUN_CONFIG", config.toString()), new PrintStream(out, true, UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, UTF_8));
        assertThat(code).isZero();
        return out.toString(UTF_8);
    }

    private Path config(String admins) throws Exception {
        Path config = dir.resolve("taolun-" + admins.length() + ".yaml");
        Files.writeString(config, "seedsDir: " + Path.of("seeds").toAbsolutePath() + "\n"
                + "polls:\n  admins:\n    console: " + admins + "\n");
        return config;
    }

    @Test
    void with_console_admins_listed_bob_cannot_close_alices_poll_and_carol_can() throws Exception {
        // GIVEN carol listed as the console's admin, and alice's poll
        Path config = config("[carol]");
        assertThat(console(config, "alice", "/article poll c18")).contains("投票 #1");
        // WHEN bob closes it
        String bob = console(config, "bob", "/article close 1");
        // THEN he is refused, saying who may
        assertThat(bob).contains("只有发起人或管理员可以结束投票 #1");
        // AND carol, an admin, closes it
        assertThat(console(config, "carol", "/article close 1")).contains("投票 #1 的结果");
    }

    @Test
    void with_no_console_admins_listed_the_user_at_the_terminal_administers_it() throws Exception {
        // GIVEN no console admins, and alice's poll
        Path config = config("[]");
        assertThat(console(config, "alice", "/article poll c18")).contains("投票 #1");
        // WHEN bob closes it
        // THEN he may: the console is the operator's own terminal
        assertThat(console(config, "bob", "/article close 1")).contains("投票 #1 的结果");
    }
}
