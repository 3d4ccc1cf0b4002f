package io.taolun.discord;

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
        if (token.isBlank() || token.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("DISCORD_TOKEN must be a bot token without spaces");
        }
        if (!apiUrl.startsWith("https://") && !apiUrl.startsWith("http://")) {
            throw new IllegalArgumentException("DISCORD_API_URL must be an http(s) URL");
        }
        if (!gatewayUrl.startsWith("wss://") && !gatewayUrl.startsWith("ws://")) {
            throw new IllegalArgumentException("DISCORD_GATEWAY_URL must be a ws(s) URL");
        }
        apiUrl = apiUrl.endsWith("/") ? apiUrl : apiUrl + "/";
        guilds = List.copyOf(guilds);
        for (String guild : guilds) {
            if (!guild.matches("\\d{1,20}")) {
                throw new IllegalArgumentException("discord.guilds: \"" + guild + "\" is not a guild id (digits)");
            }
        }
        if (shardsTotal < 1) {
            throw new IllegalArgumentException("discord.shards.total: " + shardsTotal + " is not at least 1");
        }
        if (shardIds.isEmpty()) {
            throw new IllegalArgumentException("discord.shards.ids: [] holds no shard");
        }
        Set<Integer> seen = new HashSet<>();
        for (Integer id : shardIds) {
            if (id == null || id < 0 || id >= shardsTotal) {
                throw new IllegalArgumentException("discord.shards.ids: " + id + " is not a shard of " + shardsTotal
                        + " (0 to " + (shardsTotal - 1) + ")");
            }
            if (!seen.add(id)) {
                throw new IllegalArgumentException("discord.shards.ids: " + id + " is listed twice");
            }
        }
        shardIds = List.copyOf(shardIds);
    }

    /** One shard, held by this process: what a bot in fewer than 2,500 guilds needs. */
    public DiscordSettings(String token, String apiUrl, String gatewayUrl, List<String> guilds) {
        this(token, apiUrl, gatewayUrl, guilds, 1, List.of(0));
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
