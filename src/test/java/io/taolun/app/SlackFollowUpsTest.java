package io.taolun.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.taolun.core.Lang;
import io.taolun.core.Messages;
import io.taolun.slack.FakeSlack;
import io.taolun.testing.Await;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the bot sends after the acknowledgement is not lost when Slack fails for a moment. */
final class SlackFollowUpsTest {
    private static final Duration WAIT = Await.CEILING;

    @TempDir
    Path data;

    private SlackServerHarness h;

    @BeforeEach
    void start() throws Exception {
        h = new SlackServerHarness(data);
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void a_vote_confirmation_refused_with_a_server_error_is_sent_again_once() throws Exception {
        // GIVEN an open poll, and a response_url that answers 503 once
        h.command("alice", "poll c1");
        h.slack.awaitCall("chat.postMessage", 1, WAIT);
        h.slack.failNext("response_url", 1, 503, null);
        // WHEN bob votes
        h.vote("bob", 1, 2, "1700000000.000100");
        // THEN his confirmation arrives on the second attempt, and only then
        JsonNode confirmation = h.slack.awaitCall("response_url", 2, WAIT).json();
        assertThat(confirmation.toString()).contains("同意");
        h.awaitQuiet();
        assertThat(h.slack.calls("response_url")).hasSize(2);
    }

    @Test
    void a_poll_slack_may_not_have_posted_is_reported_to_its_opener_with_its_number_and_what_to_do() throws Exception {
        // GIVEN Slack answers the poll's post with 503, and response_url with 503 once too
        h.slack.failNext("chat.postMessage", 1, 503, null);
        h.slack.failNext("response_url", 1, 503, null);
        // WHEN alice opens a poll
        h.command("alice", "poll c3");
        // THEN she is told, privately, that poll #1 is saved but may be missing, and how to vote or post it again
        JsonNode note = h.slack.awaitCall("response_url", 2, WAIT).json();
        assertThat(note.path("response_type").asText()).isEqualTo("ephemeral");
        assertThat(note.toString()).contains("投票 #1 已保存", "/article vote 1", "/article close 1")
                .doesNotContain("{0}");
        h.awaitQuiet();
        assertThat(h.slack.calls("chat.postMessage")).hasSize(1);
    }

    @Test
    void a_poll_slack_kept_refusing_to_take_is_posted_later() throws Exception {
        // GIVEN Slack rate-limits every attempt the Web API client makes in a row (it surely posted nothing)
        h.slack.failNext("chat.postMessage", 5, 429, 0);
        // WHEN alice opens a poll
        h.command("alice", "poll c2");
        // THEN it is posted by a later attempt, once, and no fallback or note is needed
        FakeSlack.Call posted = h.slack.awaitCall("chat.postMessage", 6, WAIT);
        assertThat(posted.json().path("blocks").toString()).contains("投票 #1");
        h.awaitQuiet();
        assertThat(h.slack.calls("chat.postMessage")).hasSize(6);
        assertThat(h.slack.calls("response_url")).isEmpty();
    }

    @Test
    void the_note_reads_right_in_both_languages() {
        assertThat(Messages.of(Lang.EN).get("slack.pollUncertain", 1234L))
                .startsWith("Poll #1234 is saved").contains("/article vote 1234 <option-number>", "/article close 1234")
                .doesNotContain("{", "}");
        assertThat(Messages.of(Lang.ZH).get("slack.pollUncertain", 1234L))
                .startsWith("投票 #1234 已保存").contains("/article vote 1234 <选项编号>", "/article close 1234")
                .doesNotContain("{", "}");
    }
}
