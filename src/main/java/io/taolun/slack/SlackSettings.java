package io.taolun.slack;

import java.util.Objects;
import java.util.Optional;

/**
 * How to reach Slack, from the environment: {@code SLACK_BOT_TOKEN}, {@code SLACK_SIGNING_SECRET} (HTTP mode),
 * {@code SLACK_APP_TOKEN} (Socket Mode) and {@code SLACK_API_URL}. {@link #toString} never shows a secret.
 */
public record SlackSettings(String botToken, Optional<String> signingSecret, Optional<String> appToken, String apiUrl) {
    public static final String DEFAULT_API_URL = "https://slack.com/api/";

    public SlackSettings {
        Objects.requireNonNull(botToken, "botToken");
        Objects.requireNonNull(signingSecret, "signingSecret");
        Objects.requireNonNull(appToken, "appToken");
        Objects.requireNonNull(apiUrl, "apiUrl");
        if (!botToken.startsWith("xoxb-")) {
            throw new IllegalArgumentException("SLACK_BOT_TOKEN must be a bot token (xoxb-...)");
        }
        if (appToken.isPresent() && !appToken.get().startsWith("xapp-")) {
            throw new IllegalArgumentException("SLACK_APP_TOKEN must be an app-level token (xapp-...)");
        }
        if (appToken.isEmpty() && signingSecret.map(String::isBlank).orElse(true)) {
            throw new IllegalArgumentException(
                    "SLACK_SIGNING_SECRET is needed to verify requests over HTTP (or set SLACK_APP_TOKEN for Socket Mode)");
        }
        if (!apiUrl.startsWith("https://") && !apiUrl.startsWith("http://")) {
            throw new IllegalArgumentException("SLACK_API_URL must be an http(s) URL");
        }
        apiUrl = apiUrl.endsWith("/") ? apiUrl : apiUrl + "/";
    }

    public boolean socketMode() {
        return appToken.isPresent();
    }

    @Override
    public String toString() {
        return "SlackSettings[api=" + apiUrl + ", mode=" + (socketMode() ? "socket" : "http") + "]";
    }
}
