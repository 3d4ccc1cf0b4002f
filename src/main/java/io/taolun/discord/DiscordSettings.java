package io.taolun.discord;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How to reach Discord: {@code DISCORD_TOKEN}, {@code DISCORD_API_URL}, {@code DISCORD_GATEWAY_URL} from the
 * environment, the guilds to register commands in (config {@code discord.guilds}; empty: globally), and the shards
 * this process holds out of how many (config {@code discord.shards.ids} and {@code .total}).
 * {@link #toString} never shows the token.
 */
public record DiscordSettings(String token, String apiUrl, String gatewayUrl, List<String> guilds, int shardsTotal,
        List<Integer> shardIds) {
    public static final String DEFAULT_API_URL = "https://discord.com/api/v10/";
    public static final String DEFAULT_GATEWAY_URL = "wss://gateway.discord.gg";

    public DiscordSettings {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(apiUrl, "apiUrl");
        Objects.requireNonNull(gatewayUrl, "gatewayUrl");
        Objects.requireNonNull(guilds, "guilds");
        Objects.requireNonNull(shardIds, "shardIds");
        List<String> problems = problems(token, apiUrl, gatewayUrl, guilds, shardsTotal, shardIds);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        apiUrl = apiUrl.endsWith("/") ? apiUrl : apiUrl + "/";
        guilds = List.copyOf(guilds);
        shardIds = List.copyOf(shardIds);
    }

    /** One shard, held by this process: what a bot in fewer than 2,500 guilds needs. */
    public DiscordSettings(String token, String apiUrl, String gatewayUrl, List<String> guilds) {
        this(token, apiUrl, gatewayUrl, guilds, 1, List.of(0));
    }

    /** Everything wrong with these values, as {@link #problems(String, String, String, List, int, List)}. */
    public static List<String> problems(String token, String apiUrl, String gatewayUrl, List<String> guilds) {
        return problems(token, apiUrl, gatewayUrl, guilds, 1, List.of(0));
    }

    /**
     * Everything wrong with these values, one line each starting with the variable or key and never showing the
     * token; empty when they make usable settings.
     */
    public static List<String> problems(String token, String apiUrl, String gatewayUrl, List<String> guilds,
            int shardsTotal, List<Integer> shardIds) {
        List<String> problems = new ArrayList<>();
        if (token.isBlank() || token.chars().anyMatch(Character::isWhitespace)) {
            problems.add("DISCORD_TOKEN: must be a bot token without spaces");
        }
        if (!apiUrl.startsWith("https://") && !apiUrl.startsWith("http://")) {
            problems.add("DISCORD_API_URL: must be an http(s) URL");
        }
        if (!gatewayUrl.startsWith("wss://") && !gatewayUrl.startsWith("ws://")) {
            problems.add("DISCORD_GATEWAY_URL: must be a ws(s) URL");
        }
        for (String guild : guilds) {
            if (guild == null || !guild.matches("\\d{1,20}")) {
                problems.add("discord.guilds: \"" + guild + "\" is not a guild id (digits)");
            }
        }
        if (shardsTotal < 1) {
            problems.add("discord.shards.total: " + shardsTotal + " is not at least 1");
        }
        if (shardIds.isEmpty()) {
            problems.add("discord.shards.ids: [] holds no shard");
        }
        Set<Integer> seen = new HashSet<>();
        for (Integer id : shardIds) {
            if (id == null || id < 0 || id >= shardsTotal) {
                problems.add("discord.shards.ids: " + id + " is not a shard of " + shardsTotal + " (0 to "
                        + (shardsTotal - 1) + ")");
            } else if (!seen.add(id)) {
                problems.add("discord.shards.ids: " + id + " is listed twice");
            }
        }
        return problems;
    }

    /** Whether the bot is sharded (then each held shard has its own gateway session). */
    public boolean sharded() {
        return shardsTotal > 1;
    }

    @Override
    public String toString() {
        return "DiscordSettings[api=" + apiUrl + ", gateway=" + gatewayUrl + ", guilds=" + guilds + ", shards="
                + shardIds + " of " + shardsTotal + "]";
    }
}
