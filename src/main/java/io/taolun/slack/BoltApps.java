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
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(BoltApps.class);
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
                .singleTeamBotToken(settings.botToken().orElseThrow())
                // Bolt reads these from SLACK_CLIENT_ID and friends unless set: one token means no OAuth
                .clientId(null)
                .clientSecret(null)
                .scope(null)
                .signingSecret(settings.signingSecret().orElse(null))
                .requestVerificationEnabled(false)
                .authTestCacheEnabled(true)
                .authTestCacheExpirationMillis(AUTH_TEST_CACHE_MILLIS)
                .build());
    }

    /**
     * The Bolt app installed in any workspace through OAuth: a browser starts at {@link SlackOAuth#INSTALL_PATH}
     * (sent straight on to Slack's consent page, with the state cookie) and comes back to
     * {@link SlackOAuth#REDIRECT_PATH}; each request is then authorized with its workspace's installation. The
     * workspace's {@code auth.test} is cached for a minute, so that an uninstalled token stops working soon.
     */
    static App installedApp(Slack slack, SlackSettings settings, SlackInstallStore installs, SlackOAuthStates states) {
        SlackOAuth oauth = settings.oauth().orElseThrow();
        App app = new App(AppConfig.builder()
                .slack(slack)
                .singleTeamBotToken(null)
                .clientId(oauth.clientId())
                .clientSecret(oauth.clientSecret())
                .scope(String.join(",", SCOPES))
                .userScope(null)
                .redirectUri(oauth.redirectUri().orElse(null))
                .appPath("/slack")
                .oauthInstallPath(SlackOAuth.INSTALL_PATH.substring("/slack".length()))
                .oauthRedirectUriPath(SlackOAuth.REDIRECT_PATH.substring("/slack".length()))
                .oAuthInstallPageRenderingEnabled(false)
                .oAuthRedirectUriPageRenderer(new SlackInstallPages())
                .signingSecret(settings.signingSecret().orElse(null))
                .requestVerificationEnabled(false)
                .authTestCacheEnabled(true)
                .authTestCacheExpirationMillis(TimeUnit.MINUTES.toMillis(1))
                .build());
        SlackInstallPages pages = new SlackInstallPages();
        return app.asOAuthApp(true).service(installs).service(states)
                // Bolt's own handlers log these two at WARN and ERROR with the one-time code: a cancelled install or
                // a stale link is a browser's business, said on the page and logged without the code
                .oauthCallbackStateError((request, response) -> failed(response, pages, "invalid_state"))
                .oauthCallbackError((request, response) -> failed(response, pages,
                        request.getPayload() == null ? null : request.getPayload().getError()));
    }

    private static com.slack.api.bolt.response.Response failed(com.slack.api.bolt.response.Response response,
            SlackInstallPages pages, String reason) {
        LOG.info("slack install not completed: {}", reason == null ? "no reason"
                : reason.matches("[a-z_]{1,40}") ? reason : "an unreadable reason");
        response.setStatusCode(200);
        response.setContentType("text/html; charset=utf-8");
        response.setBody(pages.renderFailurePage(SlackOAuth.INSTALL_PATH, reason));
        return response;
    }

    /** The bot scopes Taolun asks for, as both manifests list them. */
    static final java.util.List<String> SCOPES = java.util.List.of("commands", "chat:write", "files:write",
            "channels:history", "groups:history", "channels:read", "groups:read");
}
