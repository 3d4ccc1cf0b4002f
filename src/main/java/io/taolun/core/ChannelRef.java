package io.taolun.core;

import java.util.Objects;

/** Where something happens: a channel of a workspace (Slack team, Discord guild) on a platform. */
public record ChannelRef(String platform, String workspace, String channel) {
    public ChannelRef {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(channel, "channel");
    }
}
