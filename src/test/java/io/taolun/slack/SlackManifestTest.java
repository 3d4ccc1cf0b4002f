package io.taolun.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * The Slack app manifests a newcomer pastes into Slack: they parse as YAML (one once did not: an unquoted ": " in
 * the description), and they ask for what the bot uses: the command, interactivity at /slack/events over HTTP or
 * Socket Mode without URLs, and the scopes the bot calls need.
 */
final class SlackManifestTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /**
     * The bot scopes each Web API method the adapter calls needs, from Slack's method reference. A method the code
     * starts calling that is missing here fails the test, so the manifest cannot fall behind the code.
     * {@code conversations.replies} and {@code conversations.members} need the history and the read scope of the
     * channel's type: public and private channels.
     */
    private static final Map<String, List<String>> SCOPE_OF = Map.of(
            "chatPostMessage", List.of("chat:write"),
            "chatUpdate", List.of("chat:write"),
            "chatPostEphemeral", List.of("chat:write"),
            // a modal opened with a user's trigger needs no scope
            "viewsOpen", List.of(),
            // nor does a user's Home tab
            "viewsPublish", List.of(),
            "filesGetUploadURLExternal", List.of("files:write"),
            "filesCompleteUploadExternal", List.of("files:write"),
            "conversationsReplies", List.of("channels:history", "groups:history"),
            "conversationsMembers", List.of("channels:read", "groups:read"));
    private static final List<String> MANIFESTS = List.of("slack-manifest.yaml", "slack-manifest-socket-mode.yaml",
            "slack-manifest-oauth.yaml");
    private static final String[] SCOPES = {"commands", "chat:write", "files:write", "channels:history",
        "groups:history", "channels:read", "groups:read"};

    private static List<String> scopes(JsonNode manifest) {
        List<String> out = new ArrayList<>();
        manifest.path("oauth_config").path("scopes").path("bot").forEach(s -> out.add(s.asText()));
        return out;
    }

    /** The Web API methods the Slack adapter calls ({@code m.chatPostMessage(...)} and the like). */
    private static Set<String> methodsCalled() throws IOException {
        Set<String> methods = new TreeSet<>();
        Pattern call = Pattern.compile("\\bm\\.((?:chat|files|conversations|users|reactions|pins|views|team)[A-Z]\\w*)\\(");
        try (Stream<Path> files = Files.list(Path.of("src", "main", "java", "io", "taolun", "slack"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = call.matcher(Files.readString(file));
                while (m.find()) {
                    methods.add(m.group(1));
                }
            }
        }
        return methods;
    }

    @Test
    void every_yaml_file_under_config_parses() throws Exception {
        // GIVEN every YAML file shipped under config/
        List<Path> yaml;
        try (Stream<Path> files = Files.walk(Path.of("config"))) {
            yaml = files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).toList();
        }
        assertThat(yaml).hasSizeGreaterThanOrEqualTo(3);
        for (Path file : yaml) {
            // THEN each parses with Jackson's YAML reader and with SnakeYAML itself, as one document
            assertThat(YAML.readTree(file.toFile())).as(file.toString()).isNotNull();
            Object doc = new org.yaml.snakeyaml.Yaml(new LoaderOptions()).load(Files.readString(file));
            assertThat(doc).as(file.toString()).isInstanceOf(Map.class);
        }
    }

    @Test
    void the_scopes_are_exactly_those_of_the_methods_the_bot_calls() throws Exception {
        // WHEN the adapter's Web API calls are read from its source
        Set<String> methods = methodsCalled();
        // THEN each has a known scope, and both manifests ask for exactly those scopes and the command's
        assertThat(methods).isNotEmpty();
        assertThat(SCOPE_OF.keySet()).containsAll(methods);
        Set<String> needed = new TreeSet<>(Set.of("commands"));
        methods.forEach(m -> needed.addAll(SCOPE_OF.get(m)));
        for (String file : MANIFESTS) {
            assertThat(scopes(YAML.readTree(Path.of("config", file).toFile()))).as(file)
                    .containsExactlyInAnyOrderElementsOf(needed);
        }
        // AND an install through OAuth asks for the same scopes
        assertThat(BoltApps.SCOPES).containsExactlyInAnyOrderElementsOf(needed);
    }

    @Test
    void the_fields_slack_requires_are_there_within_slacks_limits() throws Exception {
        for (String file : MANIFESTS) {
            JsonNode m = YAML.readTree(Path.of("config", file).toFile());
            // THEN the app's name (at most 35 characters) and the bot user are set
            assertThat(m.path("display_information").path("name").asText()).as(file).isNotBlank()
                    .hasSizeLessThanOrEqualTo(35);
            assertThat(m.path("features").path("bot_user").path("display_name").asText()).as(file).isNotBlank()
                    .hasSizeLessThanOrEqualTo(80);
            // AND each slash command has a command starting with / and a description
            for (JsonNode command : m.path("features").path("slash_commands")) {
                assertThat(command.path("command").asText()).as(file).startsWith("/").hasSizeLessThanOrEqualTo(32);
                assertThat(command.path("description").asText()).as(file).isNotBlank()
                        .hasSizeLessThanOrEqualTo(2000);
                assertThat(command.path("should_escape").isBoolean()).as(file).isTrue();
            }
            // AND the settings Slack reads are booleans, not strings
            for (String flag : List.of("org_deploy_enabled", "socket_mode_enabled", "token_rotation_enabled")) {
                assertThat(m.path("settings").path(flag).isBoolean()).as(file + " " + flag).isTrue();
            }
        }
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
        assertThat(scopes(m)).containsExactlyInAnyOrder(SCOPES);
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
        assertThat(scopes(m)).containsExactlyInAnyOrder(SCOPES);
    }

    @Test
    void every_manifest_offers_the_message_shortcut_the_home_tab_and_its_event_as_the_adapter_names_them()
            throws Exception {
        for (String file : MANIFESTS) {
            JsonNode m = YAML.readTree(Path.of("config", file).toFile());
            // THEN one message shortcut, with the callback id the adapter listens for, within Slack's limits
            JsonNode shortcuts = m.path("features").path("shortcuts");
            assertThat(shortcuts).as(file).hasSize(1);
            JsonNode shortcut = shortcuts.get(0);
            assertThat(shortcut.path("type").asText()).as(file).isEqualTo("message");
            assertThat(shortcut.path("callback_id").asText()).as(file).isEqualTo(SlackPollForm.SHORTCUT);
            assertThat(shortcut.path("name").asText()).as(file).startsWith("讨论这条消息").hasSizeLessThanOrEqualTo(24);
            assertThat(shortcut.path("description").asText()).as(file).isNotBlank().hasSizeLessThanOrEqualTo(150);
            // AND the Home tab, published on the event the adapter handles; interactivity for modals
            assertThat(m.path("features").path("app_home").path("home_tab_enabled").asBoolean()).as(file).isTrue();
            assertThat(m.path("settings").path("event_subscriptions").path("bot_events")).as(file)
                    .extracting(JsonNode::asText).startsWith("app_home_opened");
            assertThat(m.path("settings").path("interactivity").path("is_enabled").asBoolean()).as(file).isTrue();
        }
        JsonNode http = YAML.readTree(Path.of("config", "slack-manifest.yaml").toFile());
        assertThat(http.path("settings").path("event_subscriptions").path("request_url").asText())
                .startsWith("https://").endsWith("/slack/events");
    }

    @Test
    void the_oauth_manifest_redirects_to_taoluns_redirect_path_and_subscribes_to_uninstalls() throws Exception {
        JsonNode m = YAML.readTree(Path.of("config", "slack-manifest-oauth.yaml").toFile());
        // THEN Slack sends the browser back to the path Taolun serves, over HTTPS
        assertThat(m.path("oauth_config").path("redirect_urls")).singleElement().extracting(JsonNode::asText)
                .asString().startsWith("https://").endsWith(SlackOAuth.REDIRECT_PATH);
        // AND the events that remove an installation are subscribed to, beside the Home tab's
        assertThat(m.path("settings").path("event_subscriptions").path("bot_events")).extracting(JsonNode::asText)
                .containsExactly("app_home_opened", "app_uninstalled", "tokens_revoked");
        // AND otherwise it is the HTTP manifest: the same command, shortcut, home, scopes and URLs
        JsonNode http = YAML.readTree(Path.of("config", "slack-manifest.yaml").toFile());
        assertThat(m.path("features")).isEqualTo(http.path("features"));
        assertThat(m.path("settings").path("interactivity")).isEqualTo(http.path("settings").path("interactivity"));
        assertThat(m.path("settings").path("socket_mode_enabled").asBoolean()).isFalse();
        assertThat(m.path("settings").path("token_rotation_enabled").asBoolean()).isFalse();
        assertThat(m.path("settings").path("org_deploy_enabled").asBoolean()).isFalse();
        // AND the single-workspace manifests do not subscribe to events no handler of theirs takes
        for (String file : List.of("slack-manifest.yaml", "slack-manifest-socket-mode.yaml")) {
            assertThat(YAML.readTree(Path.of("config", file).toFile()).path("settings").path("event_subscriptions")
                    .path("bot_events")).as(file).extracting(JsonNode::asText).containsExactly("app_home_opened");
        }
    }
}
