package io.taolun.discord;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.utils.SessionController;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Discord gateway sessions of this process: the one session of an unsharded bot, or one per shard this process
 * holds ({@code discord.shards.ids} of {@code .total}). Discord sends a guild's events, and only them, to shard
 * {@code (guild_id >> 22) % total}, so the session of a guild is found by that rule, and a guild on a shard that
 * another replica holds has none here.
 */
final class Shards {
    private static final Logger LOG = LoggerFactory.getLogger(Shards.class);

    private final int total;
    private final SortedMap<Integer, JDA> sessions;

    private Shards(int total, SortedMap<Integer, JDA> sessions) {
        this.total = total;
        this.sessions = sessions;
    }

    /**
     * Logs in every shard held, each a JDA session with the listener; they connect one after another through one
     * session controller. The unsharded bot's session is built exactly as it always was.
     */
    static Shards login(DiscordSettings settings, Duration restTimeout, Object listener) {
        SortedMap<Integer, JDA> built = new TreeMap<>();
        if (!settings.sharded()) {
            built.put(0, Sessions.builder(settings, restTimeout).addEventListeners(listener).build());
            return new Shards(1, built);
        }
        SessionController inTurn = Sessions.controller(settings);
        try {
            for (int id : settings.shardIds()) {
                built.put(id, Sessions.builder(settings, restTimeout, inTurn)
                        .useSharding(id, settings.shardsTotal()).addEventListeners(listener).build());
            }
        } catch (RuntimeException e) {
            built.values().forEach(JDA::shutdownNow);
            throw e;
        }
        LOG.info("discord: holding shards {} of {}", built.keySet(), settings.shardsTotal());
        return new Shards(settings.shardsTotal(), built);
    }

    /** Discord's rule: the shard that receives a guild's events. */
    static int shardOf(long guildId, int total) {
        return (int) ((guildId >>> 22) % total);
    }

    /** The session that holds this guild, if its shard is held here; empty for an id that is not a snowflake. */
    Optional<JDA> forGuild(String guildId) {
        long id;
        try {
            id = Long.parseUnsignedLong(guildId);
        } catch (NumberFormatException notASnowflake) {
            return Optional.empty();
        }
        return Optional.ofNullable(sessions.get(shardOf(id, total)));
    }

    /** Ready only when every shard held is connected: a replica with one shard down cannot serve its guilds. */
    boolean ready() {
        return sessions.values().stream().allMatch(jda -> jda.getStatus() == JDA.Status.CONNECTED);
    }

    /** JDA's status, e.g. {@code connected}; per shard when the shards held are not all in the same one. */
    String state() {
        Map<Integer, String> states = new TreeMap<>();
        sessions.forEach((id, jda) -> states.put(id, jda.getStatus().name().toLowerCase(Locale.ROOT)));
        if (states.values().stream().distinct().count() == 1) {
            return states.values().iterator().next();
        }
        return states.entrySet().stream().map(e -> "shard " + e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    /** Shuts every session down, giving them {@code grace} in all to close cleanly before they are cut. */
    void shutdown(Duration grace) {
        sessions.values().forEach(JDA::shutdown);
        long deadline = System.nanoTime() + grace.toNanos();
        for (JDA jda : sessions.values()) {
            try {
                if (!jda.awaitShutdown(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    jda.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                jda.shutdownNow();
            }
        }
    }
}
