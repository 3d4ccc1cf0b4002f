package io.taolun.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.util.thread.ExecutorServiceProvider;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** How the adapter's Slack client and Bolt app are set up. */
final class BoltApps {
    private static final int SOCKET_MODE_THREADS = 16;
    private static final long AUTH_TEST_CACHE_MILLIS = TimeUnit.HOURS.toMillis(12);

    private BoltApps() {
    }

    /** The Web API client: against the configured API URL, quiet, and never resending a POST on its own. */
    static Slack client(SlackSettings settings) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(settings.apiUrl());
        config.setPrettyResponseLoggingEnabled(false);
        config.setStatsEnabled(false);
        // Socket Mode hands envelopes to this provider's scheduled executor: several threads, not the default one
        config.setExecutorServiceProvider(new ExecutorServiceProvider() {
            @Override
            public ExecutorService createThreadPoolExecutor(String name, int size) {
                return Executors.newFixedThreadPool(Math.max(size, 4));
            }

            @Override
            public ScheduledExecutorService createThreadScheduledExecutor(String name) {
                return Executors.newScheduledThreadPool(SOCKET_MODE_THREADS);
            }
        });
        return SlackWeb.client(config);
    }

    /**
     * The Bolt app: one workspace's bot token. Bolt does not verify signatures: {@code SlackAdapter.handle} has done
     * so before Bolt sees a request (HMAC and five minutes either way, on the adapter's clock), while Bolt's own check
     * reads the machine's clock and only looks back; Socket Mode requests carry no signature.
     */
    static App app(Slack slack, SlackSettings settings) {
        return new App(AppConfig.builder()
                .slack(slack)
                .singleTeamBotToken(settings.botToken())
                .signingSecret(settings.signingSecret().orElse(null))
                .requestVerificationEnabled(false)
                .authTestCacheEnabled(true)
                .authTestCacheExpirationMillis(AUTH_TEST_CACHE_MILLIS)
                .build());
    }
}
