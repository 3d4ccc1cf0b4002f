package io.taolun.discord;

import java.util.List;
import java.util.Objects;

/**
 * How to reach Discord: {@code DISCORD_TOKEN}, {@code DISCORD_API_URL}, {@code DISCORD_GATEWAY_URL} from the
 * environment, and the guilds to register commands in (config {@code discord.guilds}; empty: globally).
 * {@link #toString} never shows the token.
 */
public record DiscordSettings(String token, String apiUrl, String gatewayUrl, List<String> guilds) {
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
    }

    @Override
    public String toString() {
        return "DiscordSettings[api=" + apiUrl + ", gateway=" + gatewayUrl + ", guilds=" + guilds + "]";
    }
}
