package io.taolun.app;

import io.taolun.discord.DiscordSettings;
import io.taolun.slack.SlackSettings;
import java.util.Map;
import java.util.Optional;

/**
 * Which platforms to serve and where, from the environment: Slack when {@code SLACK_BOT_TOKEN} is set, Discord when
 * {@code DISCORD_TOKEN} is set (both may run in one process), the HTTP port
 * from {@code TAOLUN_PORT} (default 3000). Bad values stop start-up naming the variable, never showing a secret.
 */
record PlatformSettings(Optional<SlackSettings> slack, Optional<DiscordSettings> discord, int port) {
    static final int DEFAULT_PORT = 3000;

    static PlatformSettings from(Map<String, String> env) {
        return from(env, DiscordConfig.defaults());
    }

    static PlatformSettings from(Map<String, String> env, DiscordConfig discordConfig) {
        String portText = env.getOrDefault("TAOLUN_PORT", String.valueOf(DEFAULT_PORT)).strip();
        if (!portText.matches("\\d{1,5}") || Integer.parseInt(portText) > 65535) {
            throw new ConfigException("TAOLUN_PORT: \"" + portText + "\" is not a port number (0 to 65535)");
        }
        Optional<SlackSettings> slack = Optional.empty();
        String token = blankToNull(env.get("SLACK_BOT_TOKEN"));
        if (token != null) {
            try {
                slack = Optional.of(new SlackSettings(token,
                        Optional.ofNullable(blankToNull(env.get("SLACK_SIGNING_SECRET"))),
                        Optional.ofNullable(blankToNull(env.get("SLACK_APP_TOKEN"))),
                        Optional.ofNullable(blankToNull(env.get("SLACK_API_URL"))).orElse(SlackSettings.DEFAULT_API_URL)));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(e.getMessage());
            }
        }
        Optional<DiscordSettings> discord = Optional.empty();
        String discordToken = blankToNull(env.get("DISCORD_TOKEN"));
        if (discordToken != null) {
            try {
                discord = Optional.of(new DiscordSettings(discordToken,
                        Optional.ofNullable(blankToNull(env.get("DISCORD_API_URL"))).orElse(DiscordSettings.DEFAULT_API_URL),
                        Optional.ofNullable(blankToNull(env.get("DISCORD_GATEWAY_URL")))
                                .orElse(DiscordSettings.DEFAULT_GATEWAY_URL),
                        discordConfig.guilds(), discordConfig.shards().total(), discordConfig.shards().ids()));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(e.getMessage());
            }
        }
        return new PlatformSettings(slack, discord, Integer.parseInt(portText));
    }

    boolean any() {
        return slack.isPresent() || discord.isPresent();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
