package io.taolun.slack;

import java.util.ArrayList;
import java.util.List;
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
        List<String> problems = problems(botToken, signingSecret, appToken, apiUrl);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        apiUrl = apiUrl.endsWith("/") ? apiUrl : apiUrl + "/";
    }

    /**
     * Everything wrong with these values, one line each starting with the variable's name and never showing a value;
     * empty when they make usable settings. Over HTTP the signing secret is required: without it anyone could forge
     * requests. Socket Mode does not need it.
     */
    public static List<String> problems(String botToken, Optional<String> signingSecret, Optional<String> appToken,
            String apiUrl) {
        List<String> problems = new ArrayList<>();
        if (!botToken.startsWith("xoxb-")) {
            problems.add("SLACK_BOT_TOKEN: must be a bot token (xoxb-...)");
        }
        if (appToken.isPresent() && !appToken.get().startsWith("xapp-")) {
            problems.add("SLACK_APP_TOKEN: must be an app-level token (xapp-...)");
        }
        if (appToken.isEmpty() && signingSecret.map(String::isBlank).orElse(true)) {
            problems.add("SLACK_SIGNING_SECRET: not set, so requests over HTTP could not be verified (set it, or set "
                    + "SLACK_APP_TOKEN for Socket Mode)");
        }
        if (!apiUrl.startsWith("https://") && !apiUrl.startsWith("http://")) {
            problems.add("SLACK_API_URL: must be an http(s) URL");
        }
        return problems;
    }

    public boolean socketMode() {
        return appToken.isPresent();
    }

    @Override
    public String toString() {
        return "SlackSettings[api=" + apiUrl + ", mode=" + (socketMode() ? "socket" : "http") + "]";
    }
}
