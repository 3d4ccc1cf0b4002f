package io.taolun.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.taolun.core.article.SeedLoader;
import io.taolun.discord.FakeDiscord;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import com.fasterxml.jackson.databind.JsonNode;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.requests.restaction.interactions.ReplyCallbackAction;
import net.dv8tion.jda.api.utils.data.DataObject;
import java.util.Random;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slash-command interactions pushed through a fake gateway and timed to their callback: Taolun answering
 * {@code /article quote} with an embed, next to a bare JDA listener replying a constant and one replying the same
 * embed, in the same run; each listener is warmed with as many interactions as it is timed on.
 * Prints a table; decides nothing. Run with {@code mvn -B -q -Pbench test}.
 */
@Tag("benchmark")
final class DiscordBenchmark {
    private static final int N = Integer.getInteger("bench.interactions", 1000);
    private static final String CALLBACK = "interactions/\\d+/[^/]+/callback";

    @TempDir
    Path data;

    private record Run(double perSecond, double p50, double p99) {
    }

    @Test
    void slash_commands_against_a_bare_jda_listener() throws Exception {
        Run bare = bare(event -> event.reply("pong"));
        Run taolun;
        String embed;
        boolean ephemeral;
        try (FakeDiscord discord = FakeDiscord.start()) {
            Map<String, String> env = new HashMap<>(Map.of("DISCORD_TOKEN", "bench-token", "DISCORD_API_URL",
                    discord.apiUrl(), "DISCORD_GATEWAY_URL", discord.gatewayUrl(), "TAOLUN_PORT", "0"));
            TaolunConfig config = TaolunConfig.defaults();
            try (Composition app = new Composition(config, new SeedLoader().load(Path.of("seeds")),
                    DatabaseSettings.from(env, data), Clock.systemUTC(), new Random(1), e -> { }, Outbound.of(PlatformSettings.from(env)))) {
                Server server = new Server(app, config, PlatformSettings.from(env), Clock.systemUTC(),
                        new PrintStream(OutputStream.nullOutputStream()));
                try {
                    assertThat(discord.awaitReady(Duration.ofSeconds(20))).isTrue();
                    // the server builds the search index in the background once up: wait for it (a first search
                    // waits for that build), so the timed runs do not share the CPU with it
                    discord.sendInteraction(FakeDiscord.slashCommand("warm", "zh-CN", "search",
                            Map.of("query", "卡脖子")));
                    discord.awaitCall("POST", CALLBACK, 1, Duration.ofMinutes(1));
                    // warmed as long as the bare listener is before its second run
                    run(discord, N);
                    taolun = run(discord, N);
                    JsonNode data = discord.calls("POST", CALLBACK).get(0).json().path("data");
                    embed = data.path("embeds").get(0).toString();
                    ephemeral = (data.path("flags").asInt() & 64) != 0;
                } finally {
                    server.close(0);
                }
            }
        }
        Run bareAfter = bare(event -> event.reply("pong"));
        MessageEmbed same = EmbedBuilder.fromData(DataObject.fromJson(embed)).build();
        Run bareEmbed = bare(event -> event.replyEmbeds(same).setEphemeral(ephemeral));
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
                "%n%d slash-command interactions through the gateway, timed to their callback, %d cores%n", N,
                Runtime.getRuntime().availableProcessors()));
        table.append("| listener                          | per sec | p50 ms | p99 ms |\n");
        table.append("|-----------------------------------|---------|--------|--------|\n");
        table.append(String.format(Locale.ROOT, "| bare JDA listener, constant reply | %7.0f | %6.2f | %6.2f |%n",
                bare.perSecond(), bare.p50(), bare.p99()));
        table.append(String.format(Locale.ROOT, "| Taolun /article quote (embed)     | %7.0f | %6.2f | %6.2f |%n",
                taolun.perSecond(), taolun.p50(), taolun.p99()));
        table.append(String.format(Locale.ROOT, "| bare JDA listener, run again      | %7.0f | %6.2f | %6.2f |%n",
                bareAfter.perSecond(), bareAfter.p50(), bareAfter.p99()));
        table.append(String.format(Locale.ROOT, "| bare JDA listener, Taolun's embed | %7.0f | %6.2f | %6.2f |%n",
                bareEmbed.perSecond(), bareEmbed.p50(), bareEmbed.p99()));
        table.append(String.format(Locale.ROOT, "ratio %.2f of the warm bare listener's throughput (constant reply), "
                + "%.2f against the bare listener sending the same embed%n", taolun.perSecond() / bareAfter.perSecond(),
                taolun.perSecond() / bareEmbed.perSecond()));
        System.out.println(table);
    }

    /** The bare listener: replies from JDA's event thread with what {@code reply} makes (warmed, then timed). */
    private static Run bare(Function<SlashCommandInteractionEvent, ReplyCallbackAction> reply) throws Exception {
        try (FakeDiscord discord = FakeDiscord.start()) {
            JDA jda = JDABuilder.createLight("bare-token", EnumSet.noneOf(GatewayIntent.class))
                    .setRestConfig(new RestConfig().setBaseUrl(discord.apiUrl()))
                    .setSessionController(new ConcurrentSessionController() {
                        @Override
                        public String getGateway() {
                            return discord.gatewayUrl();
                        }
                    })
                    .setCompression(Compression.NONE)
                    .addEventListeners(new ListenerAdapter() {
                        @Override
                        public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
                            reply.apply(event).queue();
                        }
                    }).build();
            try {
                jda.awaitReady();
                run(discord, N);
                return run(discord, N);
            } finally {
                jda.shutdownNow();
            }
        }
    }

    private static Run run(FakeDiscord discord, int count) {
        discord.clear();
        Map<String, Instant> sent = new HashMap<>();
        Instant began = Instant.now();
        for (int i = 0; i < count; i++) {
            String json = FakeDiscord.slashCommand("u" + i, "zh-CN", "quote", Map.of("which", String.valueOf(i % 32 + 1)));
            FakeDiscord.Interaction interaction = FakeDiscord.Interaction.of(json);
            sent.put(interaction.id(), Instant.now());
            discord.sendInteraction(json);
        }
        discord.awaitCall("POST", CALLBACK, count, Duration.ofMinutes(5));
        List<Long> latencies = new ArrayList<>();
        Instant last = began;
        for (FakeDiscord.Call call : discord.calls("POST", CALLBACK)) {
            String id = call.path().split("/")[1];
            Instant start = sent.get(id);
            if (start != null) {
                latencies.add(Duration.between(start, call.at()).toNanos());
                last = call.at().isAfter(last) ? call.at() : last;
            }
        }
        latencies.sort(Long::compare);
        double seconds = Duration.between(began, last).toNanos() / 1e9;
        return new Run(latencies.size() / seconds, latencies.get(latencies.size() / 2) / 1e6,
                latencies.get((int) (latencies.size() * 0.99)) / 1e6);
    }
}
