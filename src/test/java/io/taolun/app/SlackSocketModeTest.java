package io.taolun.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.taolun.core.TestBot;
import io.taolun.slack.FakeSlack;
import io.taolun.slack.FakeSocketMode;
import io.taolun.slack.SlackRequests;
import io.taolun.store.TestDatabases;
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
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Slack over Socket Mode: the real Bolt SocketModeApp on Java-WebSocket, against a loopback Socket Mode server. */
final class SlackSocketModeTest {
    private static final Duration WAIT = Await.CEILING;

    @TempDir
    Path data;

    @Test
    void commands_and_votes_arrive_over_the_websocket_and_each_envelope_is_acknowledged() throws Exception {
        try (FakeSocketMode socket = FakeSocketMode.start()) {
            // GIVEN a bot in Socket Mode (app token set), its Web API on the fake
            SlackServerHarness h = new SlackServerHarness(data, TestDatabases.Kind.H2,
                    Map.of("SLACK_APP_TOKEN", "xapp-test-app-token", "SLACK_SIGNING_SECRET", ""), socket.url());
            try (h) {
                // WHEN a slash command comes over the socket
                String quote = socket.send("slash_commands", FakeSocketMode.slashPayload("T1", "C1", "alice",
                        "quote 1", h.slack.responseUrl("s1"), "sock-1"));
                // THEN it is acknowledged by its envelope id, with the Block Kit answer as the payload
                JsonNode ack = socket.awaitAck(quote, WAIT);
                String verbatim = TestBot.library().defaultArticle().orElseThrow().quotes().get(0).text();
                assertThat(ack.toString()).contains(verbatim);

                // WHEN a poll is opened and a vote button pressed over the socket
                socket.awaitAck(socket.send("slash_commands", FakeSocketMode.slashPayload("T1", "C1", "alice",
                        "poll c1", h.slack.responseUrl("s2"), "sock-2")), WAIT);
                FakeSlack.Call posted = h.slack.awaitCall("chat.postMessage", 1, WAIT);
                assertThat(posted.json().path("blocks").toString()).contains("vote 1 2");
                String click = socket.send("interactive", SlackRequests.blockActionJson("T1", "C1", "bob",
                        "taolun-button-1", "vote 1 2", "1700000000.000900", h.slack.responseUrl("s3"), "sock-3"));
                socket.awaitAck(click, WAIT);
                // THEN the vote is stored and confirmed
                h.slack.awaitCall("response_url", 1, WAIT);
                try (Connection c = h.app.database().dataSource().getConnection(); Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("SELECT user_id, option_no FROM vote")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo("bob");
                    assertThat(rs.getInt(2)).isEqualTo(2);
                }
                assertThat(h.slack.calls("apps.connections.open")).isNotEmpty();
                assertThat(h.slack.calls("apps.connections.open").get(0).header("Authorization"))
                        .isEqualTo("Bearer xapp-test-app-token");
            }
        }
    }

    @Test
    void readyz_turns_unavailable_when_the_socket_mode_connection_is_lost() throws Exception {
        FakeSocketMode socket = FakeSocketMode.start();
        // GIVEN a bot connected over Socket Mode
        SlackServerHarness h = new SlackServerHarness(data, TestDatabases.Kind.H2,
                Map.of("SLACK_APP_TOKEN", "xapp-test-app-token", "SLACK_SIGNING_SECRET", ""), socket.url());
        try (h) {
            URI ready = URI.create("http://127.0.0.1:" + h.server.port() + "/readyz");
            socket.awaitAck(socket.send("slash_commands", FakeSocketMode.slashPayload("T1", "C1", "alice",
                    "quote 1", h.slack.responseUrl("s1"), "sock-1")), WAIT);
            assertThat(status(ready)).isEqualTo(200);
            // WHEN Slack's end of the WebSocket goes away
            socket.close();
            // THEN the bot is no longer ready (a load balancer or orchestrator can act), though alive
            Await.until("readyz answering 503", () -> status(ready) == 503);
            assertThat(status(ready)).isEqualTo(503);
            assertThat(status(URI.create("http://127.0.0.1:" + h.server.port() + "/healthz"))).isEqualTo(200);
        }
    }

    private static int status(URI uri) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
