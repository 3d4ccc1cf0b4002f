package io.taolun.app;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The {@code discord:} section of the config.
 *
 * @param guilds guild ids to register the commands in (instant, for development); empty: register globally
 * @param shards how many shards the bot has, and which of them this process holds
 */
record DiscordConfig(List<String> guilds, ShardsConfig shards) {
    DiscordConfig {
        guilds = guilds == null ? List.of() : List.copyOf(guilds);
        for (String guild : guilds) {
            if (guild == null || !guild.matches("\\d{1,20}")) {
                throw new ConfigException("discord.guilds: \"" + guild + "\" is not a guild id (digits)");
            }
        }
        shards = shards == null ? ShardsConfig.defaults() : shards;
    }

    /** One shard, held here. */
    DiscordConfig(List<String> guilds) {
        this(guilds, null);
    }

    static DiscordConfig defaults() {
        return new DiscordConfig(null, null);
    }

    /**
     * The {@code discord.shards:} section. Discord sends a guild's events to shard {@code (guild_id >> 22) % total}
     * only, so every replica of a deployment has the same total and lists its own ids.
     *
     * @param total how many shards the bot has in all; default 1
     * @param ids   the shards this process holds, each in {@code [0, total)}; default all of them
     */
    record ShardsConfig(Integer total, List<Integer> ids) {
        /** Far beyond any bot's need; it keeps a typo from making a list of billions of shards. */
        static final int MAX_TOTAL = 100_000;

        ShardsConfig {
            // ids are only meaningful against the total every replica agrees on, so the total is never guessed
            if (ids != null && total == null) {
                throw new ConfigException("discord.shards.ids: " + ids + " given without discord.shards.total");
            }
            total = total == null ? 1 : total;
            if (total < 1 || total > MAX_TOTAL) {
                throw new ConfigException("discord.shards.total: " + total + " is not between 1 and " + MAX_TOTAL);
            }
            ids = ids == null ? IntStream.range(0, total).boxed().toList() : checked(ids, total);
        }

        static ShardsConfig defaults() {
            return new ShardsConfig(null, null);
        }

        private static List<Integer> checked(List<Integer> ids, int total) {
            if (ids.isEmpty()) {
                throw new ConfigException("discord.shards.ids: [] holds no shard (leave the key out to hold all "
                        + total + ")");
            }
            Set<Integer> seen = new HashSet<>();
            for (Integer id : ids) {
                if (id == null || id < 0 || id >= total) {
                    throw new ConfigException("discord.shards.ids: " + id + " is not a shard of " + total + " (0 to "
                            + (total - 1) + ")");
                }
                if (!seen.add(id)) {
                    throw new ConfigException("discord.shards.ids: " + id + " is listed twice");
                }
            }
            return List.copyOf(ids);
        }
    }
}
