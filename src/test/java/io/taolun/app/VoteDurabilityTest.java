package io.taolun.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.taolun.slack.SlackRequests;
import io.taolun.store.TestDatabases;
import io.taolun.testing.Await;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "200 means stored" and de-duplication that outlives the process: a vote that cannot be stored within Slack's
 * budget is never acknowledged with 200, and a press or command that Slack delivers again, after a restart or to
 * another replica, counts once.
 */
final class VoteDurabilityTest {
    @TempDir
    Path data;

    private static int votes(SlackServerHarness h) throws Exception {
        try (Connection c = h.app.database().dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM vote WHERE poll_id = 1 AND NOT retracted")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void openPoll(SlackServerHarness h) throws Exception {
        assertThat(h.command("alice", "poll c18").statusCode()).isEqualTo(200);
        h.slack.awaitCall("chat.postMessage", 1, Await.CEILING);
    }

    @Test
    void a_vote_held_up_past_the_budget_is_answered_503_and_its_outcome_follows_once_it_is_stored() throws Exception {
        try (SlackServerHarness h = new SlackServerHarness(data, TestDatabases.Kind.POSTGRES, Map.of())) {
            openPoll(h);
            String trigger = h.nextTrigger();
            HttpResponse<String> ack;
            // GIVEN the poll's row locked by another transaction (a stalled replica, a long close)
            try (Connection lock = h.app.database().dataSource().getConnection()) {
                lock.setAutoCommit(false);
                try (Statement s = lock.createStatement()) {
                    s.executeQuery("SELECT id FROM poll WHERE id = 1 FOR UPDATE").close();
                }
                // WHEN bob presses 同意 while it is held
                ack = h.click("bob", "taolun-button-1", "vote 1 2", "1700000000.000100", trigger, Map.of());
                // THEN the press is not acknowledged as done: the vote is not stored
                assertThat(ack.statusCode()).isEqualTo(503);
                assertThat(votes(h)).isZero();
                lock.rollback();
            }
            // AND once the lock is gone the vote is stored and bob is told so
            Await.until("bob's vote stored", () -> votes(h) == 1);
            assertThat(h.slack.awaitCall("response_url", 1, Await.CEILING).json().toString()).contains("同意");
            // AND when Slack delivers the press again, it is acknowledged and counted once
            h.clock.advance(Duration.ofSeconds(5));
            HttpResponse<String> retry = h.click("bob", "taolun-button-1", "vote 1 2", "1700000000.000100", trigger,
                    Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_error"));
            assertThat(retry.statusCode()).isEqualTo(200);
            assertThat(votes(h)).isEqualTo(1);
        }
    }

    @Test
    void a_press_and_a_command_delivered_again_after_a_restart_count_once() throws Exception {
        String trigger;
        String command;
        // GIVEN bob's vote and alice's command, taken by a bot that then stops
        try (SlackServerHarness h = new SlackServerHarness(data)) {
            openPoll(h);
            trigger = h.nextTrigger();
            assertThat(h.click("bob", "taolun-button-1", "vote 1 2", "1700000000.000100", trigger, Map.of())
                    .statusCode()).isEqualTo(200);
            command = SlackRequests.slashCommand("T1", "C1", "alice", "poll c12", h.slack.responseUrl("p"), "t-cmd");
            assertThat(h.post(command, Map.of()).statusCode()).isEqualTo(200);
            h.slack.awaitCall("chat.postMessage", 2, Await.CEILING);
            h.awaitQuiet();
        }
        // WHEN a new bot on the same data gets both again, seconds later
        try (SlackServerHarness h = new SlackServerHarness(data)) {
            h.clock.advance(Duration.ofSeconds(8));
            HttpResponse<String> press = h.click("bob", "taolun-button-1", "vote 1 2", "1700000000.000100", trigger,
                    Map.of("X-Slack-Retry-Num", "1"));
            HttpResponse<String> again = h.post(command, Map.of("X-Slack-Retry-Num", "1"));
            // THEN both are acknowledged, the vote still stands (not withdrawn) and no second poll is posted
            assertThat(press.statusCode()).isEqualTo(200);
            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(votes(h)).isEqualTo(1);
            h.awaitQuiet();
            assertThat(h.slack.calls("chat.postMessage")).isEmpty();
        }
    }

    @Test
    void a_press_delivered_again_to_another_replica_counts_once() throws Exception {
        // GIVEN two bots on one PostgreSQL database
        TestDatabases.Url db = TestDatabases.fresh(TestDatabases.Kind.POSTGRES);
        Map<String, String> env = Map.of("TAOLUN_DB_URL", db.url(), "TAOLUN_DB_USER", db.user(),
                "TAOLUN_DB_PASSWORD", db.password());
        try (SlackServerHarness one = new SlackServerHarness(data.resolve("one"), TestDatabases.Kind.H2, env);
                SlackServerHarness two = new SlackServerHarness(data.resolve("two"), TestDatabases.Kind.H2, env)) {
            openPoll(one);
            // WHEN bob's press reaches the first, and Slack's re-delivery the second
            String trigger = one.nextTrigger();
            assertThat(one.click("bob", "taolun-button-1", "vote 1 2", "1700000000.000100", trigger, Map.of())
                    .statusCode()).isEqualTo(200);
            two.clock.advance(Duration.ofSeconds(8));
            HttpResponse<String> again = two.click("bob", "taolun-button-1", "vote 1 2", "1700000000.000100",
                    trigger, Map.of("X-Slack-Retry-Num", "1"));
            // THEN it is acknowledged and the vote still stands
            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(votes(two)).isEqualTo(1);
        }
    }
}
