package io.taolun.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.taolun.core.TestBot;
import io.taolun.slack.FakeSlack;
import io.taolun.slack.SlackRequests;
import io.taolun.testing.Await;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Slack, end to end: signed HTTP requests to the real server, the real Bolt, a fake Slack Web API on loopback. */
final class SlackAdapterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Await.CEILING;

    @TempDir
    Path data;

    private SlackServerHarness h;

    @BeforeEach
    void start() throws Exception {
        h = new SlackServerHarness(data);
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    /** Every text Slack would show: the fallback and each text object of the blocks (not button values). */
    private static List<String> displayed(JsonNode message) {
        List<String> out = new ArrayList<>();
        out.add(message.path("text").asText());
        message.path("blocks").forEach(block -> collect(block, out));
        return out;
    }

    private static void collect(JsonNode node, List<String> out) {
        if (node.isObject()) {
            if (node.has("type") && node.path("text").isTextual()) {
                out.add(node.path("text").asText());
            }
            node.fields().forEachRemaining(e -> {
                if (!e.getKey().equals("value")) {
                    collect(e.getValue(), out);
                }
            });
        } else if (node.isArray()) {
            node.forEach(n -> collect(n, out));
        }
    }

    private int votes(long poll) throws Exception {
        try (Connection c = h.app.database().dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM vote WHERE poll_id = " + poll)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private int polls() throws Exception {
        try (Connection c = h.app.database().dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM poll")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Opens poll #1 on c1 and returns the recorded chat.postMessage. */
    private FakeSlack.Call openPoll() throws Exception {
        HttpResponse<String> ack = h.command("alice", "poll c1");
        assertThat(ack.statusCode()).isEqualTo(200);
        return h.slack.awaitCall("chat.postMessage", 1, WAIT);
    }

    @Test
    void a_quote_is_answered_in_the_acknowledgement_with_block_kit_holding_a_verbatim_span() throws Exception {
        // WHEN
        HttpResponse<String> response = h.command("alice", "quote 3");
        // THEN
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.path("response_type").asText()).isEqualTo("ephemeral");
        String quote = TestBot.library().defaultArticle().orElseThrow().quotes().get(2).text();
        assertThat(displayed(body)).anyMatch(t -> t.equals("> " + quote));
        assertThat(body.path("blocks").findValuesAsText("action_id")).contains("taolun-share");
    }

    @ParameterizedTest
    @ValueSource(strings = {"help", "about", "section 3", "summary", "summary 2 --lang en", "quote today", "claims 3",
            "search 卡脖子", "polls", "history c1", "results", "nonsense", "section 999", "vote 9 1", "close 9",
            "export 9", "poll c1 c2", "poll c999"})
    void every_subcommand_gets_block_kit_in_the_acknowledgement_or_through_response_url_when_late(String text) throws Exception {
        HttpResponse<String> response = h.command("alice", text);
        assertThat(response.statusCode()).isEqualTo(200);
        // on a loaded machine an answer that misses Slack's budget (the first search builds its index) is
        // acknowledged empty and follows through response_url, as Block Kit all the same
        JsonNode body = JSON.readTree(h.slack.answerOf(response, "cmd-alice"));
        assertThat(body.path("blocks").isArray()).isTrue();
        assertThat(body.path("blocks").size()).isBetween(1, 50);
        assertThat(body.path("response_type").asText()).isEqualTo("ephemeral");
    }

    @Test
    void discuss_goes_to_the_channel() throws Exception {
        JsonNode body = json(h.command("alice", "discuss"));
        assertThat(body.path("response_type").asText()).isEqualTo("in_channel");
        assertThat(body.toString()).contains("你觉得呢?");
    }

    @Test
    void a_poll_is_posted_as_a_bot_message_with_one_button_per_option() throws Exception {
        FakeSlack.Call post = openPoll();
        JsonNode message = post.json();
        assertThat(message.path("channel").asText()).isEqualTo("C1");
        assertThat(message.path("blocks").findValuesAsText("value"))
                .containsExactly("vote 1 1", "vote 1 2", "vote 1 3", "vote 1 4", "vote 1 5");
        assertThat(message.path("blocks").toString()).contains("投票 #1");
        assertThat(post.header("Authorization")).isEqualTo("Bearer " + SlackServerHarness.TOKEN);
    }

    @Test
    void a_vote_click_is_stored_confirmed_privately_and_the_tally_updated() throws Exception {
        FakeSlack.Call posted = openPoll();
        Await.until("the poll's ts", () -> h.slack.tsOf(posted).isPresent());
        String ts = h.slack.tsOf(posted).orElseThrow();
        // WHEN bob presses 同意 on the poll message
        HttpResponse<String> ack = h.vote("bob", 1, 2, ts);
        // THEN it is acknowledged after it was stored, confirmed to bob alone, and the poll message is updated
        assertThat(ack.statusCode()).isEqualTo(200);
        assertThat(votes(1)).isEqualTo(1);
        JsonNode confirmation = h.slack.awaitCall("response_url", 1, WAIT).json();
        assertThat(confirmation.path("response_type").asText()).isEqualTo("ephemeral");
        assertThat(confirmation.path("replace_original").asBoolean(true)).isFalse();
        assertThat(confirmation.toString()).contains("同意");
        JsonNode update = h.slack.awaitCall("chat.update", 1, WAIT).json();
        assertThat(update.path("ts").asText()).isEqualTo(ts);
        assertThat(update.path("blocks").toString()).contains("1 票");
    }

    @Test
    void a_burst_of_votes_is_counted_exactly_and_the_message_updated_at_most_once_a_second() throws Exception {
        String ts = h.pressableTs(openPoll());
        ExecutorService pool = Executors.newFixedThreadPool(32);
        List<Future<HttpResponse<String>>> acks = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            int n = i;
            // a press answered 503 (not stored within 2 s on a slowed machine) comes again, as Slack sends it
            acks.add(pool.submit(() -> h.voteAsSlackDelivers("user" + n, 1, n % 5 + 1, ts)));
        }
        for (Future<HttpResponse<String>> ack : acks) {
            assertThat(ack.get().statusCode()).isEqualTo(200);
        }
        pool.shutdown();
        assertThat(votes(1)).isEqualTo(200);
        // the last update carries the final tally
        Await.until("an update showing all 200 votes", () -> {
            List<FakeSlack.Call> sent = h.slack.calls("chat.update");
            return !sent.isEmpty() && sent.get(sent.size() - 1).json().path("blocks").toString().contains("共 200 票");
        });
        h.awaitQuiet();
        List<FakeSlack.Call> updates = h.slack.calls("chat.update");
        assertThat(updates).isNotEmpty();
        for (int i = 1; i < updates.size(); i++) {
            assertThat(Duration.between(updates.get(i - 1).at(), updates.get(i).at()))
                    .isGreaterThanOrEqualTo(Duration.ofMillis(900));
        }
        assertThat(updates.get(updates.size() - 1).json().path("blocks").toString()).contains("共 200 票");
    }

    @Test
    void a_re_delivered_vote_counts_once_and_does_not_withdraw_it() throws Exception {
        openPoll();
        String trigger = h.nextTrigger();
        h.click("bob", "taolun-button-1", "vote 1 2", "1700000000.000300", trigger, Map.of());
        h.clock.advance(Duration.ofMillis(1200));
        // WHEN Slack delivers the same press again (after the double-click window)
        HttpResponse<String> again = h.click("bob", "taolun-button-1", "vote 1 2", "1700000000.000300", trigger,
                Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout"));
        // THEN it is acknowledged and counted once (not withdrawn), and bob is told this press was already counted
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(votes(1)).isEqualTo(1);
        assertThat(h.slack.awaitCall("response_url", 2, WAIT).json().toString()).contains("已经计入");
        h.awaitQuiet();
        assertThat(h.slack.calls("response_url")).hasSize(2);
    }

    @Test
    void a_re_delivered_command_never_posts_twice() throws Exception {
        String trigger = h.nextTrigger();
        String body = SlackRequests.slashCommand("T1", "C1", "alice", "poll c2", h.slack.responseUrl("p"), trigger);
        h.post(body, Map.of());
        h.post(body, Map.of("X-Slack-Retry-Num", "1"));
        h.slack.awaitCall("chat.postMessage", 1, WAIT);
        h.awaitQuiet();
        assertThat(h.slack.calls("chat.postMessage")).hasSize(1);
        assertThat(polls()).isEqualTo(1);
    }

    @Test
    void a_rate_limited_post_is_retried_after_retry_after_and_posted_once() throws Exception {
        h.slack.failNext("chat.postMessage", 1, 429, 1);
        h.command("alice", "poll c3");
        FakeSlack.Call second = h.slack.awaitCall("chat.postMessage", 2, WAIT);
        FakeSlack.Call first = h.slack.calls("chat.postMessage").get(0);
        assertThat(Duration.between(first.at(), second.at())).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        h.awaitQuiet();
        assertThat(h.slack.calls("chat.postMessage")).hasSize(2);
        assertThat(h.slack.calls("response_url")).isEmpty();
    }

    @Test
    void a_server_error_on_a_post_is_not_retried_blindly_and_the_user_is_told() throws Exception {
        // Slack may have posted before answering 500: a retry could post the poll twice
        h.slack.failNext("chat.postMessage", 1, 500, null);
        h.command("alice", "poll c3");
        JsonNode note = h.slack.awaitCall("response_url", 1, WAIT).json();
        assertThat(note.path("response_type").asText()).isEqualTo("ephemeral");
        assertThat(note.toString()).contains("可能没有发出");
        assertThat(h.slack.calls("chat.postMessage")).hasSize(1);
    }

    @Test
    void a_server_error_on_an_update_is_retried() throws Exception {
        String ts = h.pressableTs(openPoll());
        h.slack.failNext("chat.update", 2, 500, null);
        h.vote("bob", 1, 1, ts);
        FakeSlack.Call third = h.slack.awaitCall("chat.update", 3, WAIT);
        assertThat(third.json().path("blocks").toString()).contains("1 票");
    }

    @Test
    void a_bot_not_in_the_channel_still_gets_its_poll_out_through_response_url() throws Exception {
        h.slack.failNext("chat.postMessage", 1, 200, null);
        h.command("alice", "poll c4");
        JsonNode posted = h.slack.awaitCall("response_url", 1, WAIT).json();
        assertThat(posted.path("response_type").asText()).isEqualTo("in_channel");
        assertThat(posted.toString()).contains("vote 1 1");
    }

    @Test
    void a_missing_or_bad_signature_is_refused_with_401_and_changes_nothing() throws Exception {
        String body = SlackRequests.slashCommand("T1", "C1", "mallory", "poll c1", h.slack.responseUrl("m"), "t-bad");
        assertThat(SlackRequests.post(h.events, h.now(), null, body, Map.of()).statusCode()).isEqualTo(401);
        assertThat(SlackRequests.post(h.events, h.now(), "v0=deadbeef", body, Map.of()).statusCode()).isEqualTo(401);
        String otherSecret = SlackRequests.sign("wrong-secret", h.now(), body);
        assertThat(SlackRequests.post(h.events, h.now(), otherSecret, body, Map.of()).statusCode()).isEqualTo(401);
        h.awaitQuiet();
        assertThat(polls()).isZero();
        assertThat(h.slack.calls("chat.postMessage")).isEmpty();
    }

    @Test
    void a_timestamp_older_than_five_minutes_is_refused_with_401() throws Exception {
        String body = SlackRequests.slashCommand("T1", "C1", "mallory", "poll c1", h.slack.responseUrl("m"), "t-old");
        long old = h.now() - 6 * 60;
        assertThat(SlackRequests.post(h.events, SlackServerHarness.SECRET, old, body, Map.of()).statusCode())
                .isEqualTo(401);
        assertThat(polls()).isZero();
    }

    @Test
    void malformed_bodies_with_a_good_signature_get_400() throws Exception {
        assertThat(h.post("payload=%7Bnot-json", Map.of()).statusCode()).isEqualTo(400);
        assertThat(h.post("this is not a form at all", Map.of()).statusCode()).isEqualTo(400);
        assertThat(h.post(SlackRequests.blockAction("T1", "C1", "bob", "taolun-button-0", "vote 1 1", "1.2", null,
                h.nextTrigger()), Map.of()).statusCode()).isEqualTo(400);
    }

    @Test
    void a_body_over_64_kb_is_refused() throws Exception {
        String body = "text=" + "a".repeat(70 * 1024);
        assertThat(h.post(body, Map.of()).statusCode()).isEqualTo(413);
    }

    @Test
    void an_unknown_action_id_is_acknowledged_and_ignored() throws Exception {
        openPoll();
        HttpResponse<String> ack = h.click("bob", "someone-elses-button", "vote 1 1", "1700000000.000400",
                h.nextTrigger(), Map.of());
        assertThat(ack.statusCode()).isEqualTo(200);
        h.awaitQuiet();
        assertThat(votes(1)).isZero();
        HttpResponse<String> forged = h.click("bob", "taolun-button-0", "close 1", "1700000000.000400",
                h.nextTrigger(), Map.of());
        assertThat(forged.statusCode()).isEqualTo(200);
        assertThat(json(h.command("carol", "polls")).toString()).contains("#1");
    }

    @Test
    void mentions_in_user_text_cannot_ping_anyone() throws Exception {
        String text = "search <!channel> <!here> <!everyone> <@U123> <!subteam^S1|team> @everyone";
        for (String typed : List.of(text, "<!channel>", "section <@U123>", "poll <!here>")) {
            String shown = String.join("\n", displayed(JSON.readTree(h.slack.answerOf(h.command("alice", typed),
                    "cmd-alice"))));
            assertThat(shown).as(typed).doesNotContain("<!channel>", "<!here>", "<!everyone>", "<@U123>",
                    "<!subteam", "@everyone", "@here");
        }
    }

    @Test
    void readyz_reports_the_database_and_the_adapter_while_healthz_stays_alive() throws Exception {
        URI health = URI.create("http://127.0.0.1:" + h.server.port() + "/readyz");
        URI alive = URI.create("http://127.0.0.1:" + h.server.port() + "/healthz");
        HttpResponse<String> up = HttpClient.newHttpClient().send(HttpRequest.newBuilder(health).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(up.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(up.body()).path("database").asText()).isEqualTo("up");
        assertThat(JSON.readTree(up.body()).path("adapters").path("slack").asText()).isEqualTo("http");
        // WHEN the database goes away
        h.app.database().close();
        HttpResponse<String> down = HttpClient.newHttpClient().send(HttpRequest.newBuilder(health).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(JSON.readTree(down.body()).path("database").asText()).isEqualTo("down");
        // AND the process itself is still alive
        assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(alive).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }

    @Test
    void the_share_button_posts_the_answer_to_the_channel() throws Exception {
        HttpResponse<String> share = h.click("alice", "taolun-share", "quote 2", "1700000000.000500",
                h.nextTrigger(), Map.of());
        assertThat(share.statusCode()).isEqualTo(200);
        JsonNode posted = h.slack.awaitCall("response_url", 1, WAIT).json();
        assertThat(posted.path("response_type").asText()).isEqualTo("in_channel");
        assertThat(posted.toString())
                .contains(TestBot.library().defaultArticle().orElseThrow().quotes().get(1).text().substring(0, 6));
    }
}
