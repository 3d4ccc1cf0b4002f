package io.taolun.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.taolun.discord.FakeDiscord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slash-command interactions pushed through a fake gateway and timed to their callback: Taolun answering
 * {@code /article quote} with an embed, next to a bare JDA listener replying a constant and one replying the same
 * embed. Each side runs in a JVM of its own ({@link BenchChild}), is warmed with the same interactions, and is then
 * timed; the child's CPU time over the timed run, divided by the interactions, is its CPU per interaction. The fake
 * Discord and the load stay in this JVM. The sides alternate within each of {@code bench.rounds} rounds.
 * Prints a table; decides nothing. Run with {@code mvn -B -q -Pbench test -Dtest=DiscordBenchmark}.
 */
@Tag("benchmark")
final class DiscordBenchmark {
    private static final int N = Integer.getInteger("bench.interactions", 1000);
    private static final int WARM = Integer.getInteger("bench.warmup", 3000);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    private static final String CALLBACK = "interactions/\\d+/[^/]+/callback";
    private static final String BARE = "bare JDA listener, constant reply";
    private static final String TAOLUN = "Taolun /article quote (embed)";
    private static final String EMBED = "bare JDA listener, Taolun's embed";

    @TempDir
    Path data;

    @Test
    void slash_commands_against_a_bare_jda_listener() throws Exception {
        BenchRounds rounds = new BenchRounds();
        Path embed = data.resolve("embed.txt");
        for (int r = 0; r < ROUNDS; r++) {
            rounds.add(BARE, side("discord-bare"));
            Path dir = Files.createDirectories(data.resolve("round-" + r));
            rounds.add(TAOLUN, side("discord-taolun", dir.toString(), embed));
            rounds.add(EMBED, side("discord-embed", embed.toString()));
        }
        System.out.println(String.format(Locale.ROOT,
                "%n%d slash-command interactions through the gateway, timed to their callback, after %d warm-up ones;"
                        + " each side in its own JVM, %d rounds, %d cores (shared)%n", N, WARM, ROUNDS,
                Runtime.getRuntime().availableProcessors())
                + rounds.table("op") + rounds.ratio(TAOLUN, BARE) + rounds.ratio(TAOLUN, EMBED));
    }

    private static BenchRounds.Sample side(String kind, String... extra) throws Exception {
        return side(kind, extra.length > 0 ? extra[0] : null, null);
    }

    /** Starts a fake Discord here and the side {@code kind} in a child; warms it, then times it. */
    private static BenchRounds.Sample side(String kind, String extra, Path embedOut) throws Exception {
        try (FakeDiscord discord = FakeDiscord.start()) {
            List<String> args = new ArrayList<>(List.of(kind, discord.apiUrl(), discord.gatewayUrl()));
            if (extra != null) {
                args.add(extra);
            }
            try (BenchChild.Running child = new BenchChild.Running(args.toArray(String[]::new))) {
                if (!discord.awaitReady(Duration.ofSeconds(60))) {
                    throw new IllegalStateException(kind + " never identified");
                }
                // Taolun builds its search index in the background once up and a first search waits for it: every
                // side gets this interaction, so the timed runs do not share the CPU with that build
                discord.sendInteraction(FakeDiscord.slashCommand("warm", "zh-CN", "search", Map.of("query", "卡脖子")));
                discord.awaitCall("POST", CALLBACK, 1, Duration.ofMinutes(1));
                run(discord, WARM);
                Duration before = child.cpu();
                Timed timed = run(discord, N);
                Duration cpu = child.cpu().minus(before);
                if (embedOut != null && !Files.exists(embedOut)) {
                    JsonNode answer = discord.calls("POST", CALLBACK).get(0).json().path("data");
                    boolean ephemeral = (answer.path("flags").asInt() & 64) != 0;
                    Files.writeString(embedOut, (ephemeral ? "ephemeral" : "public") + "\n"
                            + answer.path("embeds").get(0).toString() + "\n");
                }
                return new BenchRounds.Sample(timed.perSecond, timed.p50, timed.p99, cpu.toNanos() / 1e3 / N, N);
            }
        }
    }

    private record Timed(double perSecond, double p50, double p99) {
    }

    private static Timed run(FakeDiscord discord, int count) {
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
        return new Timed(latencies.size() / seconds, latencies.get(latencies.size() / 2) / 1e6,
                latencies.get((int) (latencies.size() * 0.99)) / 1e6);
    }
}
