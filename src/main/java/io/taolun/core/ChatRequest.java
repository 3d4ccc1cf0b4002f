package io.taolun.core;

import java.util.Objects;
import java.util.Optional;

/**
 * A platform-neutral command: what an adapter hands the core after it has taken a slash command, a console line or
 * a button press off its platform.
 *
 * @param platform  {@code slack}, {@code discord}, {@code console}, ...
 * @param workspace the Slack team or Discord guild; the console uses {@code local}
 * @param channel   the channel the command came from
 * @param user      the platform's user id
 * @param locale    the user's or channel's locale tag ({@code zh-CN}, {@code en-US}); empty when unknown
 * @param text      everything after {@code /article}, e.g. {@code quote 3 --lang en}
 * @param admin     the platform vouches that the user administers the workspace (e.g. Discord's Manage Server)
 * @param delivery  the platform's id for this delivery (a Slack {@code trigger_id}, a Discord interaction id), the
 *                  same when the platform delivers it again; empty when it has none (the console)
 * @param action    a button press, typed at the platform's edge; empty for a typed command, whose {@code text} the
 *                  core reads
 */
public record ChatRequest(String platform, String workspace, String channel, String user, String locale, String text,
        boolean admin, String delivery, Optional<Action> action) {
    /** A typed command (no button press). */
    public ChatRequest(String platform, String workspace, String channel, String user, String locale, String text,
            boolean admin, String delivery) {
        this(platform, workspace, channel, user, locale, text, admin, delivery, Optional.empty());
    }

    /** A request without a delivery id. */
    public ChatRequest(String platform, String workspace, String channel, String user, String locale, String text,
            boolean admin) {
        this(platform, workspace, channel, user, locale, text, admin, "");
    }

    /** A request from a user the platform says nothing special about. */
    public ChatRequest(String platform, String workspace, String channel, String user, String locale, String text) {
        this(platform, workspace, channel, user, locale, text, false);
    }

    public ChatRequest {
        requireText(platform, "platform");
        requireText(workspace, "workspace");
        requireText(channel, "channel");
        requireText(user, "user");
        locale = locale == null ? "" : locale;
        text = text == null ? "" : text;
        delivery = delivery == null ? "" : delivery;
        action = action == null ? Optional.empty() : action;
        if (delivery.length() > 200) {
            throw new IllegalArgumentException("delivery must be at most 200 characters");
        }
    }

    /** The same request, carrying the platform's delivery id. */
    public ChatRequest delivered(String id) {
        return new ChatRequest(platform, workspace, channel, user, locale, text, admin, id, action);
    }

    /** A button press by this user: the action, with its button value as the text (for logs and telemetry). */
    public ChatRequest pressing(Action pressed) {
        return new ChatRequest(platform, workspace, channel, user, locale, pressed.value(), admin, delivery,
                Optional.of(pressed));
    }

    /** The channel this request came from. */
    public ChannelRef where() {
        return new ChannelRef(platform, workspace, channel);
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
