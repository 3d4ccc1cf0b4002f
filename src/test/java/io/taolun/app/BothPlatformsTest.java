package io.taolun.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.taolun.core.article.SeedLoader;
import io.taolun.discord.FakeDiscord;
import io.taolun.slack.FakeSlack;
import io.taolun.slack.SlackRequests;
import io.taolun.testing.Await;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Slack and Discord served by one process, sharing the core and the database. */
final class BothPlatformsTest {
    @TempDir
    Path data;

    @Test
    void one_process_answers_slack_and_discord_and_reports_both() throws Exception {
        try (FakeSlack slack = FakeSlack.start(); FakeDiscord discord = FakeDiscord.start()) {
            Map<String, String> env = Map.of(
                    "SLACK_BOT_TOKEN", "xoxb-both", "SLACK_SIGNING_SECRET", "both-secret", "SLACK_API_URL", slack.apiUrl(),
                    "DISCORD_TOKEN", "both-discord", "DISCORD_API_URL", discord.apiUrl(),
                    "DISCORD_GATEWAY_URL", discord.gatewayUrl(), "TAOLUN_PORT", "0");
            TaolunConfig config = TaolunConfig.defaults();
            try (Composition app = new Composition(config, new SeedLoader().load(Path.of("seeds")),
                    DatabaseSettings.from(env, data), Clock.systemUTC(), new Random(5), e -> { }, Outbound.of(PlatformSettings.from(env)))) {
                Server server = new Server(app, config, PlatformSettings.from(env), Clock.systemUTC(),
                        new PrintStream(OutputStream.nullOutputStream()));
                try {
                    assertThat(discord.awaitReady(Await.CEILING)).isTrue();
                    // Slack opens a poll; Discord opens one too: both stored in the one database
                    URI events = URI.create("http://127.0.0.1:" + server.port() + "/slack/events");
                    long now = System.currentTimeMillis() / 1000;
                    SlackRequests.post(events, "both-secret", now, SlackRequests.slashCommand("T1", "C1", "alice",
                            "poll c1", slack.responseUrl("p"), "both-1"), Map.of());
                    slack.awaitCall("chat.postMessage", 1, Await.CEILING);
                    JsonNode poll = new ObjectMapper().readTree(
                            FakeDiscord.slashCommand("bob", "en-US", "poll", Map.of("claim", "c2")));
                    ((com.fasterxml.jackson.databind.node.ObjectNode) poll.path("data")).put("name", "article-admin");
                    ((com.fasterxml.jackson.databind.node.ObjectNode) poll.path("member")).put("permissions", "32");
                    discord.sendInteraction(poll.toString());
                    JsonNode answer = discord.awaitCall("POST", "interactions/\\d+/[^/]+/callback", 1,
                            Await.CEILING).json();
                    // THEN the polls got ids from the same sequence
                    assertThat(slack.calls("chat.postMessage").get(0).json().toString()).contains("vote 1 1");
                    assertThat(answer.toString()).contains("vote 2 1");
                    // AND health lists both adapters
                    HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + server.port() + "/readyz")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertThat(health.statusCode()).isEqualTo(200);
                    JsonNode adapters = new ObjectMapper().readTree(health.body()).path("adapters");
                    assertThat(adapters.path("slack").asText()).isEqualTo("http");
                    assertThat(adapters.path("discord").asText()).isEqualTo("connected");
                } finally {
                    server.close(0);
                }
            }
        }
    }
}
