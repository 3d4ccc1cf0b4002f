package io.taolun.app;

import io.taolun.discord.DiscordSettings;
import io.taolun.slack.SlackOAuth;
import io.taolun.slack.SlackSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which platforms to serve and where, from the environment: Slack when {@code SLACK_BOT_TOKEN} (one workspace) or
 * {@code SLACK_CLIENT_ID} (any workspace, through OAuth) is set, Discord when
 * {@code DISCORD_TOKEN} is set (both may run in one process), and where HTTP listens ({@link Listen}). Bad values
 * stop start-up naming the variable, never showing a secret.
 */
record PlatformSettings(Optional<SlackSettings> slack, Optional<DiscordSettings> discord, Listen listen) {
    static final int DEFAULT_PORT = Listen.DEFAULT_PORT;

    static PlatformSettings from(Map<String, String> env) {
        return from(env, DiscordConfig.defaults());
    }

    /** The settings, or a {@link ConfigException} naming every variable that is wrong. */
    static PlatformSettings from(Map<String, String> env, DiscordConfig discordConfig) {
        List<String> problems = problems(env, discordConfig);
        if (!problems.isEmpty()) {
            throw new ConfigException(String.join("; ", problems));
        }
        Optional<SlackOAuth> oauth = variable(env, "SLACK_CLIENT_ID").map(id -> new SlackOAuth(id,
                variable(env, "SLACK_CLIENT_SECRET").orElse(""), variable(env, "SLACK_STATE_SECRET").orElse(""),
                variable(env, "TAOLUN_SECRET_KEY").orElse(""), variable(env, "SLACK_REDIRECT_URI")));
        Optional<SlackSettings> slack = slackOn(env) ? Optional.of(new SlackSettings(variable(env, "SLACK_BOT_TOKEN"),
                variable(env, "SLACK_SIGNING_SECRET"), variable(env, "SLACK_APP_TOKEN"), slackApiUrl(env), oauth))
                : Optional.empty();
        Optional<DiscordSettings> discord = variable(env, "DISCORD_TOKEN").map(token -> new DiscordSettings(token,
                discordApiUrl(env), discordGatewayUrl(env), discordConfig.guilds(), discordConfig.shards().total(),
                discordConfig.shards().ids()));
        return new PlatformSettings(slack, discord, Listen.from(env));
    }

    /**
     * Everything wrong with the platform variables, one line each starting with the variable's name and never
     * showing a secret; empty when {@link #from} would succeed.
     */
    static List<String> problems(Map<String, String> env, DiscordConfig discordConfig) {
        List<String> problems = new ArrayList<>(Listen.problems(env));
        if (slackOn(env)) {
            boolean oauth = variable(env, "SLACK_CLIENT_ID").isPresent();
            problems.addAll(SlackSettings.problems(variable(env, "SLACK_BOT_TOKEN"),
                    variable(env, "SLACK_SIGNING_SECRET"), variable(env, "SLACK_APP_TOKEN"), slackApiUrl(env), oauth));
            if (oauth) {
                problems.addAll(SlackOAuth.problems(variable(env, "SLACK_CLIENT_ID"), variable(env,
                        "SLACK_CLIENT_SECRET"), variable(env, "SLACK_STATE_SECRET"), variable(env,
                        "TAOLUN_SECRET_KEY"), variable(env, "SLACK_REDIRECT_URI")));
            }
        }
        variable(env, "DISCORD_TOKEN").ifPresent(token -> problems.addAll(DiscordSettings.problems(token,
                discordApiUrl(env), discordGatewayUrl(env), discordConfig.guilds(), discordConfig.shards().total(),
                discordConfig.shards().ids())));
        return problems;
    }

    /** Slack is served with one bot token ({@code SLACK_BOT_TOKEN}) or installed through OAuth. */
    static boolean slackOn(Map<String, String> env) {
        return variable(env, "SLACK_BOT_TOKEN").isPresent() || variable(env, "SLACK_CLIENT_ID").isPresent();
    }

    int port() {
        return listen.port();
    }

    boolean any() {
        return slack.isPresent() || discord.isPresent();
    }

    /** The variable's value without surrounding blanks; empty when unset or blank. */
    static Optional<String> variable(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    private static String slackApiUrl(Map<String, String> env) {
        return variable(env, "SLACK_API_URL").orElse(SlackSettings.DEFAULT_API_URL);
    }

    private static String discordApiUrl(Map<String, String> env) {
        return variable(env, "DISCORD_API_URL").orElse(DiscordSettings.DEFAULT_API_URL);
    }

    private static String discordGatewayUrl(Map<String, String> env) {
        return variable(env, "DISCORD_GATEWAY_URL").orElse(DiscordSettings.DEFAULT_GATEWAY_URL);
    }
}
