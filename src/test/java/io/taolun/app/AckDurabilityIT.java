package io.taolun.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.taolun.slack.FakeSlack;
import io.taolun.slack.SlackRequests;
import io.taolun.store.TestDatabases;
import io.taolun.testing.Await;
import io.taolun.testing.ChildJvm;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * "200 means stored", from outside: the packaged bot serving Slack over HTTP, its votes pressed by many clients at
 * once, then killed. Every press it answered 200 is in the database, whatever came next: SIGKILL under 128 clients
 * (H2 and PostgreSQL), or SIGTERM while another transaction held the poll's row (PostgreSQL, where another replica
 * can hold it).
 */
final class AckDurabilityIT {
    private static final String TOKEN = "xoxb-ack-token-5e6f7a";
    private static final String SECRET = "ack-signing-secret-8b9c0d";

    @TempDir
    Path data;

    /** The bot as a child process, and where to reach it and its database. */
    private record Bot(Process process, URI events, String dbUrl, String user, String password) {
    }

    private Bot start(FakeSlack slack, TestDatabases.Kind kind) throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String dbUrl = "jdbc:h2:file:" + data.resolve("db").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        String user = "taolun";
        String password = "ack-db-password";
        if (kind == TestDatabases.Kind.POSTGRES) {
            TestDatabases.Url url = TestDatabases.fresh(kind);
            dbUrl = url.url();
            user = url.user();
            password = url.password();
        }
        ProcessBuilder pb = new ProcessBuilder(ChildJvm.jar("serve"));
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("SLACK_") || k.startsWith("DISCORD_") || k.startsWith("TAOLUN_"));
        env.putAll(Map.of("SLACK_BOT_TOKEN", TOKEN, "SLACK_SIGNING_SECRET", SECRET, "SLACK_API_URL", slack.apiUrl(),
                "TAOLUN_PORT", String.valueOf(port), "TAOLUN_DB_URL", dbUrl, "TAOLUN_DB_USER", user,
                "TAOLUN_DB_PASSWORD", password));
        Path out = data.resolve("out.txt");
        pb.redirectOutput(out.toFile()).redirectError(data.resolve("err.txt").toFile());
        Process process = pb.start();
        Await.until("the bot serving", () -> {
            assertThat(process.isAlive()).as("the bot is running").isTrue();
            return Files.readString(out).contains("serving on port");
        });
        URI events = URI.create("http://127.0.0.1:" + port + "/slack/events");
        assertThat(SlackRequests.post(events, SECRET, now(), SlackRequests.slashCommand("T1", "C1", "alice",
                "poll c18", slack.responseUrl("poll"), "t-poll"), Map.of()).statusCode()).isEqualTo(200);
        slack.awaitCall("chat.postMessage", 1, Await.CEILING);
        return new Bot(process, events, dbUrl, user, password);
    }

    private static Set<String> stored(Bot bot) throws Exception {
        Set<String> stored = new HashSet<>();
        try (Connection c = DriverManager.getConnection(bot.dbUrl(), bot.user(), bot.password());
                PreparedStatement ps = c.prepareStatement("SELECT user_id FROM vote WHERE poll_id = 1");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                stored.add(rs.getString(1));
            }
        }
        return stored;
    }

    private static int press(Bot bot, FakeSlack slack, String user) throws Exception {
        return SlackRequests.post(bot.events(), SECRET, now(), SlackRequests.blockAction("T1", "C1", user,
                "taolun-button-1", "vote 1 2", "1700000000.000100", slack.responseUrl("vote-" + user), "t-" + user),
                Map.of()).statusCode();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void every_press_answered_200_is_stored_after_a_sigkill_under_128_clients(TestDatabases.Kind kind)
            throws Exception {
        try (FakeSlack slack = FakeSlack.start()) {
            Bot bot = start(slack, kind);
            // GIVEN 128 clients pressing as fast as they can, each press a new voter
            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
            AtomicLong slowest = new AtomicLong();
            AtomicInteger next = new AtomicInteger();
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService clients = Executors.newFixedThreadPool(128);
            for (int t = 0; t < 128; t++) {
                clients.submit(() -> {
                    while (!stop.get()) {
                        String user = "U" + next.incrementAndGet();
                        long start = System.nanoTime();
                        try {
                            int status = press(bot, slack, user);
                            statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                            if (status == 200) {
                                acknowledged.add(user);
                                slowest.accumulateAndGet(System.nanoTime() - start, Math::max);
                            }
                        } catch (Exception e) {
                            // the bot is gone: expected after the kill
                        }
                    }
                    return null;
                });
            }
            // WHEN the bot is killed (SIGKILL) once 1,500 presses were answered 200
            Await.until("1,500 presses answered 200", () -> acknowledged.size() >= 1500);
            bot.process().destroyForcibly();
            assertThat(bot.process().waitFor(Await.CEILING.toSeconds(), TimeUnit.SECONDS)).isTrue();
            stop.set(true);
            clients.shutdown();
            assertThat(clients.awaitTermination(Await.CEILING.toSeconds(), TimeUnit.SECONDS)).isTrue();
            // THEN every press answered 200 is stored
            Set<String> stored = stored(bot);
            System.out.printf("AckDurabilityIT %s: %d answered 200, %d stored, answers %s, slowest 200 %d ms%n",
                    kind, acknowledged.size(), stored.size(), statuses, slowest.get() / 1_000_000);
            assertThat(stored).containsAll(acknowledged);
        }
    }

    @Test
    void presses_held_up_by_a_locked_poll_then_sigterm_are_never_answered_200_unless_stored() throws Exception {
        try (FakeSlack slack = FakeSlack.start()) {
            Bot bot = start(slack, TestDatabases.Kind.POSTGRES);
            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
            // GIVEN another transaction holding the poll's row (as a stalled replica would)
            try (Connection lock = DriverManager.getConnection(bot.dbUrl(), bot.user(), bot.password())) {
                lock.setAutoCommit(false);
                try (Statement s = lock.createStatement()) {
                    s.executeQuery("SELECT id FROM poll WHERE id = 1 FOR UPDATE").close();
                }
                // WHEN 60 voters press meanwhile
                ExecutorService clients = Executors.newFixedThreadPool(60);
                List<Future<?>> presses = new java.util.ArrayList<>();
                for (int i = 0; i < 60; i++) {
                    String user = "L" + i;
                    presses.add(clients.submit(() -> {
                        int status = press(bot, slack, user);
                        statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                        if (status == 200) {
                            acknowledged.add(user);
                        }
                        return null;
                    }));
                }
                for (Future<?> f : presses) {
                    f.get(Await.CEILING.toSeconds(), TimeUnit.SECONDS);
                }
                clients.shutdown();
                // AND the bot gets SIGTERM while the row is still held, and exits
                bot.process().destroy();
                assertThat(bot.process().waitFor(Await.CEILING.toSeconds(), TimeUnit.SECONDS)).isTrue();
                lock.rollback();
            }
            // THEN no press was answered 200 without its vote stored (they were answered 503: not stored yet)
            Set<String> stored = stored(bot);
            System.out.printf("AckDurabilityIT locked+SIGTERM: answers %s, %d stored%n", statuses, stored.size());
            assertThat(stored).containsAll(acknowledged);
            assertThat(statuses.keySet()).containsOnly(503);
        }
    }

    private static long now() {
        return System.currentTimeMillis() / 1000;
    }
}
