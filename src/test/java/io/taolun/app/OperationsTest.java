package io.taolun.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.taolun.core.article.SeedLoader;
import io.taolun.slack.FakeSlack;
import io.taolun.slack.SlackRequests;
import io.taolun.testing.Await;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What operators watch: /metrics after real traffic, and /readyz following PostgreSQL away and back, and an H2 file
 * that closed itself away and back.
 */
final class OperationsTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path data;

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static double sample(String metrics, String name, String... labels) {
        for (String line : metrics.lines().toList()) {
            if (!line.startsWith(name + "{") && !line.startsWith(name + " ")) {
                continue;
            }
            boolean all = true;
            for (String label : labels) {
                all &= line.contains(label);
            }
            if (all) {
                Matcher m = Pattern.compile(" ([0-9.eE+-]+)$").matcher(line);
                if (m.find()) {
                    return Double.parseDouble(m.group(1));
                }
            }
        }
        return -1;
    }

    @Test
    void metrics_count_commands_acks_and_votes_with_the_pool_and_the_jvm() throws Exception {
        try (SlackServerHarness h = new SlackServerHarness(data)) {
            // GIVEN a few commands and a vote over Slack
            h.command("alice", "quote 1");
            h.command("alice", "quote 2");
            h.command("bob", "nonsense");
            h.command("alice", "poll c1");
            h.slack.awaitCall("chat.postMessage", 1, Await.CEILING);
            h.vote("carol", 1, 2, "1700000000.000100");
            h.slack.awaitCall("response_url", 1, Await.CEILING);
            // WHEN Prometheus scrapes
            HttpResponse<String> scrape = get(h.server.port(), "/metrics");
            String text = scrape.body();
            // THEN it is Prometheus text with our figures, the pool's and the JVM's
            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(scrape.headers().firstValue("content-type").orElse("")).startsWith("text/plain");
            assertThat(sample(text, "taolun_commands_seconds_count", "command=\"quote\"", "outcome=\"ok\"",
                    "platform=\"slack\"")).isEqualTo(2);
            assertThat(sample(text, "taolun_commands_seconds_count", "command=\"help\"", "outcome=\"bad_input\""))
                    .isEqualTo(1);
            assertThat(sample(text, "taolun_acks_seconds_count", "kind=\"command\"", "platform=\"slack\""))
                    .isEqualTo(4);
            assertThat(sample(text, "taolun_acks_seconds_count", "kind=\"button\"")).isEqualTo(1);
            assertThat(sample(text, "taolun_votes_seconds_count", "outcome=\"cast\"")).isEqualTo(1);
            assertThat(sample(text, "taolun_outbox_depth")).isZero();
            assertThat(text).contains("hikaricp_connections{", "jvm_memory_used_bytes{", "process_uptime_seconds");
            assertThat(text).doesNotContain(SlackServerHarness.TOKEN, SlackServerHarness.SECRET);
        }
    }

    @Test
    void readyz_turns_unavailable_when_postgresql_goes_away_and_ready_when_it_returns() throws Exception {
        Path pgData = Files.createDirectories(data.resolve("pg"));
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        EmbeddedPostgres pg = EmbeddedPostgres.builder().setPort(port).setDataDirectory(pgData)
                .setCleanDataDirectory(false).start();
        try (FakeSlack slack = FakeSlack.start()) {
            Map<String, String> env = new HashMap<>(Map.of("SLACK_BOT_TOKEN", "xoxb-ready", "SLACK_SIGNING_SECRET",
                    "ready-secret", "SLACK_API_URL", slack.apiUrl(), "TAOLUN_PORT", "0",
                    "TAOLUN_DB_URL", pg.getJdbcUrl("postgres", "postgres"), "TAOLUN_DB_USER", "postgres",
                    "TAOLUN_DB_PASSWORD", "postgres"));
            TaolunConfig config = TaolunConfig.defaults();
            try (Composition app = new Composition(config, new SeedLoader().load(Path.of("seeds")),
                    DatabaseSettings.from(env, data), Clock.systemUTC(), new Random(3), e -> { }, Outbound.of(PlatformSettings.from(env)))) {
                Server server = new Server(app, config, PlatformSettings.from(env), Clock.systemUTC(),
                        new PrintStream(OutputStream.nullOutputStream()));
                try {
                    // GIVEN a ready bot
                    assertThat(get(server.port(), "/readyz").statusCode()).isEqualTo(200);
                    // WHEN PostgreSQL stops
                    pg.close();
                    // THEN it is not ready (but alive), saying the database is down
                    waitFor(() -> status(server, "/readyz") == 503);
                    assertThat(new ObjectMapper().readTree(get(server.port(), "/readyz").body()).path("database")
                            .asText()).isEqualTo("down");
                    assertThat(get(server.port(), "/healthz").statusCode()).isEqualTo(200);
                    // WHEN PostgreSQL is back on the same port and data
                    pg = EmbeddedPostgres.builder().setPort(port).setDataDirectory(pgData)
                            .setCleanDataDirectory(false).start();
                    // THEN it is ready again, and commands work
                    waitFor(() -> status(server, "/readyz") == 200);
                    HttpResponse<String> quote = SlackRequests.post(
                            URI.create("http://127.0.0.1:" + server.port() + "/slack/events"), "ready-secret",
                            System.currentTimeMillis() / 1000, SlackRequests.slashCommand("T1", "C1", "alice",
                                    "poll c1", slack.responseUrl("p"), "ready-1"), Map.of());
                    assertThat(quote.statusCode()).isEqualTo(200);
                } finally {
                    server.close(0);
                }
            }
        } finally {
            pg.close();
        }
    }

    @Test
    void readyz_turns_unavailable_when_h2_closes_itself_and_ready_with_votes_counted_once_it_opens_again()
            throws Exception {
        Path file = data.resolve("taolun.mv.db");
        Path aside = data.resolve("taolun.mv.db.aside");
        try (SlackServerHarness h = new SlackServerHarness(data)) {
            // GIVEN a ready bot on its embedded database, with a poll and a vote
            h.command("alice", "poll c1");
            h.slack.awaitCall("chat.postMessage", 1, Await.CEILING);
            h.vote("carol", 1, 2, "1700000000.000100");
            waitFor(() -> votesCast(h) == 1);
            assertThat(get(h.server.port(), "/readyz").statusCode()).isEqualTo(200);

            // WHEN H2 closes itself, as it does when a write fails on a full disk, and its file cannot be opened
            // again (a directory in its place stands for the cause)
            Files.move(file, aside);
            Files.createDirectory(file);
            try (var c = h.app.database().dataSource().getConnection(); var s = c.createStatement()) {
                s.execute("SHUTDOWN IMMEDIATELY");
            } catch (java.sql.SQLException expected) {
                // H2 reports the database closed under the statement that closed it
            }

            // THEN it is not ready (but alive), saying the database is down
            waitFor(() -> status(h.server, "/readyz") == 503);
            assertThat(new ObjectMapper().readTree(get(h.server.port(), "/readyz").body()).path("database")
                    .asText()).isEqualTo("down");
            assertThat(get(h.server.port(), "/healthz").statusCode()).isEqualTo(200);

            // WHEN the cause is gone
            Files.delete(file);
            Files.move(aside, file);

            // THEN, with no restart, it is ready again and a vote is counted
            waitFor(() -> status(h.server, "/readyz") == 200);
            h.vote("dave", 1, 1, "1700000000.000100");
            waitFor(() -> votesCast(h) == 2);
            assertThat(votesCast(h)).isEqualTo(2);
        }
    }

    private static double votesCast(SlackServerHarness h) throws Exception {
        return sample(get(h.server.port(), "/metrics").body(), "taolun_votes_seconds_count", "outcome=\"cast\"");
    }

    private static int status(Server server, String path) {
        try {
            return get(server.port(), path).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private static void waitFor(Await.Condition condition) {
        Await.until("the readiness probe's answer", condition);
    }
}
