package io.taolun.discord;

import java.util.ArrayList;
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
        Objects.requireNonNull(apiUrl, "apiUrl");
        Objects.requireNonNull(gatewayUrl, "gatewayUrl");
        Objects.requireNonNull(guilds, "guilds");
        List<String> problems = problems(token, apiUrl, gatewayUrl, guilds);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        apiUrl = apiUrl.endsWith("/") ? apiUrl : apiUrl + "/";
        guilds = List.copyOf(guilds);
    }

    /**
     * Everything wrong with these values, one line each starting with the variable or key and never showing the
     * token; empty when they make usable settings.
     */
    public static List<String> problems(String token, String apiUrl, String gatewayUrl, List<String> guilds) {
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
        return problems;
    }

    @Override
    public String toString() {
        return "DiscordSettings[api=" + apiUrl + ", gateway=" + gatewayUrl + ", guilds=" + guilds + "]";
    }
}
