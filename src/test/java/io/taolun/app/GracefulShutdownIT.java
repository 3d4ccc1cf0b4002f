package io.taolun.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.taolun.slack.FakeSlack;
import io.taolun.slack.SlackRequests;
import io.taolun.testing.Await;
import io.taolun.testing.ChildJvm;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bot as operators run it ({@code taolun serve}, a child JVM, Slack over HTTP, JSON logs at INFO, a database
 * with a password), stopped with SIGTERM in the middle of a vote burst: it exits within 10 seconds, every vote it
 * acknowledged is stored, and its log carries request context and no secret.
 */
final class GracefulShutdownIT {
    private static final String TOKEN = "xoxb-graceful-token-9f8e7d";
    private static final String SECRET = "graceful-signing-secret-4c3b2a";
    private static final String DB_PASSWORD = "graceful-db-password-1a2b3c";

    @TempDir
    Path data;

    @Test
    void sigterm_during_a_vote_burst_loses_no_confirmed_vote_and_exits_within_ten_seconds() throws Exception {
        try (FakeSlack slack = FakeSlack.start()) {
            int port;
            try (ServerSocket free = new ServerSocket(0)) {
                port = free.getLocalPort();
            }
            String dbUrl = "jdbc:h2:file:" + data.resolve("db").toAbsolutePath()
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
            // GIVEN the bot serving Slack over HTTP
            ProcessBuilder pb = new ProcessBuilder(ChildJvm.jar("serve"));
            Map<String, String> env = pb.environment();
            env.keySet().removeIf(k -> k.startsWith("SLACK_") || k.startsWith("DISCORD_") || k.startsWith("TAOLUN_"));
            env.putAll(Map.of("SLACK_BOT_TOKEN", TOKEN, "SLACK_SIGNING_SECRET", SECRET,
                    "SLACK_API_URL", slack.apiUrl(), "TAOLUN_PORT", String.valueOf(port), "TAOLUN_DB_URL", dbUrl,
                    "TAOLUN_DB_USER", "taolun", "TAOLUN_DB_PASSWORD", DB_PASSWORD, "TAOLUN_LOG_FORMAT", "json",
                    "TAOLUN_LOG_LEVEL", "INFO"));
            Path out = data.resolve("out.txt");
            Path err = data.resolve("err.txt");
            pb.redirectOutput(out.toFile()).redirectError(err.toFile());
            Process bot = pb.start();
            URI events = URI.create("http://127.0.0.1:" + port + "/slack/events");
            Await.until("the bot serving", () -> Files.readString(out).contains("serving on port"));
            SlackRequests.post(events, SECRET, now(), SlackRequests.slashCommand("T1", "C1", "alice", "poll c1",
                    slack.responseUrl("poll"), "t-poll"), Map.of());
            slack.awaitCall("chat.postMessage", 1, Await.CEILING);
            // AND a re-delivered command (Slack's retry), which the bot logs and ignores
            String again = SlackRequests.slashCommand("T1", "C1", "alice", "quote 1", slack.responseUrl("q"), "t-q");
            SlackRequests.post(events, SECRET, now(), again, Map.of());
            SlackRequests.post(events, SECRET, now(), again, Map.of("X-Slack-Retry-Num", "1"));
            // WHEN 8 voters' clients press buttons as fast as they can, and SIGTERM comes after 300 confirmations
            Set<String> acknowledged = java.util.concurrent.ConcurrentHashMap.newKeySet();
            AtomicInteger next = new AtomicInteger();
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService voters = Executors.newFixedThreadPool(8);
            for (int t = 0; t < 8; t++) {
                voters.submit(() -> {
                    while (!stop.get()) {
                        int n = next.incrementAndGet();
                        String user = "U" + n;
                        try {
                            var answer = SlackRequests.post(events, SECRET, now(), SlackRequests.blockAction("T1",
                                    "C1", user, "taolun-button-1", "vote 1 " + (1 + n % 5), "1700000000.000100",
                                    slack.responseUrl("vote-" + user), "t-" + user), Map.of());
                            if (answer.statusCode() == 200) {
                                acknowledged.add(user);
                            }
                        } catch (Exception e) {
                            // the bot stopped listening: expected after SIGTERM
                        }
                    }
                    return null;
                });
            }
            Await.until("300 confirmed votes", () -> confirmed(slack).size() >= 300);
            long term = System.nanoTime();
            bot.destroy();
            boolean exited = bot.waitFor(15, TimeUnit.SECONDS);
            double seconds = (System.nanoTime() - term) / 1e9;
            stop.set(true);
            voters.shutdown();
            voters.awaitTermination(10, TimeUnit.SECONDS);
            // THEN it exited within 10 s of SIGTERM
            System.out.printf("GracefulShutdownIT: exited %.2f s after SIGTERM%n", seconds);
            assertThat(exited).isTrue();
            assertThat(seconds).isLessThan(10);
            // AND every vote it acknowledged (HTTP 200 to Slack) or confirmed (its answer to the voter) is stored
            Set<String> told = confirmed(slack);
            Set<String> stored = new HashSet<>();
            try (Connection c = DriverManager.getConnection(dbUrl, "taolun", DB_PASSWORD);
                    PreparedStatement ps = c.prepareStatement("SELECT user_id FROM vote WHERE poll_id = 1");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    stored.add(rs.getString(1));
                }
            }
            assertThat(told).hasSizeGreaterThanOrEqualTo(300);
            assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(300);
            assertThat(stored).containsAll(acknowledged).containsAll(told);
            // AND the log is JSON lines with the request context, and holds no secret
            String log = Files.readString(err, StandardCharsets.UTF_8);
            Files.writeString(Path.of("target", "graceful-shutdown.log"), log, StandardCharsets.UTF_8);
            assertThat(log).doesNotContain(TOKEN, SECRET, DB_PASSWORD);
            List<String> lines = log.lines().filter(l -> !l.isBlank()).toList();
            assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(line).startsWith("{").endsWith("}"));
            // AND the line about the re-delivered request names its platform, channel and request id
            assertThat(lines).filteredOn(line -> line.contains("re-delivered")).singleElement()
                    .satisfies(line -> assertThat(line).contains("\"platform\":\"slack\"", "\"channel\":\"C1\"")
                            .containsPattern("\"request\":\"[0-9a-f]{8}\""));
            // AND nothing failed on the way down (no vote refused because the database closed under it)
            assertThat(lines).noneMatch(line -> line.contains("\"level\":\"ERROR\""));
        }
    }

    /** The users whose vote the bot confirmed (a response_url answer that is not an error). */
    private static Set<String> confirmed(FakeSlack slack) {
        Set<String> users = new HashSet<>();
        for (FakeSlack.Call call : slack.calls("response_url")) {
            String path = call.path();
            if (path != null && path.contains("/respond/vote-") && call.body().contains("已记录你在 #1 的投票")) {
                users.add(path.substring(path.indexOf("/respond/vote-") + "/respond/vote-".length()));
            }
        }
        return users;
    }

    private static long now() {
        return System.currentTimeMillis() / 1000;
    }
}
