package io.taolun.slack;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Installing in any workspace through Slack's OAuth, from the environment: {@code SLACK_CLIENT_ID},
 * {@code SLACK_CLIENT_SECRET}, {@code SLACK_STATE_SECRET} (signs the one-time state of each install),
 * {@code TAOLUN_SECRET_KEY} (seals the bot tokens in the database: 32 bytes in base64) and, when the app has several
 * redirect URLs, {@code SLACK_REDIRECT_URI}. {@link #toString} never shows a secret.
 */
public record SlackOAuth(String clientId, String clientSecret, String stateSecret, String secretKey,
        Optional<String> redirectUri) {
    /** Where a browser starts an install, and where Slack sends it back. */
    public static final String INSTALL_PATH = "/slack/install";
    public static final String REDIRECT_PATH = "/slack/oauth_redirect";
    static final int STATE_SECRET_MIN = 16;

    public SlackOAuth {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        Objects.requireNonNull(stateSecret, "stateSecret");
        Objects.requireNonNull(secretKey, "secretKey");
        Objects.requireNonNull(redirectUri, "redirectUri");
        List<String> problems = problems(Optional.of(clientId), Optional.of(clientSecret), Optional.of(stateSecret),
                Optional.of(secretKey), redirectUri);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    /**
     * Everything wrong with these values, one line each starting with the variable's name and never showing a
     * secret; empty when they make usable settings.
     */
    public static List<String> problems(Optional<String> clientId, Optional<String> clientSecret,
            Optional<String> stateSecret, Optional<String> secretKey, Optional<String> redirectUri) {
        List<String> problems = new ArrayList<>();
        if (clientId.isEmpty() || !clientId.get().matches("[0-9]+\\.[0-9]+")) {
            problems.add("SLACK_CLIENT_ID: " + (clientId.isEmpty() ? "not set" : "not a Slack client id")
                    + " (Basic Information -> App Credentials, e.g. 1234567890.1234567890)");
        }
        if (clientSecret.isEmpty()) {
            problems.add("SLACK_CLIENT_SECRET: not set (Basic Information -> App Credentials)");
        }
        if (stateSecret.map(String::length).orElse(0) < STATE_SECRET_MIN) {
            problems.add("SLACK_STATE_SECRET: " + (stateSecret.isEmpty() ? "not set" : "too short")
                    + "; any random text of at least " + STATE_SECRET_MIN + " characters (openssl rand -hex 32)");
        }
        if (secretKey.isEmpty()) {
            problems.add("TAOLUN_SECRET_KEY: not set; it seals the workspaces' bot tokens in the database "
                    + "(openssl rand -base64 32)");
        } else {
            try {
                TokenSeal.key(secretKey.get());
            } catch (IllegalArgumentException e) {
                problems.add("TAOLUN_SECRET_KEY: " + e.getMessage() + "; it must be 32 random bytes in base64 "
                        + "(openssl rand -base64 32)");
            }
        }
        if (redirectUri.isPresent() && !redirectUri.get().matches("https?://[^\\s]+" + REDIRECT_PATH)) {
            problems.add("SLACK_REDIRECT_URI: must be an http(s) URL ending in " + REDIRECT_PATH);
        }
        return problems;
    }

    @Override
    public String toString() {
        return "SlackOAuth[client=" + clientId + ", redirect=" + redirectUri.orElse("(the app's)") + "]";
    }
}
