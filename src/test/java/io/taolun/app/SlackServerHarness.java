package io.taolun.app;

import io.taolun.core.article.SeedLoader;
import io.taolun.slack.FakeSlack;
import io.taolun.slack.SlackRequests;
import io.taolun.store.SettableClock;
import io.taolun.store.TestDatabases;
import io.taolun.testing.Await;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real server (composition root, Bolt app, HTTP endpoints) on an ephemeral port, talking to a fake Slack on
 * loopback; requests are signed the way Slack signs them.
 */
final class SlackServerHarness implements AutoCloseable {
    static final String SECRET = "test-signing-secret-0123456789";
    static final String TOKEN = "xoxb-test-token-abcdef";
    static final String TEAM = "T1";
    static final String CHANNEL = "C1";

    final FakeSlack slack = FakeSlack.start();
    /** The bot's clock: the machine's time, running on, which a test may move ahead (a double click's window). */
    final SettableClock clock = SettableClock.ticking(Clock.systemUTC().instant());
    final Composition app;
    final Server server;
    final URI events;
    private final AtomicInteger triggers = new AtomicInteger();

    SlackServerHarness(Path data, TestDatabases.Kind kind, Map<String, String> extraEnv) throws Exception {
        this(data, kind, extraEnv, null);
    }

    /** @param socketUrl where the fake's apps.connections.open points, set before the bot starts; null for none */
    SlackServerHarness(Path data, TestDatabases.Kind kind, Map<String, String> extraEnv, String socketUrl)
            throws Exception {
        this(data, kind, extraEnv, socketUrl, TaolunConfig.defaults());
    }

    /** A server reading {@code config} (e.g. with Slack admins) instead of the defaults. */
    SlackServerHarness(Path data, TaolunConfig config) throws Exception {
        this(data, TestDatabases.Kind.H2, Map.of(), null, config);
    }

    private SlackServerHarness(Path data, TestDatabases.Kind kind, Map<String, String> extraEnv, String socketUrl,
            TaolunConfig config) throws Exception {
        if (socketUrl != null) {
            slack.setSocketModeUrl(socketUrl);
        }
        Map<String, String> env = new HashMap<>(Map.of(
                "SLACK_BOT_TOKEN", TOKEN, "SLACK_SIGNING_SECRET", SECRET, "SLACK_API_URL", slack.apiUrl(),
                "TAOLUN_PORT", "0"));
        if (kind == TestDatabases.Kind.POSTGRES) {
            TestDatabases.Url url = TestDatabases.fresh(kind);
            env.putAll(Map.of("TAOLUN_DB_URL", url.url(), "TAOLUN_DB_USER", url.user(),
                    "TAOLUN_DB_PASSWORD", url.password()));
        }
        env.putAll(extraEnv);
        app = new Composition(config, new SeedLoader().load(Path.of("seeds")), DatabaseSettings.from(env, data),
                clock, new Random(7), e -> { }, Outbound.of(PlatformSettings.from(env)));
        server = new Server(app, config, PlatformSettings.from(env), clock,
                new PrintStream(OutputStream.nullOutputStream()));
        events = URI.create("http://127.0.0.1:" + server.port() + "/slack/events");
    }

    SlackServerHarness(Path data) throws Exception {
        this(data, TestDatabases.Kind.H2, Map.of());
    }

    /** Waits until the bot has nothing under way: what it has not sent by then, it will not send unasked. */
    void awaitQuiet() {
        Await.until("the bot has nothing under way", () -> server.quiet());
    }

    /**
     * The ts of the message a chat.postMessage call posted, once the bot has recorded it (as in service: a user
     * presses a button of the message Slack shows, after Slack answered the post).
     */
    String pressableTs(FakeSlack.Call posted) {
        Await.until("the posted message's ts", () -> slack.tsOf(posted).isPresent());
        awaitQuiet();
        return slack.tsOf(posted).orElseThrow();
    }

    String nextTrigger() {
        return "trigger-" + triggers.incrementAndGet();
    }

    /** Now on the bot's clock, in Slack's whole seconds: requests are signed at the bot's time, as in service. */
    long now() {
        return clock.instant().getEpochSecond();
    }

    /** {@code user} types {@code /article text} in C1. */
    HttpResponse<String> command(String user, String text) throws Exception {
        return post(SlackRequests.slashCommand(TEAM, CHANNEL, user, text, slack.responseUrl("cmd-" + user),
                nextTrigger()), Map.of());
    }

    /** {@code user} presses a button of the message {@code ts}. */
    HttpResponse<String> click(String user, String actionId, String value, String ts, String trigger,
            Map<String, String> headers) throws Exception {
        return post(SlackRequests.blockAction(TEAM, CHANNEL, user, actionId, value, ts,
                slack.responseUrl("act-" + user), trigger), headers);
    }

    HttpResponse<String> vote(String user, long poll, int option, String ts) throws Exception {
        return click(user, "taolun-button-" + (option - 1), "vote " + poll + " " + option, ts, nextTrigger(), Map.of());
    }

    /**
     * A press as Slack delivers it: answered 503 (the vote not stored within the ack budget, on a slowed machine),
     * it is delivered again with the same trigger and {@code X-Slack-Retry-Num}, up to Slack's three retries. The
     * last answer is returned; the ledger counts the press once however often it came.
     */
    HttpResponse<String> voteAsSlackDelivers(String user, long poll, int option, String ts) throws Exception {
        String trigger = nextTrigger();
        String value = "vote " + poll + " " + option;
        HttpResponse<String> answer = click(user, "taolun-button-" + (option - 1), value, ts, trigger, Map.of());
        for (int retry = 1; retry <= 3 && answer.statusCode() == 503; retry++) {
            answer = click(user, "taolun-button-" + (option - 1), value, ts, trigger,
                    Map.of("X-Slack-Retry-Num", String.valueOf(retry), "X-Slack-Retry-Reason", "http_error"));
        }
        return answer;
    }

    HttpResponse<String> post(String body, Map<String, String> headers) throws Exception {
        return SlackRequests.post(events, SECRET, now(), body, headers);
    }

    @Override
    public void close() {
        server.close(0);
        app.close();
        slack.close();
    }
}
