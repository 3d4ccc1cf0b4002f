package io.taolun.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Slack app manifests a newcomer pastes into Slack: they parse as YAML (one once did not: an unquoted ": " in
 * the description), and they ask for what the bot uses: the command, interactivity at /slack/events over HTTP or
 * Socket Mode without URLs, and the scopes the bot calls need.
 */
final class SlackManifestTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static List<String> scopes(JsonNode manifest) {
        List<String> out = new ArrayList<>();
        manifest.path("oauth_config").path("scopes").path("bot").forEach(s -> out.add(s.asText()));
        return out;
    }

    @Test
    void the_http_manifest_parses_and_points_the_command_and_buttons_at_slack_events() throws Exception {
        // WHEN the manifest is read as YAML
        JsonNode m = YAML.readTree(Path.of("config", "slack-manifest.yaml").toFile());
        // THEN it names the app, the /article command and interactivity, both at /slack/events
        assertThat(m.path("display_information").path("name").asText()).isEqualTo("Taolun");
        assertThat(m.path("display_information").path("description").asText()).contains("讨论")
                .hasSizeLessThanOrEqualTo(140);
        JsonNode command = m.path("features").path("slash_commands").get(0);
        assertThat(command.path("command").asText()).isEqualTo("/article");
        assertThat(command.path("url").asText()).startsWith("https://").endsWith("/slack/events");
        assertThat(m.path("settings").path("interactivity").path("is_enabled").asBoolean()).isTrue();
        assertThat(m.path("settings").path("interactivity").path("request_url").asText()).endsWith("/slack/events");
        assertThat(m.path("settings").path("socket_mode_enabled").asBoolean()).isFalse();
        // AND the scopes of every call the bot makes
        assertThat(scopes(m)).containsExactlyInAnyOrder("commands", "chat:write", "files:write");
    }

    @Test
    void the_socket_mode_manifest_parses_enables_socket_mode_and_has_no_urls() throws Exception {
        // WHEN the Socket Mode manifest is read as YAML
        JsonNode m = YAML.readTree(Path.of("config", "slack-manifest-socket-mode.yaml").toFile());
        // THEN Socket Mode is on and no request URL is left (Slack refuses URLs with Socket Mode on)
        assertThat(m.path("settings").path("socket_mode_enabled").asBoolean()).isTrue();
        assertThat(m.toString()).doesNotContain("request_url", "\"url\"");
        assertThat(m.path("features").path("slash_commands").get(0).path("command").asText()).isEqualTo("/article");
        assertThat(m.path("settings").path("interactivity").path("is_enabled").asBoolean()).isTrue();
        assertThat(scopes(m)).containsExactlyInAnyOrder("commands", "chat:write", "files:write");
    }
}
