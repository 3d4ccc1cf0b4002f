package io.taolun.discord;

import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;
import net.dv8tion.jda.api.utils.SessionController;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

/**
 * How Taolun's JDA session is built from the settings: no privileged intent, the configured REST and Gateway URLs,
 * and a bound on every REST call. Shared by the adapter and its tests, so tests run the production setup.
 */
final class Sessions {
    /** The longest any one REST call (one HTTP exchange, upload included) may take before it fails. */
    static final Duration REST_TIMEOUT = Duration.ofSeconds(15);

    private Sessions() {
    }

    static JDABuilder builder(DiscordSettings settings, Duration restTimeout) {
        return builder(settings, restTimeout, controller(settings));
    }

    /**
     * A builder whose sessions connect through {@code controller}: the shards of one process share one, so that they
     * identify in turn (Discord allows one IDENTIFY per 5 s per bucket) and share the global REST rate limit.
     */
    static JDABuilder builder(DiscordSettings settings, Duration restTimeout, SessionController controller) {
        // JDA by default captures the caller's stack on every queue(), to attach to a failure as its cause; our
        // failure callbacks log only the message, so that capture was pure cost on every reply (issue 19.6). The
        // setting is JDA-wide (static), and every JDA of this process is built here.
        RestAction.setPassContext(false);
        // slash commands, buttons and autocomplete need no intent at all (JDA always asks for guild events)
        return JDABuilder.createLight(settings.token(), EnumSet.noneOf(GatewayIntent.class))
                .setRestConfig(new RestConfig().setBaseUrl(settings.apiUrl()))
                .setSessionController(controller)
                .setCompression(Compression.NONE)
                // a blocking post (complete) must not hang on a dead connection; idle connections are dropped
                // soon, as Discord closes them anyway
                .setHttpClientBuilder(new OkHttpClient.Builder()
                        .callTimeout(restTimeout.toMillis(), TimeUnit.MILLISECONDS)
                        .connectionPool(new ConnectionPool(5, 10, TimeUnit.SECONDS)))
                // the server shuts JDA down itself, after the answers in flight are sent
                .setEnableShutdownHook(false);
    }

    /** Connects to the configured Gateway URL rather than asking Discord for one. */
    static SessionController controller(DiscordSettings settings) {
        String gateway = settings.gatewayUrl();
        return new ConcurrentSessionController() {
            @Override
            public String getGateway() {
                return gateway;
            }
        };
    }
}
