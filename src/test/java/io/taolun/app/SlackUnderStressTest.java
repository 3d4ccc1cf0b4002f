package io.taolun.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.taolun.slack.FakeSlack;
import io.taolun.store.TestDatabases;
import io.taolun.testing.Await;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Slack's 3-second acknowledgement and the live tally when the database or Slack itself is slow. */
final class SlackUnderStressTest {
    @TempDir
    Path data;

    private record Timed(long millis, HttpResponse<String> response) {
    }

    @Test
    void every_request_is_answered_within_three_seconds_while_the_database_is_stalled_and_no_vote_is_called_stored() throws Exception {
        try (SlackServerHarness h = new SlackServerHarness(data, TestDatabases.Kind.POSTGRES, Map.of())) {
            h.command("alice", "poll c1");
            h.slack.awaitCall("chat.postMessage", 1, Await.CEILING);
            ExecutorService pool = Executors.newFixedThreadPool(48);
            List<Future<Timed>> votes = new ArrayList<>();
            List<Future<Timed>> quotes = new ArrayList<>();
            // GIVEN the poll's row is locked by another transaction for 4 seconds
            try (Connection blocker = h.app.database().dataSource().getConnection()) {
                blocker.setAutoCommit(false);
                try (Statement s = blocker.createStatement()) {
                    s.executeQuery("SELECT id FROM poll WHERE id = 1 FOR UPDATE").close();
                }
                // WHEN 40 people vote and 4 ask for a quote meanwhile
                for (int i = 0; i < 40; i++) {
                    int n = i;
                    votes.add(pool.submit(() -> timed(() -> h.vote("v" + n, 1, n % 5 + 1, "1700000000.000700"))));
                }
                Thread.sleep(200);
                for (int i = 0; i < 4; i++) {
                    int n = i;
                    quotes.add(pool.submit(() -> timed(() -> h.command("q" + n, "quote " + (n + 1)))));
                }
                Thread.sleep(4000);
                blocker.commit();
            }
            // THEN every request was answered within Slack's 3 s: the votes, not stored yet, with 503 (never 200,
            // which would tell Slack they were), and quotes in the acknowledgement
            for (Future<Timed> vote : votes) {
                Timed t = vote.get();
                assertThat(t.response().statusCode()).isEqualTo(503);
                assertThat(t.millis()).isLessThan(3000);
            }
            for (Future<Timed> quote : quotes) {
                Timed t = quote.get();
                assertThat(t.millis()).isLessThan(2500);
                assertThat(t.response().body()).contains("\"blocks\"");
            }
            pool.shutdown();
            // AND once the database is back, every vote is stored and its voter told so
            h.slack.awaitCall("response_url", 40, Await.CEILING);
            try (Connection c = h.app.database().dataSource().getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM vote")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(40);
            }
        }
    }

    @Test
    void a_rate_limited_tally_update_never_leaves_an_old_tally_behind() throws Exception {
        try (SlackServerHarness h = new SlackServerHarness(data)) {
            h.command("alice", "poll c1");
            String ts = h.pressableTs(h.slack.awaitCall("chat.postMessage", 1, Await.CEILING));
            h.slack.failNext("chat.update", 1, 429, 2);
            for (int i = 0; i < 10; i++) {
                h.vote("u" + i, 1, 1, ts);
                Thread.sleep(150);
            }
            // THEN the message ends up showing all 10 votes, the rate limit notwithstanding
            Await.until("an update showing all 10 votes", () -> {
                List<FakeSlack.Call> sent = h.slack.calls("chat.update");
                return !sent.isEmpty() && sent.get(sent.size() - 1).json().path("blocks").toString()
                        .contains("共 10 票");
            });
            h.awaitQuiet();
            List<FakeSlack.Call> updates = h.slack.calls("chat.update");
            assertThat(updates.get(updates.size() - 1).json().path("blocks").toString()).contains("共 10 票");
            for (int i = 1; i < updates.size(); i++) {
                assertThat(Duration.between(updates.get(i - 1).at(), updates.get(i).at()))
                        .isGreaterThanOrEqualTo(Duration.ofMillis(950));
            }
        }
    }

    private interface Call {
        HttpResponse<String> send() throws Exception;
    }

    private static Timed timed(Call call) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = call.send();
        return new Timed((System.nanoTime() - start) / 1_000_000, response);
    }
}
