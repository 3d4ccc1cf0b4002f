package io.taolun.slack;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach Slack, from the environment: {@code SLACK_BOT_TOKEN} (one workspace) or the OAuth variables of
 * {@link SlackOAuth} (any workspace that installs the app), {@code SLACK_SIGNING_SECRET} (HTTP mode),
 * {@code SLACK_APP_TOKEN} (Socket Mode) and {@code SLACK_API_URL}. {@link #toString} never shows a secret.
 */
public record SlackSettings(Optional<String> botToken, Optional<String> signingSecret, Optional<String> appToken,
        String apiUrl, Optional<SlackOAuth> oauth) {
    public static final String DEFAULT_API_URL = "https://slack.com/api/";

    public SlackSettings {
        Objects.requireNonNull(botToken, "botToken");
        Objects.requireNonNull(signingSecret, "signingSecret");
        Objects.requireNonNull(appToken, "appToken");
        Objects.requireNonNull(apiUrl, "apiUrl");
        Objects.requireNonNull(oauth, "oauth");
        List<String> problems = problems(botToken, signingSecret, appToken, apiUrl, oauth.isPresent());
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        apiUrl = apiUrl.endsWith("/") ? apiUrl : apiUrl + "/";
    }

    /** One workspace's bot token. */
    public SlackSettings(String botToken, Optional<String> signingSecret, Optional<String> appToken, String apiUrl) {
        this(Optional.of(botToken), signingSecret, appToken, apiUrl, Optional.empty());
    }

    /**
     * Everything wrong with these values, one line each starting with the variable's name and never showing a value;
     * empty when they make usable settings. Over HTTP the signing secret is required: without it anyone could forge
     * requests. Socket Mode does not need it, but serves one workspace: installing through OAuth needs HTTP.
     */
    public static List<String> problems(Optional<String> botToken, Optional<String> signingSecret,
            Optional<String> appToken, String apiUrl, boolean oauth) {
        List<String> problems = new ArrayList<>();
        if (botToken.isPresent() && oauth) {
            problems.add("SLACK_BOT_TOKEN, SLACK_CLIENT_ID: both set; set SLACK_BOT_TOKEN to serve one workspace, or "
                    + "the client id and secret to install in any workspace, not both");
        } else if (botToken.isEmpty() && !oauth) {
            problems.add("SLACK_BOT_TOKEN: not set");
        }
        if (botToken.isPresent() && !botToken.get().startsWith("xoxb-")) {
            problems.add("SLACK_BOT_TOKEN: must be a bot token (xoxb-...)");
        }
        if (appToken.isPresent() && oauth) {
            problems.add("SLACK_APP_TOKEN: Socket Mode serves the one workspace of SLACK_BOT_TOKEN; installing in any "
                    + "workspace (SLACK_CLIENT_ID) needs Taolun on a public URL: unset SLACK_APP_TOKEN");
        } else if (appToken.isPresent() && !appToken.get().startsWith("xapp-")) {
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

    /** True when Taolun is installed in workspaces through OAuth, each with its own token. */
    public boolean installs() {
        return oauth.isPresent();
    }

    @Override
    public String toString() {
        return "SlackSettings[api=" + apiUrl + ", mode=" + (socketMode() ? "socket" : "http")
                + (installs() ? ", oauth" : "") + "]";
    }
}
