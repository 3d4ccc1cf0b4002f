package io.taolun.app;

import java.util.List;

/**
 * The {@code discord:} section of the config.
 *
 * @param guilds guild ids to register the commands in (instant, for development); empty: register globally
 */
record DiscordConfig(List<String> guilds) {
    DiscordConfig {
        guilds = guilds == null ? List.of() : List.copyOf(guilds);
        for (String guild : guilds) {
            if (guild == null || !guild.matches("\\d{1,20}")) {
                throw new ConfigException("discord.guilds: \"" + guild + "\" is not a guild id (digits)");
            }
        }
    }

    static DiscordConfig defaults() {
        return new DiscordConfig(null);
    }
}
