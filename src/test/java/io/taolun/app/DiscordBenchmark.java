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
 * {@code /article quote} with an embed, next to a bare JDA listener replying a constant, in the same run.
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
        Run bare = bare();
        Run taolun;
        try (FakeDiscord discord = FakeDiscord.start()) {
            Map<String, String> env = new HashMap<>(Map.of("DISCORD_TOKEN", "bench-token", "DISCORD_API_URL",
                    discord.apiUrl(), "DISCORD_GATEWAY_URL", discord.gatewayUrl(), "TAOLUN_PORT", "0"));
            TaolunConfig config = TaolunConfig.defaults();
            try (Composition app = new Composition(config, new SeedLoader().load(Path.of("seeds")),
                    DatabaseSettings.from(env, data), Clock.systemUTC(), new Random(1), e -> { })) {
                Server server = new Server(app, config, PlatformSettings.from(env), Clock.systemUTC(),
                        new PrintStream(OutputStream.nullOutputStream()));
                try {
                    assertThat(discord.awaitReady(Duration.ofSeconds(20))).isTrue();
                    run(discord, 100);
                    taolun = run(discord, N);
                } finally {
                    server.close(0);
                }
            }
        }
        Run bareAfter = bare();
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
        table.append(String.format(Locale.ROOT, "ratio %.2f of the bare listener's throughput (mean of its two runs)%n",
                taolun.perSecond() / ((bare.perSecond() + bareAfter.perSecond()) / 2)));
        System.out.println(table);
    }

    /** The bare listener: replies "pong" from JDA's event thread. */
    private static Run bare() throws Exception {
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
                            event.reply("pong").queue();
                        }
                    }).build();
            try {
                jda.awaitReady();
                run(discord, 100);
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
