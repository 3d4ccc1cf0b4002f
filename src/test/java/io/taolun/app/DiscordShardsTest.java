package io.taolun.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.taolun.core.ChannelRef;
import io.taolun.core.DeliveryException;
import io.taolun.core.Reply;
import io.taolun.core.Visibility;
import io.taolun.core.article.SeedLoader;
import io.taolun.discord.DiscordAdapter;
import io.taolun.discord.DiscordSessions;
import io.taolun.discord.DiscordSettings;
import io.taolun.discord.FakeChannels;
import io.taolun.discord.FakeDiscord;
import io.taolun.testing.Await;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Discord sharded across replicas: adapters built from {@code discord.shards} config, each a "replica" holding some of
 * 2 shards, with the real JDA against one fake Discord that has a guild on each shard. The replicas share one
 * database, as a deployment's do.
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES)
final class DiscordShardsTest {
    private static final Duration WAIT = Await.CEILING;
    private static final String GLOBAL_COMMANDS = "applications/\\d+/commands";
    /** The guild on shard 0 of 2, and its channel. */
    private static final ChannelRef FIRST = new ChannelRef("discord", FakeDiscord.GUILD_ID, FakeDiscord.CHANNEL_ID);
    /** The guild on shard 1 of 2, and its channel. */
    private static final ChannelRef SECOND = new ChannelRef("discord", FakeDiscord.SECOND_GUILD_ID,
            FakeDiscord.SECOND_CHANNEL_ID);

    @TempDir
    Path data;

    private final ExecutorService work = Executors.newFixedThreadPool(4);
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    private final List<DiscordAdapter> replicas = new ArrayList<>();
    private FakeDiscord discord;
    private Composition app;

    @BeforeEach
    void start() {
        // GIVEN a Discord with one guild on each of 2 shards
        discord = FakeDiscord.start();
        discord.announceTwoGuilds();
        app = new Composition(TaolunConfig.defaults(), new SeedLoader().load(Path.of("seeds")),
                DatabaseSettings.from(Map.of(), data), Clock.systemUTC(), new Random(3), e -> { });
    }

    @AfterEach
    void stop() {
        replicas.forEach(DiscordAdapter::close);
        work.shutdownNow();
        timers.shutdownNow();
        app.close();
        discord.close();
    }

    /** A replica: an adapter whose settings come from the config's {@code discord:} section, logged in. */
    private DiscordAdapter replica(List<String> guilds, int total, List<Integer> ids) {
        DiscordConfig config = new DiscordConfig(guilds, new DiscordConfig.ShardsConfig(total, ids));
        DiscordSettings settings = PlatformSettings.from(Map.of("DISCORD_TOKEN", "discord-test-token",
                "DISCORD_API_URL", discord.apiUrl(), "DISCORD_GATEWAY_URL", discord.gatewayUrl()), config)
                .discord().orElseThrow();
        DiscordAdapter adapter = new DiscordAdapter(settings, new DiscordSessions(), app.router(), app.followUps(),
                app.completions(), TaolunConfig.defaults().polls().policy().maxDuration(), work, timers);
        replicas.add(adapter);
        adapter.start();
        return adapter;
    }

    private DiscordAdapter readyReplica(int shard) {
        DiscordAdapter adapter = replica(List.of(), 2, List.of(shard));
        awaitTrue(adapter::ready, "replica of shard " + shard + " ready");
        return adapter;
    }

    /** The shard arrays of every IDENTIFY the fake received, e.g. {@code [0,2]}. */
    private List<String> identifiedShards() {
        return discord.gatewayReceived().stream().filter(p -> p.path("op").asInt() == 2)
                .map(p -> p.path("d").path("shard").toString()).toList();
    }

    private JsonNode send(String interaction) {
        discord.sendInteraction(interaction);
        return discord.awaitAnswer(interaction, WAIT);
    }

    private static Reply post(String title) {
        return Reply.builder().title(title).text("Which claim holds up?").visibility(Visibility.IN_CHANNEL).build();
    }

    private static void awaitTrue(BooleanSupplier condition, String what) {
        Await.until(what, condition::getAsBoolean);
    }

    @Test
    void each_replica_identifies_as_its_own_shard_and_becomes_ready() {
        // WHEN two replicas start, holding shard 0 and shard 1 of 2
        DiscordAdapter first = readyReplica(0);
        DiscordAdapter second = readyReplica(1);

        // THEN each identified with its shard, and both are connected
        assertThat(identifiedShards()).containsExactlyInAnyOrder("[0,2]", "[1,2]");
        assertThat(discord.awaitReady(0, WAIT)).isTrue();
        assertThat(discord.awaitReady(1, WAIT)).isTrue();
        assertThat(first.state()).isEqualTo("connected");
        assertThat(second.state()).isEqualTo("connected");
        // AND each registered the global commands once (idempotent: the same set from both)
        assertThat(discord.awaitCall("PUT", GLOBAL_COMMANDS, 2, WAIT).json()).isEqualTo(
                discord.calls("PUT", GLOBAL_COMMANDS).get(0).json());
    }

    @Test
    void an_interaction_in_either_guild_is_answered_by_the_replica_holding_its_shard() {
        // GIVEN both replicas
        readyReplica(0);
        readyReplica(1);

        // WHEN a member asks for a quote in the first guild, then in the second
        JsonNode inFirst = send(FakeDiscord.slashCommand("alice", "en-US", "quote", Map.of("which", "4")));
        JsonNode inSecond = send(FakeDiscord.inGuild(FakeDiscord.slashCommand("bob", "en-US", "quote",
                Map.of("which", "4")), FakeDiscord.SECOND_GUILD_ID, FakeDiscord.SECOND_CHANNEL_ID));

        // THEN both are answered at once with the quote (the fake hands each to its shard's session only)
        assertThat(inFirst.path("type").asInt()).isEqualTo(4);
        assertThat(inSecond.path("type").asInt()).isEqualTo(4);
        assertThat(inFirst.path("data").path("embeds").size()).isPositive();
        assertThat(inSecond.path("data").path("embeds").size()).isPositive();
    }

    @Test
    void only_the_replica_holding_a_guilds_shard_can_post_there() {
        // GIVEN both replicas
        DiscordAdapter first = readyReplica(0);
        DiscordAdapter second = readyReplica(1);

        // THEN each can post to the guild on its shard, and not to the other's
        assertThat(first.gateway().canPost(FIRST)).isTrue();
        assertThat(first.gateway().canPost(SECOND)).isFalse();
        assertThat(second.gateway().canPost(SECOND)).isTrue();
        assertThat(second.gateway().canPost(FIRST)).isFalse();
    }

    @Test
    void a_scheduled_post_to_the_second_guild_is_made_by_the_replica_holding_it_with_its_thread_and_edit()
            throws Exception {
        // GIVEN both replicas
        DiscordAdapter first = readyReplica(0);
        DiscordAdapter second = readyReplica(1);

        // WHEN the second guild's replica posts a poll there, results under it, and edits the poll
        String poll = second.gateway().post(SECOND, Optional.empty(), post("Weekly poll"), "shards1");
        String results = second.gateway().post(SECOND, Optional.of(poll), post("Results"), "shards1res");
        second.gateway().edit(SECOND, poll, post("Weekly poll · closed"));

        // THEN the poll is in the second guild's channel, edited, with the results in the thread under it
        List<FakeChannels.Posted> posted = discord.messages(FakeDiscord.SECOND_CHANNEL_ID);
        assertThat(posted).extracting(FakeChannels.Posted::id).containsExactly(poll);
        assertThat(posted.get(0).json().path("embeds").get(0).path("title").asText())
                .isEqualTo("Weekly poll · closed");
        assertThat(discord.thread(poll)).hasValueSatisfying(
                thread -> assertThat(thread.path("guild_id").asText()).isEqualTo(FakeDiscord.SECOND_GUILD_ID));
        assertThat(discord.messages(poll)).extracting(FakeChannels.Posted::id).containsExactly(results);
        // AND the other replica would not try: nothing sent, and it is left for the replica holding the guild
        int requests = discord.calls().size();
        DeliveryException refused = catchThrowableOfType(
                () -> first.gateway().post(SECOND, Optional.empty(), post("x"), "shards2"), DeliveryException.class);
        assertThat(refused.retryable()).isTrue();
        assertThat(discord.calls()).hasSize(requests);
    }

    @Test
    void a_replica_holding_both_shards_is_ready_only_once_both_are_and_registers_global_commands_once() {
        // WHEN one replica holds both shards of 2 (Discord lets the second identify 5 s after the first)
        DiscordAdapter both = replica(List.of(), 2, List.of(0, 1));

        // THEN it is not ready while shard 1 waits its turn, and is once both are connected
        awaitTrue(() -> both.state().startsWith("shard 0 connected, shard 1 "), "shard 0 connected alone");
        assertThat(both.ready()).isFalse();
        awaitTrue(both::ready, "both shards connected");
        assertThat(both.state()).isEqualTo("connected");
        assertThat(identifiedShards()).containsExactly("[0,2]", "[1,2]");
        assertThat(both.gateway().canPost(FIRST)).isTrue();
        assertThat(both.gateway().canPost(SECOND)).isTrue();
        // AND the global commands were registered once for the process, not once per shard (an interaction answered
        // on shard 1 shows its session is past its ready event, which it handles first)
        send(FakeDiscord.inGuild(FakeDiscord.slashCommand("bob", "en-US", "quote", Map.of("which", "4")),
                FakeDiscord.SECOND_GUILD_ID, FakeDiscord.SECOND_CHANNEL_ID));
        assertThat(discord.calls("PUT", GLOBAL_COMMANDS)).hasSize(1);
    }

    @Test
    void with_discord_guilds_configured_each_replica_registers_the_commands_in_the_guild_of_its_shard() {
        // WHEN both replicas start with both guilds configured for instant registration
        List<String> guilds = List.of(FakeDiscord.GUILD_ID, FakeDiscord.SECOND_GUILD_ID);
        DiscordAdapter first = replica(guilds, 2, List.of(0));
        DiscordAdapter second = replica(guilds, 2, List.of(1));
        awaitTrue(() -> first.ready() && second.ready(), "both replicas ready");

        // THEN each guild got the commands once, from the replica that holds it, and none were registered globally
        discord.awaitCall("PUT", "applications/\\d+/guilds/" + FakeDiscord.GUILD_ID + "/commands", 1, WAIT);
        discord.awaitCall("PUT", "applications/\\d+/guilds/" + FakeDiscord.SECOND_GUILD_ID + "/commands", 1, WAIT);
        assertThat(discord.calls("PUT", "applications/\\d+/guilds/\\d+/commands")).hasSize(2);
        assertThat(discord.calls("PUT", GLOBAL_COMMANDS)).isEmpty();
    }
}
