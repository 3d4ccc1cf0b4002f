package io.taolun.app;

import io.taolun.core.ChatGateway;
import io.taolun.discord.DiscordSessions;
import io.taolun.slack.SlackConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The first thing the composition builds: the platforms' outbound sides (clients and gateways), which the core's
 * services post through. The inbound sides (the adapters, taking requests) are built last, on these.
 */
final class Outbound implements AutoCloseable {
    private final Optional<SlackConnection> slack;
    private final Optional<DiscordSessions> discord;
    private final List<ChatGateway> others;

    private Outbound(Optional<SlackConnection> slack, Optional<DiscordSessions> discord, List<ChatGateway> others) {
        this.slack = slack;
        this.discord = discord;
        this.others = List.copyOf(others);
    }

    /** The configured platforms' outbound sides; nothing connects yet. */
    static Outbound of(PlatformSettings platforms) {
        return new Outbound(platforms.slack().map(SlackConnection::new), platforms.discord().map(d -> new DiscordSessions()),
                List.of());
    }

    /** No platform: nothing is posted (a composition that only answers). */
    static Outbound none() {
        return new Outbound(Optional.empty(), Optional.empty(), List.of());
    }

    /** The console's printer as the one gateway. */
    static Outbound console(ChatGateway printer) {
        return new Outbound(Optional.empty(), Optional.empty(), List.of(printer));
    }

    Optional<SlackConnection> slack() {
        return slack;
    }

    Optional<DiscordSessions> discord() {
        return discord;
    }

    /** Who is in a channel, on the platforms that can say (Slack). */
    io.taolun.core.ChannelMembers members() {
        return where -> slack.isPresent() ? slack.get().members().of(where) : Optional.empty();
    }

    /** Every gateway, one per platform. */
    List<ChatGateway> gateways() {
        List<ChatGateway> all = new ArrayList<>(others);
        slack.ifPresent(s -> all.add(s.gateway()));
        discord.ifPresent(d -> all.add(d.gateway()));
        return all;
    }

    @Override
    public void close() {
        slack.ifPresent(SlackConnection::close);
    }
}
