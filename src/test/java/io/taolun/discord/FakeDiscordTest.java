package io.taolun.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.taolun.testing.Await;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 15, unit = TimeUnit.MINUTES)
final class FakeDiscordTest {
    private static final Duration WAIT = Await.CEILING;

    private final FakeDiscord fake = FakeDiscord.start();
    private final Bot bot = new Bot();
    private JDA jda;

    @BeforeEach
    void login() throws InterruptedException {
        jda = JDABuilder.createLight("fake-bot-token", EnumSet.noneOf(GatewayIntent.class))
                .setRestConfig(new RestConfig().setBaseUrl(fake.apiUrl()))
                .setSessionController(new LoopbackSessions(fake.gatewayUrl()))
                .setCompression(Compression.NONE)
                .setEnableShutdownHook(false)
                .addEventListeners(bot)
                .build();
        jda.awaitReady();
    }

    @AfterEach
    void stop() throws InterruptedException {
        jda.shutdownNow();
        jda.awaitShutdown(Duration.ofSeconds(5));
        fake.close();
    }

    @Test
    void jda_logs_in_with_users_me_and_one_identify() {
        assertThat(fake.calls("GET", "users/@me")).hasSize(1);
        assertThat(fake.identifies()).isEqualTo(1);
        assertThat(fake.awaitReady(WAIT)).isTrue();
        assertThat(jda.getSelfUser().getId()).isEqualTo(FakeDiscord.BOT_ID);
        assertThat(jda.getSelfUser().getApplicationId()).isEqualTo(FakeDiscord.APP_ID);
    }

    @Test
    void registering_commands_puts_them_and_reads_them_back() {
        List<Command> commands = jda.updateCommands().addCommands(Commands.slash("article", "x").addSubcommands(
                new SubcommandData("show", "y").addOption(OptionType.STRING, "id", "z", false, true))).complete();

        FakeDiscord.Call put = fake.awaitCall("PUT", "applications/" + FakeDiscord.APP_ID + "/commands", 1, WAIT);
        assertThat(put.json().get(0).path("name").asText()).isEqualTo("article");
        assertThat(commands).singleElement().satisfies(c -> {
            assertThat(c.getName()).isEqualTo("article");
            assertThat(c.getSubcommands()).extracting(Command.Subcommand::getName).containsExactly("show");
        });
    }

    @Test
    void a_slash_command_is_answered_with_a_type_4_callback() {
        FakeDiscord.Interaction slash = send(FakeDiscord.slashCommand("42", "zh-CN", "show", Map.of("id", "a1")));

        JsonNode callback = fake.awaitCall("POST", slash.callbackPath(), 1, WAIT).json();
        assertThat(callback.path("type").asInt()).isEqualTo(4);
        assertThat(callback.path("data").path("content").asText()).isEqualTo("pong");
        assertThat(bot.seen).contains("slash show zh-CN 42 a1");
        bot.await("replied");
    }

    @Test
    void a_deferred_reply_is_acknowledged_then_edited() {
        FakeDiscord.Interaction slash = send(FakeDiscord.slashCommand("ada", "en-US", "later", Map.of("n", 3)));

        FakeDiscord.Call callback = fake.awaitCall("POST", slash.callbackPath(), 1, WAIT);
        FakeDiscord.Call edit = fake.awaitCall("PATCH", slash.originalPath(), 1, WAIT);
        assertThat(callback.json().path("type").asInt()).isEqualTo(5);
        assertThat(edit.json().path("content").asText()).isEqualTo("later");
        assertThat(edit.at()).isAfterOrEqualTo(callback.at());
        assertThat(bot.seen).contains("slash later en-US ada 3");
        bot.await("edited later");
    }

    @Test
    void a_button_click_gets_its_callback() {
        String messageId = FakeDiscord.snowflake();
        FakeDiscord.Interaction click = send(FakeDiscord.button("42", "en-US", "vote:up", messageId));

        assertThat(fake.awaitCall("POST", click.callbackPath(), 1, WAIT).json().path("type").asInt()).isEqualTo(6);
        assertThat(bot.seen).contains("button vote:up " + messageId);
        bot.await("deferred edit");
    }

    @Test
    void autocomplete_gets_a_type_8_callback_with_choices() {
        FakeDiscord.Interaction typing = send(FakeDiscord.autocomplete("42", "en-US", "show", "id", "al"));

        JsonNode callback = fake.awaitCall("POST", typing.callbackPath(), 1, WAIT).json();
        assertThat(callback.path("type").asInt()).isEqualTo(8);
        assertThat(callback.path("data").path("choices").get(0).path("name").asText()).isEqualTo("alpha");
        assertThat(bot.seen).contains("autocomplete id al");
        bot.await("choices sent");
    }

    @Test
    void a_dropped_connection_is_resumed_and_the_next_interaction_answered() {
        fake.dropConnection();

        assertThat(fake.awaitResumed(WAIT)).isTrue();
        assertThat(fake.resumes()).isEqualTo(1);
        assertThat(fake.identifies()).isEqualTo(1);
        FakeDiscord.Interaction slash = send(FakeDiscord.slashCommand("42", "en-US", "show", Map.of()));
        assertThat(fake.awaitCall("POST", slash.callbackPath(), 1, WAIT).json().path("type").asInt()).isEqualTo(4);
        bot.await("replied");
    }

    @Test
    void a_session_identifying_as_shard_1_of_2_is_told_only_of_the_guild_on_that_shard() throws Exception {
        // GIVEN two guilds, one on each shard of 2
        fake.announceTwoGuilds();
        // WHEN a second session logs in as shard 1 of 2
        JDA shard1 = JDABuilder.createLight("fake-bot-token", EnumSet.noneOf(GatewayIntent.class))
                .setRestConfig(new RestConfig().setBaseUrl(fake.apiUrl()))
                .setSessionController(new LoopbackSessions(fake.gatewayUrl()))
                .setCompression(Compression.NONE).setEnableShutdownHook(false).useSharding(1, 2).build();
        try {
            shard1.awaitReady();
            // THEN it identified as that shard and holds the second guild only
            assertThat(fake.awaitReady(1, WAIT)).isTrue();
            assertThat(fake.gatewayReceived()).filteredOn(p -> p.path("op").asInt() == 2)
                    .extracting(p -> p.path("d").path("shard").toString()).contains("[1,2]");
            assertThat(shard1.getGuilds()).extracting(Guild::getId).containsExactly(FakeDiscord.SECOND_GUILD_ID);
            assertThat(shard1.getTextChannelById(FakeDiscord.SECOND_CHANNEL_ID)).isNotNull();
        } finally {
            shard1.shutdownNow();
            shard1.awaitShutdown(Duration.ofSeconds(5));
        }
    }

    @Test
    void gateway_bot_recommends_one_shard_and_two_once_two_guilds_are_announced() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI bot = URI.create(fake.apiUrl() + "gateway/bot");
        JsonNode alone = new ObjectMapper().readTree(http.send(HttpRequest.newBuilder(bot).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        fake.announceTwoGuilds();
        JsonNode two = new ObjectMapper().readTree(http.send(HttpRequest.newBuilder(bot).build(),
                HttpResponse.BodyHandlers.ofString()).body());

        assertThat(alone.path("shards").asInt()).isEqualTo(1);
        assertThat(two.path("shards").asInt()).isEqualTo(2);
        assertThat(two.path("url").asText()).isEqualTo(fake.gatewayUrl());
        assertThat(two.path("session_start_limit").path("max_concurrency").asInt()).isEqualTo(1);
    }

    @Test
    void a_rate_limited_callback_is_retried_after_retry_after() {
        fake.failNext("POST", "interactions/.*/callback", 1, 429, 1);

        FakeDiscord.Interaction slash = send(FakeDiscord.slashCommand("42", "en-US", "show", Map.of()));

        FakeDiscord.Call first = fake.awaitCall("POST", slash.callbackPath(), 1, WAIT);
        FakeDiscord.Call retry = fake.awaitCall("POST", slash.callbackPath(), 2, WAIT);
        assertThat(Duration.between(first.at(), retry.at())).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        assertThat(retry.json().path("data").path("content").asText()).isEqualTo("pong");
        bot.await("replied");
    }

    @Test
    void unknown_routes_are_404_and_still_recorded() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(fake.apiUrl() + "nowhere?x=1")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("\"code\":0");
        assertThat(fake.calls("GET", "nowhere")).singleElement().satisfies(c -> assertThat(c.query()).isEqualTo("x=1"));
    }

    @Test
    void a_multipart_body_exposes_its_payload_json() throws Exception {
        String boundary = "b0undary";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"payload_json\"\r\n"
                + "Content-Type: application/json\r\n\r\n{\"type\":4,\"data\":{\"content\":\"file\"}}\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"files[0]\"; filename=\"a.txt\"\r\n\r\nhello\r\n--"
                + boundary + "--\r\n";
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(fake.apiUrl() + "interactions/1/t/callback"))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.discarding());

        JsonNode json = fake.awaitCall("POST", "interactions/1/t/callback", 1, WAIT).json();
        assertThat(json.path("data").path("content").asText()).isEqualTo("file");
    }

    @Test
    void guild_commands_and_message_edits_echo_what_was_sent() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String guildCommands = "applications/" + FakeDiscord.APP_ID + "/guilds/" + FakeDiscord.GUILD_ID + "/commands";
        HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create(fake.apiUrl() + guildCommands))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("[{\"name\":\"article\",\"description\":\"x\"}]")).build(),
                HttpResponse.BodyHandlers.ofString());
        String edit = "channels/" + FakeDiscord.CHANNEL_ID + "/messages/77";
        HttpResponse<String> patch = http.send(HttpRequest.newBuilder(URI.create(fake.apiUrl() + edit))
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"content\":\"3 votes\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        JsonNode command = new ObjectMapper().readTree(put.body()).get(0);
        assertThat(command.path("guild_id").asText()).isEqualTo(FakeDiscord.GUILD_ID);
        assertThat(command.path("application_id").asText()).isEqualTo(FakeDiscord.APP_ID);
        assertThat(command.has("id") && command.has("version")).isTrue();
        assertThat(patch.body()).contains("\"id\":\"77\"", "\"content\":\"3 votes\"");
        assertThat(fake.calls("PATCH", "channels/\\d+/messages/77")).hasSize(1);
    }

    @Test
    void a_thread_starts_once_per_message_with_the_messages_id_and_is_a_channel() throws Exception {
        // GIVEN a message in the text channel
        HttpClient http = HttpClient.newHttpClient();
        String messages = fake.apiUrl() + "channels/" + FakeDiscord.CHANNEL_ID + "/messages";
        String id = new ObjectMapper().readTree(post(http, messages, "{\"content\":\"hi\"}").body()).path("id")
                .asText();
        // WHEN a thread is started from it, twice
        HttpResponse<String> first = post(http, messages + "/" + id + "/threads", "{\"name\":\"talk\"}");
        HttpResponse<String> second = post(http, messages + "/" + id + "/threads", "{\"name\":\"talk\"}");
        // THEN the first made a thread with the message's id; the second got Discord's "already created"
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(second.statusCode()).isEqualTo(400);
        assertThat(second.body()).contains("160004");
        HttpResponse<String> thread = http.send(HttpRequest.newBuilder(URI.create(fake.apiUrl() + "channels/" + id))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(thread.body()).contains("\"id\":\"" + id + "\"", "\"parent_id\":\"" + FakeDiscord.CHANNEL_ID + "\"",
                "\"name\":\"talk\"");
    }

    private static HttpResponse<String> post(HttpClient http, String url, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private FakeDiscord.Interaction send(String json) {
        fake.sendInteraction(json);
        return FakeDiscord.Interaction.of(json);
    }

    /** Hands JDA the fake's Gateway URL instead of asking Discord. */
    private static final class LoopbackSessions extends ConcurrentSessionController {
        private final String url;

        LoopbackSessions(String url) {
            this.url = url;
        }

        @Override
        public String getGateway() {
            return url;
        }
    }

    /** A tiny bot: pong, deferred "later", deferred button edits and fixed autocomplete choices. */
    private static final class Bot extends ListenerAdapter {
        final List<String> seen = new CopyOnWriteArrayList<>();
        final List<Throwable> errors = new CopyOnWriteArrayList<>();

        @Override
        public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
            String option = event.getOptions().isEmpty() ? "" : " " + event.getOptions().get(0).getAsString();
            seen.add("slash " + event.getSubcommandName() + " " + event.getUserLocale().getLocale() + " "
                    + (event.getUser().getId().equals("42") ? "42" : event.getUser().getName()) + option);
            if ("later".equals(event.getSubcommandName())) {
                event.deferReply().queue(hook -> hook.editOriginal("later")
                        .queue(message -> seen.add("edited " + message.getContentRaw()), errors::add), errors::add);
            } else {
                event.reply("pong").queue(hook -> seen.add("replied"), errors::add);
            }
        }

        /** Waits until the bot saw this entry; fails early with any REST error JDA reported. */
        void await(String entry) {
            Await.until(entry + " among " + seen, () -> {
                assertThat(errors).isEmpty();
                return seen.contains(entry);
            });
            assertThat(errors).isEmpty();
        }

        @Override
        public void onButtonInteraction(ButtonInteractionEvent event) {
            seen.add("button " + event.getComponentId() + " " + event.getMessageId());
            event.deferEdit().queue(hook -> seen.add("deferred edit"), errors::add);
        }

        @Override
        public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
            seen.add("autocomplete " + event.getFocusedOption().getName() + " " + event.getFocusedOption().getValue());
            event.replyChoices(new Command.Choice("alpha", "alpha"), new Command.Choice("alps", "alps"))
                    .queue(done -> seen.add("choices sent"), errors::add);
        }
    }
}
