package io.taolun.discord;

import io.taolun.core.ChatGateway;
import java.util.Optional;
import net.dv8tion.jda.api.JDA;

/**
 * Taolun's outbound side on Discord: the gateway every post and edit goes through, over the sessions this process
 * holds. Built before anything that posts, so that the core's services get their gateway at construction. The sessions
 * themselves exist only once the {@link DiscordAdapter} has logged in: until then (and for a guild another process
 * holds) the gateway says it cannot post there, and the outbox keeps the post for later.
 */
public final class DiscordSessions {
    private volatile Shards shards;
    private final DiscordGateway gateway = new DiscordGateway(this::sessionOf);

    /** Posts and edits through the session holding the guild. */
    public ChatGateway gateway() {
        return gateway;
    }

    /** The adapter logged in: these are the sessions. */
    void held(Shards value) {
        shards = value;
    }

    Optional<Shards> shards() {
        return Optional.ofNullable(shards);
    }

    private Optional<JDA> sessionOf(String guild) {
        Shards held = shards;
        return held == null ? Optional.empty() : held.forGuild(guild);
    }
}
