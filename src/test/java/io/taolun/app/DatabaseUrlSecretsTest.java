package io.taolun.app;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database that cannot be opened is named at start-up without any password, wherever the password was written. */
final class DatabaseUrlSecretsTest {
    private static final String URL_PASSWORD = "url-pw-5e1f0c";
    private static final String QUERY_PASSWORD = "query-pw-77ab21";
    private static final String ENV_PASSWORD = "env-pw-c0ffee";

    @TempDir
    Path dir;

    @Test
    void a_password_in_the_url_is_not_printed_when_postgresql_cannot_be_reached() throws IOException {
        // GIVEN a PostgreSQL URL with user:password@ (which the driver takes for part of the host name) on a port
        // where nothing listens
        Map<String, String> env = env("TAOLUN_DB_URL", "jdbc:postgresql://taolun:" + URL_PASSWORD + "@127.0.0.1:1/db");

        // WHEN the console starts
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"console", "-e", "/article about"}, env,
                new PrintStream(new ByteArrayOutputStream(), true, UTF_8), new PrintStream(err, true, UTF_8));

        // THEN it stops in one line that names the database without the password, and says where the password goes
        assertThat(code).isEqualTo(Main.CONFIG_ERROR);
        assertThat(err.toString(UTF_8).lines()).singleElement().asString()
                .startsWith("taolun: cannot start: database jdbc:postgresql://…@127.0.0.1:1/db cannot be opened: ")
                .contains("set TAOLUN_DB_USER and TAOLUN_DB_PASSWORD")
                .doesNotContain(URL_PASSWORD);
    }

    @Test
    void passwords_in_the_query_and_the_environment_are_not_printed_when_postgresql_cannot_be_reached()
            throws IOException {
        // GIVEN a password in the URL's query and another in TAOLUN_DB_PASSWORD, and nothing listening
        Map<String, String> env = env("TAOLUN_DB_URL", "jdbc:postgresql://127.0.0.1:1/db?user=taolun&password="
                + QUERY_PASSWORD, "TAOLUN_DB_USER", "taolun", "TAOLUN_DB_PASSWORD", ENV_PASSWORD);

        // WHEN the console starts
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"console", "-e", "/article about"}, env,
                new PrintStream(new ByteArrayOutputStream(), true, UTF_8), new PrintStream(err, true, UTF_8));

        // THEN neither is printed
        assertThat(code).isEqualTo(Main.CONFIG_ERROR);
        assertThat(err.toString(UTF_8).lines()).singleElement().asString()
                .startsWith("taolun: cannot start: database jdbc:postgresql://127.0.0.1:1/db?… cannot be opened: ")
                .doesNotContain(QUERY_PASSWORD, ENV_PASSWORD);
    }

    @Test
    void a_drivers_message_loses_every_form_of_the_password() {
        // GIVEN settings with a URL-encoded password in the URL, one in the query, and one from the environment
        DatabaseSettings db = new DatabaseSettings("jdbc:postgresql://taolun:p%40ss-" + URL_PASSWORD
                + "@db.example/db?password=" + QUERY_PASSWORD, "taolun", ENV_PASSWORD);

        // WHEN messages that echo them are redacted
        String unknownHost = db.redact("java.net.UnknownHostException: taolun:p%40ss-" + URL_PASSWORD + "@db.example");
        String decoded = db.redact("password p@ss-" + URL_PASSWORD + " rejected");
        String whole = db.redact("bad URL " + db.url() + " with " + ENV_PASSWORD);

        // THEN no password is left, and the message still says what it was about
        assertThat(unknownHost).isEqualTo("java.net.UnknownHostException: …@db.example");
        assertThat(decoded).isEqualTo("password … rejected");
        assertThat(whole).isEqualTo("bad URL " + db.safeUrl() + " with …").doesNotContain(QUERY_PASSWORD);
    }

    /** The repository's seeds, a data directory here, and {@code pairs}. */
    private Map<String, String> env(String... pairs) throws IOException {
        Path config = Files.writeString(dir.resolve("taolun.yaml"), "seedsDir: " + Path.of("seeds").toAbsolutePath()
                + "\ndataDir: " + dir.resolve("data") + "\n", UTF_8);
        Map<String, String> env = new HashMap<>();
        env.put("TAOLUN_CONFIG", config.toString());
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }
}
