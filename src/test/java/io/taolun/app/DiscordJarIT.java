package io.taolun.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.taolun.core.TestBot;
import io.taolun.discord.FakeDiscord;
import io.taolun.testing.Await;
import io.taolun.testing.ChildJvm;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar serving Discord against a fake Discord on loopback: the "done when". */
final class DiscordJarIT {
    private static final String TOKEN = "discord-jar-test-token-789";
    private static final Duration WAIT = Await.CEILING;

    @TempDir
    Path home;

    private static JsonNode send(FakeDiscord discord, String interaction) {
        discord.sendInteraction(interaction);
        return discord.awaitAnswer(interaction, WAIT);
    }

    @Test
    void the_jar_registers_answers_counts_completes_and_survives_a_reconnect() throws Exception {
        try (FakeDiscord discord = FakeDiscord.start()) {
            ProcessBuilder pb = new ProcessBuilder(ChildJvm.jar()).directory(home.toFile());
            pb.environment().keySet().removeIf(k -> k.startsWith("TAOLUN_") || k.startsWith("SLACK_")
                    || k.startsWith("DISCORD_"));
            pb.environment().putAll(Map.of("DISCORD_TOKEN", TOKEN, "DISCORD_API_URL", discord.apiUrl(),
                    "DISCORD_GATEWAY_URL", discord.gatewayUrl(), "TAOLUN_PORT", "0"));
            Path err = home.resolve("err.txt");
            pb.redirectError(err.toFile());
            Process bot = pb.start();
            try {
                String first = new BufferedReader(new InputStreamReader(bot.getInputStream(), StandardCharsets.UTF_8))
                        .readLine();
                assertThat(first).as("stderr: %s", Files.readString(err)).contains("serving on port");
                assertThat(discord.awaitReady(WAIT)).isTrue();
                // registers the command tree
                JsonNode commands = discord.awaitCall("PUT", "applications/\\d+/commands", 1, WAIT).json();
                assertThat(commands.findValuesAsText("name")).contains("article", "article-admin", "quote");

                // answers /article quote with an embed holding a verbatim quote
                JsonNode quote = send(discord, FakeDiscord.slashCommand("alice", "zh-CN", "quote", Map.of("which", "2")));
                String verbatim = TestBot.library().defaultArticle().orElseThrow().quotes().get(1).text();
                assertThat(quote.path("data").path("embeds").get(0).path("description").asText()).contains(verbatim);

                // counts a button vote in the database
                ObjectNode poll = (ObjectNode) new ObjectMapper().readTree(
                        FakeDiscord.slashCommand("alice", "zh-CN", "poll", Map.of("claim", "c1")));
                ((ObjectNode) poll.path("data")).put("name", "article-admin");
                ((ObjectNode) poll.path("member")).put("permissions", "32");
                send(discord, poll.toString());
                send(discord, FakeDiscord.button("bob", "zh-CN", "vote 1 2", "1234567890123456700"));
                JsonNode results = send(discord, FakeDiscord.slashCommand("carol", "zh-CN", "results", Map.of("poll", 1)));
                assertThat(results.toString()).contains("共 1 票", "1 票 · 100%");

                // answers autocomplete
                JsonNode choices = send(discord, FakeDiscord.autocomplete("alice", "en-US", "section", "section", ""));
                assertThat(choices.path("type").asInt()).isEqualTo(8);
                assertThat(choices.path("data").path("choices").size()).isEqualTo(13);

                // survives a gateway reconnect
                discord.dropConnection();
                assertThat(discord.awaitResumed(WAIT)).isTrue();
                JsonNode after = send(discord, FakeDiscord.slashCommand("alice", "en-US", "about", Map.of()));
                assertThat(after.path("type").asInt()).isEqualTo(4);
            } finally {
                bot.destroy();
                assertThat(bot.waitFor(20, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(Files.readString(err)).doesNotContain(TOKEN);
        }
    }
}
