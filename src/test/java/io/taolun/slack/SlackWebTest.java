package io.taolun.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.response.auth.AuthTestResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Web API and response_url calls against a fake Slack on loopback, through the client the adapter builds. */
final class SlackWebTest {
    private static final String TOKEN = "xoxb-test-token-abcdef";

    private final FakeSlack fake = FakeSlack.start();
    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private final Slack slack = client(fake.apiUrl());
    private final SlackWeb web = new SlackWeb(slack, TOKEN, waits::add);

    private static Slack client(String apiUrl) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(apiUrl);
        config.setStatsEnabled(false);
        return SlackWeb.client(config);
    }

    @AfterEach
    void stop() throws Exception {
        slack.close();
        fake.close();
    }

    @Test
    void a_response_url_answering_a_server_error_is_tried_once_more() {
        // GIVEN response_url answers 503 twice
        fake.failNext("response_url", 2, 503, null);
        // WHEN a confirmation is sent
        boolean sent = web.respond(fake.responseUrl("vote"), "{\"text\":\"ok\"}");
        // THEN it was tried twice, after one short wait, and given up: never a third post
        assertThat(sent).isFalse();
        assertThat(fake.calls("response_url")).hasSize(2);
        assertThat(waits).hasSize(1);
    }

    @Test
    void a_confirmation_refused_once_with_a_server_error_gets_through() {
        // GIVEN response_url answers 500 once
        fake.failNext("response_url", 1, 500, null);
        // WHEN a confirmation is sent
        boolean sent = web.respond(fake.responseUrl("vote"), "{\"text\":\"ok\"}");
        // THEN the second attempt delivers it
        assertThat(sent).isTrue();
        assertThat(fake.calls("response_url")).hasSize(2);
    }

    @Test
    void auth_test_is_sent_again_once_when_its_connection_fails() throws Exception {
        // GIVEN the first auth.test loses its connection without an answer (as a pooled one a balancer closed)
        fake.dropAnswerNext("auth.test", 1);
        // WHEN the bot checks its token
        AuthTestResponse auth = slack.methods(TOKEN).authTest(r -> r);
        // THEN the read-only call is repeated once and succeeds
        assertThat(auth.isOk()).isTrue();
        assertThat(fake.calls("auth.test")).hasSize(2);
    }

    @Test
    void a_post_whose_connection_fails_is_not_sent_again_by_the_client() {
        // GIVEN the first chat.postMessage loses its answer (Slack may have posted)
        fake.dropAnswerNext("chat.postMessage", 1);
        // WHEN it is posted once
        SlackWeb.Result<?> posted = web.once(m -> m.chatPostMessage(r -> r.channel("C1").text("hi")));
        // THEN the outcome is uncertain and there was a single request
        assertThat(posted.outcome()).isEqualTo(SlackWeb.Outcome.UNCERTAIN);
        assertThat(fake.calls("chat.postMessage")).hasSize(1);
    }

    /** Tokens per workspace: T1's from its installation, T3's unreadable (its database is down), no one else's. */
    private static SlackTokens perWorkspace() {
        return new SlackTokens() {
            @Override
            java.util.Optional<String> single() {
                return java.util.Optional.empty();
            }

            @Override
            java.util.Optional<String> botToken(String workspace) {
                if (workspace.equals("T3")) {
                    throw new IllegalStateException("reading an installation failed");
                }
                return workspace.equals("T1") ? java.util.Optional.of("xoxb-one") : java.util.Optional.empty();
            }

            @Override
            java.util.Optional<String> botUser(String workspace) {
                return java.util.Optional.empty();
            }

            @Override
            boolean installedBy(String workspace, String user) {
                return false;
            }
        };
    }

    @Test
    void installed_per_workspace_each_call_carries_its_workspaces_token_and_others_reach_nothing() {
        SlackWeb installed = new SlackWeb(slack, perWorkspace(), waits::add);
        // T1's call is made with T1's token
        assertThat(installed.in("T1").call("auth.test", true, m -> m.authTest(r -> r)).ok()).isTrue();
        assertThat(FakeSlack.tokenOf(fake.calls("auth.test").get(0))).isEqualTo("xoxb-one");
        // a workspace with no installation, and the unbound instance, are refused without a request
        SlackWeb.Result<?> none = installed.in("T2").call("auth.test", true, m -> m.authTest(r -> r));
        assertThat(none.outcome()).isEqualTo(SlackWeb.Outcome.REFUSED);
        assertThat(none.problem()).isEqualTo(SlackWeb.NOT_INSTALLED);
        assertThat(installed.once(m -> m.authTest(r -> r)).problem()).isEqualTo(SlackWeb.NOT_INSTALLED);
        // an installation that cannot be read fails as not sent, so that the caller may try again
        SlackWeb.Result<?> unreadable = installed.in("T3").once(m -> m.authTest(r -> r));
        assertThat(unreadable.outcome()).isEqualTo(SlackWeb.Outcome.UNREACHED);
        assertThat(unreadable.surelyNotDone()).isTrue();
        assertThat(fake.calls("auth.test")).hasSize(1);
    }
}
