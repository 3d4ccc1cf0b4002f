package io.taolun.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.taolun.slack.FakeSlack;
import io.taolun.slack.SlackRequests;
import io.taolun.store.TestDatabases;
import io.taolun.testing.Await;
import io.taolun.testing.ChildJvm;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two bot processes ({@code taolun serve}) on one PostgreSQL behind no load balancer at all: Slack requests for the
 * same poll go to either, as a balancer would send them, and there is one tally.
 */
final class TwoReplicasIT {
    private static final String SECRET = "replica-signing-secret";

    @TempDir
    Path data;

    private record Replica(Process process, URI events) {
    }

    private Replica start(String name, FakeSlack slack, TestDatabases.Url db) throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        ProcessBuilder pb = new ProcessBuilder(ChildJvm.jar("serve"));
        pb.environment().keySet().removeIf(k -> k.startsWith("SLACK_") || k.startsWith("DISCORD_")
                || k.startsWith("TAOLUN_"));
        pb.environment().putAll(Map.of("SLACK_BOT_TOKEN", "xoxb-replica", "SLACK_SIGNING_SECRET", SECRET,
                "SLACK_API_URL", slack.apiUrl(), "TAOLUN_PORT", String.valueOf(port), "TAOLUN_DB_URL", db.url(),
                "TAOLUN_DB_USER", db.user(), "TAOLUN_DB_PASSWORD", db.password()));
        Path out = data.resolve(name + ".out");
        pb.redirectOutput(out.toFile()).redirectError(data.resolve(name + ".err").toFile());
        Process p = pb.start();
        Await.until(name + " serving", () -> {
            assertThat(p.isAlive()).as(name + " is up").isTrue();
            return Files.readString(out).contains("serving on port");
        });
        return new Replica(p, URI.create("http://127.0.0.1:" + port + "/slack/events"));
    }

    @Test
    void votes_sent_to_two_processes_on_one_postgresql_make_one_tally() throws Exception {
        TestDatabases.Url db = TestDatabases.fresh(TestDatabases.Kind.POSTGRES);
        try (FakeSlack slack = FakeSlack.start()) {
            Replica a = start("a", slack, db);
            Replica b = start("b", slack, db);
            try {
                // GIVEN a poll opened through replica A
                SlackRequests.post(a.events(), SECRET, now(), SlackRequests.slashCommand("T1", "C1", "alice",
                        "poll c1", slack.responseUrl("poll"), "open-1"), Map.of());
                slack.awaitCall("chat.postMessage", 1, Await.CEILING);
                // WHEN 120 people vote, every other request going to B; 40 of them then move their vote through
                // the other replica
                ExecutorService clients = Executors.newFixedThreadPool(8);
                List<Future<HttpResponse<String>>> sent = new ArrayList<>();
                for (int i = 0; i < 120; i++) {
                    int n = i;
                    sent.add(clients.submit(() -> pressAcknowledged(slack, i2r(n, a, b), "U" + n, 1 + n % 5,
                            "first-" + n)));
                }
                for (Future<HttpResponse<String>> f : sent) {
                    assertThat(f.get().statusCode()).isEqualTo(200);
                }
                // (a move must not overtake the first vote it moves: wait until every first vote is stored)
                Await.until("every first vote stored", () -> java.util.Arrays.stream(tally(db)).sum() == 120);
                slack.awaitCall("response_url", 120, Await.CEILING);
                sent.clear();
                for (int i = 0; i < 40; i++) {
                    int n = i;
                    sent.add(clients.submit(() -> pressAcknowledged(slack, i2r(n + 1, a, b), "U" + n,
                            1 + (n + 1) % 5, "move-" + n)));
                }
                for (Future<HttpResponse<String>> f : sent) {
                    assertThat(f.get().statusCode()).isEqualTo(200);
                }
                clients.shutdown();
                slack.awaitCall("response_url", 160, Await.CEILING);
                // THEN the one tally holds each voter once, with the moves applied
                int[] expected = new int[5];
                for (int n = 0; n < 120; n++) {
                    int option = n < 40 ? 1 + (n + 1) % 5 : 1 + n % 5;
                    expected[option - 1]++;
                }
                assertThat(tally(db)).containsExactly(expected[0], expected[1], expected[2], expected[3], expected[4]);
                // AND either replica reports it
                HttpResponse<String> results = SlackRequests.post(b.events(), SECRET, now(), SlackRequests
                        .slashCommand("T1", "C1", "bob", "results 1", slack.responseUrl("results"), "res-1"), Map.of());
                assertThat(slack.answerOf(results, "results")).contains("共 120 票");
            } finally {
                a.process().destroy();
                b.process().destroy();
                assertThat(a.process().waitFor(15, TimeUnit.SECONDS)).isTrue();
                assertThat(b.process().waitFor(15, TimeUnit.SECONDS)).isTrue();
            }
        }
    }

    private static Replica i2r(int n, Replica a, Replica b) {
        return n % 2 == 0 ? a : b;
    }

    /**
     * A press, sent again as Slack re-delivers it while it is answered 503 (not stored within the 2 s budget, which
     * two servers and PostgreSQL on a loaded 2-core machine can miss): the same delivery counts once.
     */
    private static HttpResponse<String> pressAcknowledged(FakeSlack slack, Replica to, String user, int option,
            String trigger) {
        String body = SlackRequests.blockAction("T1", "C1", user, "taolun-button-" + (option - 1), "vote 1 " + option,
                "1700000000.000100", slack.responseUrl("vote-" + user), trigger);
        HttpResponse<String> answer = SlackRequests.post(to.events(), SECRET, now(), body, Map.of());
        for (int retry = 1; answer.statusCode() == 503 && retry <= 20; retry++) {
            answer = SlackRequests.post(to.events(), SECRET, now(), body,
                    Map.of("X-Slack-Retry-Num", String.valueOf(retry), "X-Slack-Retry-Reason", "http_error"));
        }
        return answer;
    }

    private static int[] tally(TestDatabases.Url db) throws Exception {
        int[] counts = new int[5];
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
                PreparedStatement ps = c.prepareStatement("SELECT option_no, COUNT(*) FROM vote WHERE poll_id = 1 "
                        + "AND NOT retracted GROUP BY option_no");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                counts[rs.getInt(1) - 1] = rs.getInt(2);
            }
        }
        return counts;
    }

    private static long now() {
        return System.currentTimeMillis() / 1000;
    }
}
