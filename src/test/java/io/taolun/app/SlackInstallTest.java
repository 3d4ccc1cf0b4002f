package io.taolun.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.taolun.slack.FakeSlack;
import io.taolun.slack.SlackRequests;
import io.taolun.store.TestDatabases;
import io.taolun.testing.Await;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;

/**
 * Installing in any workspace: Bolt's OAuth flow served at {@code /slack/install} and {@code /slack/oauth_redirect}
 * against the loopback fake's {@code oauth.v2.access}, two workspaces each answered with their own token and seeing
 * only their own polls, tokens sealed in the database and absent from the log, and uninstalling removing one.
 */
final class SlackInstallTest {
    private static final Duration WAIT = Await.CEILING;
    private static final String CLIENT_ID = "1234567890.987654321";
    private static final String CLIENT_SECRET = "client-secret-for-tests";
    private static final String TOKEN_1 = "xoxb-team-one-0123456789-abcdefSECRET";
    private static final String TOKEN_2 = "xoxb-team-two-9876543210-zyxwvuSECRET";
    private static final HttpClient BROWSER = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(WAIT).build();

    @TempDir
    Path data;

    static Map<String, String> oauthEnv() {
        byte[] key = new byte[32];
        new java.util.Random(11).nextBytes(key);
        return Map.of("SLACK_BOT_TOKEN", "", "SLACK_CLIENT_ID", CLIENT_ID, "SLACK_CLIENT_SECRET", CLIENT_SECRET,
                "SLACK_STATE_SECRET", "state-secret-of-at-least-16", "TAOLUN_SECRET_KEY",
                Base64.getEncoder().encodeToString(key));
    }

    private static URI at(SlackServerHarness h, String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + h.server.port() + pathAndQuery);
    }

    private static HttpResponse<String> get(URI uri, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(WAIT).GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return BROWSER.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The browser's first step: where it is sent, and the state cookie it is given. */
    private record Started(URI authorize, String state, String cookie) {
    }

    private static Started start(SlackServerHarness h) throws Exception {
        HttpResponse<String> install = get(at(h, "/slack/install"), null);
        assertThat(install.statusCode()).isEqualTo(302);
        URI authorize = URI.create(install.headers().firstValue("Location").orElseThrow());
        String cookie = install.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("slack-app-oauth-state=")).findFirst().orElseThrow().split(";")[0];
        Matcher state = Pattern.compile("(?:^|&)state=([^&]+)").matcher(authorize.getRawQuery());
        assertThat(state.find()).isTrue();
        return new Started(authorize, URLDecoder.decode(state.group(1), StandardCharsets.UTF_8), cookie);
    }

    /** A workspace admin installs the app: consent at Slack, then Slack's redirect back with the code. */
    private static HttpResponse<String> install(SlackServerHarness h, String team, String token, String admin)
            throws Exception {
        Started started = start(h);
        String code = "code-" + team;
        h.slack.consent(code, team, token, "UBOT" + team, admin);
        return get(at(h, "/slack/oauth_redirect?code=" + code + "&state=" + started.state()), started.cookie());
    }

    /** Installs the app in T1 and T2 through the flow, as their admins would (the client set on the fake). */
    static void installBoth(SlackServerHarness h) throws Exception {
        h.slack.setClient(CLIENT_ID, CLIENT_SECRET);
        if (install(h, "T1", TOKEN_1, "UADMIN1").statusCode() != 200
                || install(h, "T2", TOKEN_2, "UADMIN2").statusCode() != 200) {
            throw new IllegalStateException("not installed");
        }
    }

    private static HttpResponse<String> command(SlackServerHarness h, String team, String channel, String user,
            String text) throws Exception {
        return h.post(SlackRequests.slashCommand(team, channel, user, text, h.slack.responseUrl("cmd-" + team + user),
                h.nextTrigger()), Map.of());
    }

    private static long pollOf(FakeSlack.Call posted) {
        return Long.parseLong(posted.json().path("blocks").findValuesAsText("value").get(0).split(" ")[1]);
    }

    private static String event(String team, String type, String eventId, String extra) {
        return "{\"token\":\"x\",\"team_id\":\"" + team + "\",\"api_app_id\":\"AFAKE\",\"type\":\"event_callback\","
                + "\"event_id\":\"" + eventId + "\",\"event_time\":1700000000,\"event\":{\"type\":\"" + type + "\""
                + extra + ",\"event_ts\":\"1700000000.000100\"}}";
    }

    /** Every value of every row of the table, as text. */
    private static List<String> rows(SlackServerHarness h, String table) throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection c = h.app.database().dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.append(meta.getColumnName(i).toLowerCase()).append('=').append(rs.getString(i)).append(' ');
                }
                values.add(row.toString());
            }
        }
        return values;
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void two_workspaces_installed_through_oauth_each_use_their_own_token_and_see_only_their_own_polls(
            TestDatabases.Kind kind) throws Exception {
        ListAppender<ILoggingEvent> captured = captureAtDebug();
        try (SlackServerHarness h = new SlackServerHarness(data, kind, oauthEnv())) {
            h.slack.setClient(CLIENT_ID, CLIENT_SECRET);
            // GIVEN the install link sends the browser to Slack's consent page for this app and its scopes
            Started started = start(h);
            assertThat(started.authorize().getHost()).isEqualTo("slack.com");
            assertThat(started.authorize().getRawQuery()).contains("client_id=" + CLIENT_ID)
                    .contains("scope=commands%2Cchat%3Awrite%2Cfiles%3Awrite");

            // WHEN admins of two workspaces install it
            HttpResponse<String> one = install(h, "T1", TOKEN_1, "UADMIN1");
            HttpResponse<String> two = install(h, "T2", TOKEN_2, "UADMIN2");

            // THEN each is told it worked, and each workspace's installation is stored with its token sealed
            assertThat(one.statusCode()).isEqualTo(200);
            assertThat(two.statusCode()).isEqualTo(200);
            assertThat(h.slack.calls("oauth.v2.access")).hasSize(2);
            List<String> installed = rows(h, "installation");
            assertThat(installed).hasSize(2);
            assertThat(String.join("\n", installed)).contains("workspace=T1", "workspace=T2", "bot_user=UBOTT1",
                    "installed_by=UADMIN2", "sealed_token=v1.").doesNotContain(TOKEN_1, TOKEN_2, "xoxb-");

            // WHEN each workspace opens a poll
            command(h, "T1", "C1", "UALICE", "poll --question \"工作区一？\" --options \"是|否\" --public");
            FakeSlack.Call first = h.slack.awaitCall("chat.postMessage", 1, WAIT);
            command(h, "T2", "C9", "UZED", "poll --question \"工作区二？\" --options \"是|否\"");
            FakeSlack.Call second = h.slack.awaitCall("chat.postMessage", 2, WAIT);
            // THEN each is posted with its own workspace's token
            assertThat(FakeSlack.tokenOf(first)).isEqualTo(TOKEN_1);
            assertThat(first.json().path("channel").asText()).isEqualTo("C1");
            assertThat(FakeSlack.tokenOf(second)).isEqualTo(TOKEN_2);
            long pollOne = pollOf(first);
            String tsOne = h.pressableTs(first);

            // WHEN someone of workspace T2 presses a button with T1's poll in it (a forged or replayed press)
            h.post(SlackRequests.blockAction("T2", "C1", "UZED", "taolun-button-0", "vote " + pollOne + " 1", tsOne,
                    h.slack.responseUrl("forged"), h.nextTrigger()), Map.of());
            // AND someone of T1 votes in it
            h.post(SlackRequests.blockAction("T1", "C1", "UBOB", "taolun-button-1", "vote " + pollOne + " 2", tsOne,
                    h.slack.responseUrl("bob"), h.nextTrigger()), Map.of());
            h.awaitQuiet();
            // THEN T2's press reached no poll and T1's poll counts only bob's vote, updated with T1's token
            FakeSlack.Call update = h.slack.awaitCall("chat.update", 1, WAIT);
            assertThat(FakeSlack.tokenOf(update)).isEqualTo(TOKEN_1);
            String results = command(h, "T1", "C1", "UALICE", "results " + pollOne).body();
            assertThat(results).contains("工作区一？", "*1. 是*\\n░░░░░░░░░░░░░░░░░░░░ 0 票 · 0%", "共 1 票");

            // WHEN T1's installer schedules a quote of the day, THEN it is scheduled: the installer is T1's admin
            String scheduled = command(h, "T1", "C1", "UADMIN1", "schedule qotd 09:00 Asia/Shanghai").body();
            assertThat(scheduled).doesNotContain("只有管理员可以修改定期发布。");
            assertThat(command(h, "T1", "C1", "UADMIN1", "schedule list").body()).contains("Asia/Shanghai");
            // AND neither T1's other members nor T2's installer may schedule in T1
            assertThat(command(h, "T1", "C1", "UALICE", "schedule qotd 10:00 Asia/Shanghai").body())
                    .contains("只有管理员可以修改定期发布。");
            assertThat(command(h, "T1", "C1", "UADMIN2", "schedule qotd 10:00 Asia/Shanghai").body())
                    .contains("只有管理员可以修改定期发布。");

            // WHEN a user of T2 opens the Home tab, THEN it lists T2's poll only, published with T2's token
            h.post(SlackRequests.appHomeOpened("T2", "UZED", "home", "EvHome"),
                    Map.of("Content-Type", "application/json"));
            FakeSlack.Call home = h.slack.awaitCall("views.publish", 1, WAIT);
            assertThat(FakeSlack.tokenOf(home)).isEqualTo(TOKEN_2);
            assertThat(home.json().toString()).contains("工作区二？", "这个工作区没有定时发布").doesNotContain("工作区一？");

            // WHEN T2 uninstalls the app
            HttpResponse<String> uninstalled = h.post(event("T2", "app_uninstalled", "EvGone", ""),
                    Map.of("Content-Type", "application/json"));
            assertThat(uninstalled.statusCode()).isEqualTo(200);
            // THEN its installation is gone at once, T1's stays
            assertThat(String.join("\n", rows(h, "installation"))).contains("workspace=T1")
                    .doesNotContain("workspace=T2");
            // AND a command from T2 is told the app is not installed there, and nothing is posted
            int posts = h.slack.calls("chat.postMessage").size();
            HttpResponse<String> stale = command(h, "T2", "C9", "UZED", "poll --question \"还在吗？\" --options \"是|否\"");
            assertThat(stale.statusCode()).isEqualTo(200);
            Await.until("the install guide", () -> h.slack.calls("response_url").stream()
                    .anyMatch(c -> c.path().contains("cmd-T2UZED") && c.body().contains("not installed")));
            assertThat(h.slack.calls("response_url").stream().filter(c -> c.path().contains("cmd-T2UZED"))
                    .reduce((a, b) -> b).orElseThrow().body()).contains("没有安装在这个工作区");
            h.awaitQuiet();
            assertThat(h.slack.calls("chat.postMessage")).hasSize(posts);

            // AND T1 revoking its bot token removes T1's installation too
            h.post(event("T1", "tokens_revoked", "EvRevoked", ",\"tokens\":{\"bot\":[\"UBOTT1\"]}"),
                    Map.of("Content-Type", "application/json"));
            assertThat(rows(h, "installation")).isEmpty();
        } finally {
            stopCapture(captured);
        }
        // AND no token was ever written to the log, even at DEBUG
        assertThat(logged(captured)).isNotEmpty().doesNotContain(TOKEN_1, TOKEN_2, CLIENT_SECRET);
    }

    /** Every log event of the process from now on, at DEBUG, until {@link #stopCapture}. */
    private static ListAppender<ILoggingEvent> captureAtDebug() {
        LoggerContext logs = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = logs.getLogger(Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.setContext(logs);
        captured.start();
        root.addAppender(captured);
        LEVEL_BEFORE.set(root.getLevel());
        root.setLevel(Level.DEBUG);
        return captured;
    }

    private static final java.util.concurrent.atomic.AtomicReference<Level> LEVEL_BEFORE =
            new java.util.concurrent.atomic.AtomicReference<>();

    private static void stopCapture(ListAppender<ILoggingEvent> captured) {
        Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME);
        root.detachAppender(captured);
        root.setLevel(LEVEL_BEFORE.get());
    }

    /** The captured events' messages, their arguments, and every exception's message along its causes. */
    private static String logged(ListAppender<ILoggingEvent> captured) {
        StringBuilder all = new StringBuilder();
        for (ILoggingEvent e : List.copyOf(captured.list)) {
            all.append(e.getFormattedMessage()).append('\n');
            for (var t = e.getThrowableProxy(); t != null; t = t.getCause()) {
                all.append(t.getClassName()).append(": ").append(t.getMessage()).append('\n');
            }
        }
        return all.toString();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void a_redirect_is_taken_once_with_its_own_cookie_and_a_state_this_app_issued(TestDatabases.Kind kind)
            throws Exception {
        ListAppender<ILoggingEvent> captured = captureAtDebug();
        try (SlackServerHarness h = new SlackServerHarness(data, kind, oauthEnv())) {
            h.slack.setClient(CLIENT_ID, CLIENT_SECRET);
            Started started = start(h);
            h.slack.consent("c1", "T1", TOKEN_1, "UBOT1", "UADMIN");
            // a redirect without the browser's cookie (another browser, a forged link) is refused
            HttpResponse<String> noCookie = get(at(h, "/slack/oauth_redirect?code=c1&state=" + started.state()), null);
            // a forged state in both places is refused too: this app did not sign it
            HttpResponse<String> forged = get(at(h, "/slack/oauth_redirect?code=c1&state=abc.def"),
                    "slack-app-oauth-state=abc.def");
            assertThat(h.slack.calls("oauth.v2.access")).isEmpty();
            assertThat(rows(h, "installation")).isEmpty();
            assertThat(noCookie.body() + forged.body()).doesNotContain("Exception", "at io.taolun");
            // the real redirect installs; the same redirect again does not
            HttpResponse<String> ok = get(at(h, "/slack/oauth_redirect?code=c1&state=" + started.state()),
                    started.cookie());
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.body()).contains("讨论（Taolun）已安装", "Taolun is installed", "/article help",
                    "https://app.slack.com/client/T1");
            assertThat(noCookie.body()).contains("没有安装", "This install link expired", "(invalid_state)",
                    "href=\"/slack/install\"");
            assertThat(rows(h, "installation")).hasSize(1);
            h.slack.consent("c1", "T1", "xoxb-replayed", "UBOT1", "UADMIN");
            get(at(h, "/slack/oauth_redirect?code=c1&state=" + started.state()), started.cookie());
            assertThat(h.slack.calls("oauth.v2.access")).hasSize(1);
            assertThat(rows(h, "oauth_state")).isEmpty();
            // the same redirect sent five times at once (a double click, a replay) installs once
            Started raced = start(h);
            h.slack.consent("c2", "T2", TOKEN_2, "UBOT2", "UADMIN");
            java.util.concurrent.ExecutorService five = java.util.concurrent.Executors.newFixedThreadPool(5);
            try {
                List<java.util.concurrent.Callable<HttpResponse<String>>> copies = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    copies.add(() -> get(at(h, "/slack/oauth_redirect?code=c2&state=" + raced.state()),
                            raced.cookie()));
                }
                List<String> pages = new ArrayList<>();
                for (var f : five.invokeAll(copies)) {
                    pages.add(f.get().body());
                }
                assertThat(pages.stream().filter(p -> p.contains("Taolun is installed"))).hasSize(1);
                assertThat(pages.stream().filter(p -> p.contains("(invalid_state)"))).hasSize(4);
            } finally {
                five.shutdownNow();
            }
            assertThat(h.slack.calls("oauth.v2.access")).hasSize(2);
            assertThat(rows(h, "installation")).hasSize(2);
            // an admin who cancels on Slack's consent screen is told so, and nothing is installed
            Started cancelled = start(h);
            HttpResponse<String> denied = get(at(h, "/slack/oauth_redirect?error=access_denied&state="
                    + cancelled.state()), cancelled.cookie());
            assertThat(denied.body()).contains("安装已取消。", "The install was cancelled.");
            assertThat(rows(h, "installation")).hasSize(2);
            // the install paths take GET only; an event for a workspace never installed is refused
            HttpResponse<String> post = SlackRequests.post(at(h, "/slack/install"), SlackServerHarness.SECRET,
                    h.now(), "x=1", Map.of());
            assertThat(post.statusCode()).isEqualTo(405);
            HttpResponse<String> unknown = h.post(SlackRequests.appHomeOpened("T7", "U1", "home", "Ev7"),
                    Map.of("Content-Type", "application/json"));
            assertThat(unknown.statusCode()).isEqualTo(401);
        } finally {
            stopCapture(captured);
        }
        // AND neither token, even the one offered on a replayed redirect, nor the client secret was logged
        assertThat(logged(captured)).isNotEmpty().doesNotContain(TOKEN_1, TOKEN_2, "xoxb-replayed", CLIENT_SECRET);
    }
}
