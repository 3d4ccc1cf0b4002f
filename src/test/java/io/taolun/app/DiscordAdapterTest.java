package io.taolun.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.taolun.core.TestBot;
import io.taolun.core.article.SeedLoader;
import io.taolun.discord.FakeDiscord;
import io.taolun.store.TestDatabases;
import io.taolun.testing.Await;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Discord, end to end: the real server and the real JDA against a fake Discord (REST and gateway) on loopback. */
final class DiscordAdapterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Await.CEILING;

    @TempDir
    Path data;

    private FakeDiscord discord;
    private Composition app;
    private Server server;

    private void start(TestDatabases.Kind kind) throws Exception {
        start(kind, false);
    }

    private void start(TestDatabases.Kind kind, boolean inGuild) throws Exception {
        discord = FakeDiscord.start();
        if (inGuild) {
            discord.announceGuild();
        }
        Map<String, String> env = new HashMap<>(Map.of("DISCORD_TOKEN", "discord-test-token",
                "DISCORD_API_URL", discord.apiUrl(), "DISCORD_GATEWAY_URL", discord.gatewayUrl(), "TAOLUN_PORT", "0"));
        if (kind == TestDatabases.Kind.POSTGRES) {
            TestDatabases.Url url = TestDatabases.fresh(kind);
            env.putAll(Map.of("TAOLUN_DB_URL", url.url(), "TAOLUN_DB_USER", url.user(),
                    "TAOLUN_DB_PASSWORD", url.password()));
        }
        TaolunConfig config = TaolunConfig.defaults();
        DiscordConfig guilds = new DiscordConfig(inGuild ? java.util.List.of(FakeDiscord.GUILD_ID) : null);
        app = new Composition(config, new SeedLoader().load(Path.of("seeds")), DatabaseSettings.from(env, data),
                Clock.systemUTC(), new Random(3), e -> { }, Outbound.of(PlatformSettings.from(env, guilds)));
        server = new Server(app, config, PlatformSettings.from(env, guilds), Clock.systemUTC(),
                new PrintStream(OutputStream.nullOutputStream()));
        assertThat(discord.awaitReady(WAIT)).isTrue();
        discord.awaitCall("PUT", inGuild ? "applications/\\d+/guilds/\\d+/commands" : "applications/\\d+/commands", 1,
                WAIT);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close(0);
        }
        if (app != null) {
            app.close();
        }
        if (discord != null) {
            discord.close();
        }
    }

    /** Sends an interaction and returns the answer the user sees (deferred and edited, or at once). */
    private JsonNode send(String interaction) {
        discord.sendInteraction(interaction);
        return discord.awaitAnswer(interaction, WAIT);
    }

    /** The interaction as /article-admin from a member with Manage Server (permission bit 1 << 5). */
    private static String admin(String interaction) throws Exception {
        ObjectNode json = (ObjectNode) JSON.readTree(interaction);
        ((ObjectNode) json.path("data")).put("name", "article-admin");
        ((ObjectNode) json.path("member")).put("permissions", "32");
        return json.toString();
    }

    private static String withoutPermissions(String interaction) throws Exception {
        ObjectNode json = (ObjectNode) JSON.readTree(interaction);
        ((ObjectNode) json.path("member")).put("permissions", "0");
        return json.toString();
    }

    private int votes() throws Exception {
        try (Connection c = app.database().dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM vote WHERE NOT retracted")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void the_command_tree_is_registered_with_admin_subcommands_behind_manage_server() throws Exception {
        start(TestDatabases.Kind.H2);
        JsonNode commands = discord.calls("PUT", "applications/\\d+/commands").get(0).json();
        assertThat(commands.findValuesAsText("name")).contains("article", "article-admin", "section", "quote",
                "search", "poll", "close", "history");
        JsonNode admin = null;
        for (JsonNode command : commands) {
            if (command.path("name").asText().equals("article-admin")) {
                admin = command;
            }
        }
        assertThat(admin).isNotNull();
        assertThat(admin.path("default_member_permissions").asText()).isEqualTo("32");
        assertThat(commands.toString()).contains("\"autocomplete\":true");
    }

    @Test
    void with_discord_guilds_configured_the_commands_are_registered_in_that_guild_only() throws Exception {
        start(TestDatabases.Kind.H2, true);
        JsonNode commands = discord.calls("PUT", "applications/\\d+/guilds/" + FakeDiscord.GUILD_ID + "/commands")
                .get(0).json();
        assertThat(commands.findValuesAsText("name")).contains("article", "article-admin");
        assertThat(discord.calls("PUT", "applications/\\d+/commands")).isEmpty();
    }

    @Test
    void a_quote_is_answered_with_an_embed_holding_a_verbatim_span_and_no_mentions() throws Exception {
        start(TestDatabases.Kind.H2);
        JsonNode callback = send(FakeDiscord.slashCommand("alice", "zh-CN", "quote", Map.of("which", "4")));
        assertThat(callback.path("type").asInt()).isEqualTo(4);
        String quote = TestBot.library().defaultArticle().orElseThrow().quotes().get(3).text();
        assertThat(callback.path("data").path("embeds").get(0).path("description").asText()).contains(quote);
        assertThat(callback.path("data").path("flags").asInt() & 64).isEqualTo(64);
        assertThat(callback.path("data").path("allowed_mentions").path("parse").size()).isZero();
    }

    @Test
    void every_subcommand_is_answered_in_the_users_language() throws Exception {
        start(TestDatabases.Kind.H2);
        Map<String, Map<String, Object>> commands = Map.ofEntries(
                Map.entry("help", Map.of()), Map.entry("about", Map.of()), Map.entry("section", Map.of("section", 3)),
                Map.entry("summary", Map.of()), Map.entry("claims", Map.of("section", 3)),
                Map.entry("search", Map.of("query", "卡脖子")), Map.entry("discuss", Map.of()),
                Map.entry("polls", Map.of()), Map.entry("history", Map.of("claim", "c1")),
                Map.entry("results", Map.of()), Map.entry("vote", Map.of("poll", 9, "option", 1)),
                Map.entry("export", Map.of("poll", 9)), Map.entry("report", Map.of("period", "week")));
        for (var command : commands.entrySet()) {
            JsonNode zh = send(FakeDiscord.slashCommand("alice", "zh-TW", command.getKey(), command.getValue()));
            assertThat(zh.path("type").asInt()).as(command.getKey()).isEqualTo(4);
            assertThat(zh.path("data").path("embeds").size()).as(command.getKey()).isEqualTo(1);
        }
        JsonNode en = send(FakeDiscord.slashCommand("bob", "en-US", "summary", Map.of("section", 3)));
        assertThat(en.path("data").path("embeds").get(0).path("description").asText()).contains("The author");
        JsonNode discuss = send(FakeDiscord.slashCommand("bob", "en-US", "discuss", Map.of()));
        assertThat(discuss.path("data").path("flags").asInt() & 64).isZero();
        assertThat(discuss.toString()).contains("你觉得呢?", "What do you think?");
    }

    @Test
    void autocomplete_lists_sections_in_the_users_language() throws Exception {
        start(TestDatabases.Kind.H2);
        JsonNode zh = send(FakeDiscord.autocomplete("alice", "zh-CN", "section", "section", "AI"));
        assertThat(zh.path("type").asInt()).isEqualTo(8);
        assertThat(zh.path("data").path("choices").findValuesAsText("name")).contains("3 · AI时代的两大变化");
        JsonNode en = send(FakeDiscord.autocomplete("alice", "en-GB", "history", "claim", "GPT"));
        assertThat(en.path("data").path("choices").findValuesAsText("value")).isNotEmpty()
                .allSatisfy(v -> assertThat(v).startsWith("c"));
    }

    @Test
    void a_button_vote_is_counted_confirmed_privately_and_the_poll_message_edited() throws Exception {
        // the bot is in the guild (the invite's bot scope), so the core can edit the poll message through its gateway
        start(TestDatabases.Kind.H2, true);
        // the guild's owner (user 1 in the fake guild) opens it: with the guild cached, JDA reads Manage Server from it
        JsonNode poll = send(admin(FakeDiscord.slashCommand("1", "zh-CN", "poll", Map.of("claim", "c1"))));
        assertThat(poll.path("data").path("flags").asInt() & 64).as(poll.toString()).isZero();
        assertThat(poll.path("data").path("components").findValuesAsText("custom_id")).contains("vote 1 2");
        // WHEN bob presses 同意 on the poll message
        JsonNode confirmation = send(FakeDiscord.button("bob", "zh-CN", "vote 1 2", "1234567890123456789"));
        // THEN
        assertThat(confirmation.path("type").asInt()).isEqualTo(4);
        assertThat(confirmation.path("data").path("flags").asInt() & 64).isEqualTo(64);
        assertThat(confirmation.toString()).contains("同意");
        assertThat(votes()).isEqualTo(1);
        // the core keeps the poll's message current: an edit through the gateway, in the message's channel
        JsonNode edit = discord.awaitCall("PATCH", "channels/" + FakeDiscord.CHANNEL_ID + "/messages/\\d+", 1, WAIT)
                .json();
        // the poll message is in the guild's language (en-US here), whoever opened it
        assertThat(edit.toString()).contains("Poll #1", "1 vote · anonymous");
    }

    @Test
    void an_export_comes_back_privately_with_the_csv_attached() throws Exception {
        // GIVEN poll #1
        start(TestDatabases.Kind.H2);
        send(admin(FakeDiscord.slashCommand("alice", "zh-CN", "poll", Map.of("claim", "c1"))));
        // WHEN alice exports it
        String export = FakeDiscord.slashCommand("alice", "zh-CN", "export", Map.of("poll", 1));
        JsonNode answer = send(export);
        // THEN the answer is hers alone, and carries poll-1.csv as a file (JDA's FileUpload, multipart)
        assertThat(answer.path("data").path("flags").asInt() & 64).isEqualTo(64);
        FakeDiscord.Interaction sent = FakeDiscord.Interaction.of(export);
        FakeDiscord.Call withFile = discord.calls().stream()
                .filter(c -> c.path().matches(sent.callbackPath()) || c.path().matches(sent.originalPath()))
                .filter(c -> c.body().contains("filename=\"poll-1.csv\"")).findFirst().orElseThrow();
        assertThat(withFile.header("Content-Type")).startsWith("multipart/form-data");
        assertThat(withFile.body()).contains("poll,claim,question,option,label_zh,label_en,votes,percent", "同意");
    }

    @Test
    void anyone_lists_the_library_and_an_admin_chooses_the_channels_article() throws Exception {
        start(TestDatabases.Kind.H2);
        // WHEN bob lists the library and an admin picks an unknown id, then the seeded article
        String list = send(FakeDiscord.slashCommand("bob", "en-US", "list", Map.of())).toString();
        String unknown = send(admin(FakeDiscord.slashCommand("alice", "en-US", "use", Map.of("article", "nope"))))
                .toString();
        String chosen = send(admin(FakeDiscord.slashCommand("alice", "en-US", "use",
                Map.of("article", "000_a8e75d267bb866eb")))).toString();
        // THEN the list marks this channel's article, the unknown id is refused and the known one is taken
        assertThat(list).contains("000_a8e75d267bb866eb", "curated", "this channel");
        assertThat(unknown).contains("There is no article nope");
        assertThat(chosen).contains("This channel now discusses 000_a8e75d267bb866eb");
    }

    @Test
    void admins_schedule_list_and_turn_off_rituals_through_the_admin_subcommands() throws Exception {
        start(TestDatabases.Kind.H2);
        // WHEN an admin schedules a weekly poll and a quote of the day with the typed options
        JsonNode weekly = send(admin(FakeDiscord.slashCommand("alice", "en-US", "schedule-weekly-poll",
                Map.of("day", "wednesday", "time", "20:30", "zone", "Europe/Berlin", "close-after", "36h"))));
        JsonNode quote = send(admin(FakeDiscord.slashCommand("alice", "en-US", "schedule-qotd",
                Map.of("time", "09:00", "zone", "Asia/Shanghai"))));
        // THEN both are confirmed in the channel
        assertThat(weekly.toString()).contains("Scheduled #1", "Wednesdays at 20:30 Europe/Berlin, open 36 hours");
        assertThat(quote.toString()).contains("Scheduled #2", "daily at 09:00 Asia/Shanghai");
        // AND a weekly poll of two rounds picking the divisive claims, through its typed options
        JsonNode rounds = send(admin(FakeDiscord.slashCommand("alice", "en-US", "schedule-weekly-poll",
                Map.of("day", "friday", "time", "18:00", "zone", "UTC", "rounds", 2, "round-two-after", "4d",
                        "pick", "divisive"))));
        assertThat(rounds.toString()).contains("Scheduled #3", "two rounds: round 2 opens after 4 days",
                "the most divisive claim again (two rounds)");
        // AND anyone lists them; a bad zone is answered with what is accepted; an admin turns one off
        assertThat(send(FakeDiscord.slashCommand("bob", "en-US", "schedule-list", Map.of())).toString())
                .contains("3 schedules in this channel");
        assertThat(send(admin(FakeDiscord.slashCommand("alice", "en-US", "schedule-qotd",
                Map.of("time", "09:00", "zone", "Mars/Olympus")))).toString()).contains("is not a time zone");
        assertThat(send(admin(FakeDiscord.slashCommand("alice", "en-US", "schedule-off", Map.of("id", 1))))
                .toString()).contains("Turned off schedule #1");
        // AND a member without Manage Server cannot
        assertThat(send(withoutPermissions(admin(FakeDiscord.slashCommand("mallory", "en-US", "schedule-off",
                Map.of("id", 2)))))
                .toString()).doesNotContain("Turned off");
    }

    @Test
    void a_forged_button_and_a_member_without_manage_server_change_nothing() throws Exception {
        start(TestDatabases.Kind.H2);
        JsonNode refused = send(withoutPermissions(admin(
                FakeDiscord.slashCommand("mallory", "zh-CN", "poll", Map.of("claim", "c1")))));
        assertThat(refused.toString()).contains("管理服务器");
        assertThat(refused.path("data").path("flags").asInt() & 64).isEqualTo(64);
        // GIVEN an open poll
        send(admin(FakeDiscord.slashCommand("alice", "en-US", "poll", Map.of("claim", "c1"))));
        // WHEN someone forges a button whose id would close it
        JsonNode forged = send(FakeDiscord.button("mallory", "en-US", "close 1", "1234567890123456780"));
        // THEN it is acknowledged and ignored: the poll is still open
        assertThat(forged.path("type").asInt()).isEqualTo(6);
        try (Connection c = app.database().dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT closed_at FROM poll WHERE id = 1")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getObject(1)).isNull();
        }
    }

    @Test
    void personal_answers_follow_the_users_locale_and_public_ones_the_guilds() throws Exception {
        start(TestDatabases.Kind.H2);
        // the fake guild's locale is en-US
        JsonNode polls = send(FakeDiscord.slashCommand("alice", "zh-CN", "polls", Map.of()));
        assertThat(polls.toString()).contains("本频道");
        JsonNode help = send(FakeDiscord.slashCommand("alice", "en-US", "help", Map.of()));
        assertThat(help.toString()).contains("Taolun · commands", "/article-admin poll", "/article-admin close")
                .doesNotContain("/article poll ");
        JsonNode shared = send(FakeDiscord.slashCommand("alice", "zh-CN", "quote", Map.of("which", "1", "share", true)));
        assertThat(shared.path("data").path("flags").asInt() & 64).isZero();
        assertThat(shared.toString()).contains("Quote 1 of 32");
    }

    @Test
    void section_in_english_is_the_translation_and_its_zh_option_shows_the_chinese_original() throws Exception {
        start(TestDatabases.Kind.H2);
        JsonNode english = send(FakeDiscord.slashCommand("alice", "en-US", "section", Map.of("section", 5)));
        assertThat(english.toString()).contains("The first: in the 19th century", "add --zh for the Chinese original")
                .doesNotContain("电信网络");
        JsonNode original = send(FakeDiscord.slashCommand("alice", "en-US", "section",
                Map.of("section", 5, "zh", true)));
        assertThat(original.toString()).contains("电信网络").doesNotContain("The first: in the 19th century");
    }

    @Test
    void a_query_cannot_switch_the_language_or_break_the_command() throws Exception {
        start(TestDatabases.Kind.H2);
        JsonNode search = send(FakeDiscord.slashCommand("alice", "zh-CN", "search", Map.of("query", "\"卡脖子 --lang en")));
        assertThat(search.toString()).contains("查找", "【卡脖子】");
    }

    @Test
    void a_slow_answer_is_deferred_and_then_the_original_edited() throws Exception {
        start(TestDatabases.Kind.POSTGRES);
        send(admin(FakeDiscord.slashCommand("alice", "zh-CN", "poll", Map.of("claim", "c2"))));
        // GIVEN the poll's row is locked, so a vote has to wait for it
        try (Connection blocker = app.database().dataSource().getConnection()) {
            blocker.setAutoCommit(false);
            try (Statement s = blocker.createStatement()) {
                s.executeQuery("SELECT id FROM poll WHERE id = 1 FOR UPDATE").close();
            }
            // WHEN a vote arrives, its answer takes longer than the defer budget
            String vote = FakeDiscord.button("bob", "zh-CN", "vote 1 3", "1234567890123456781");
            discord.sendInteraction(vote);
            JsonNode callback = discord.awaitCall("POST", FakeDiscord.Interaction.of(vote).callbackPath(), 1, WAIT)
                    .json();
            assertThat(callback.path("type").asInt()).isEqualTo(5);
            blocker.commit();
        }
        // THEN the deferred reply is edited with the confirmation
        JsonNode edited = discord.awaitCall("PATCH", "webhooks/\\d+/[^/]+/messages/@original", 1, WAIT).json();
        assertThat(edited.toString()).contains("中立");
        assertThat(votes()).isEqualTo(1);
    }

    @Test
    void after_the_gateway_drops_jda_resumes_and_the_next_interaction_is_answered() throws Exception {
        start(TestDatabases.Kind.H2);
        discord.dropConnection();
        assertThat(discord.awaitResumed(WAIT)).isTrue();
        JsonNode callback = send(FakeDiscord.slashCommand("alice", "en-US", "quote", Map.of("which", "1")));
        assertThat(callback.path("type").asInt()).isEqualTo(4);
        assertThat(discord.identifies()).isEqualTo(1);
    }
}
