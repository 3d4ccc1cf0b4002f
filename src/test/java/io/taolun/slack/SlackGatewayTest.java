package io.taolun.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.util.json.GsonFactory;
import io.taolun.core.Attachment;
import io.taolun.core.ChannelRef;
import io.taolun.core.DeliveryException;
import io.taolun.core.Reply;
import io.taolun.core.Visibility;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class SlackGatewayTest {
    private static final String TOKEN = "xoxb-gateway-secret-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ChannelRef CHANNEL = new ChannelRef("slack", "T1", "C42");
    private static final String THREAD = "1699999999.000100";

    private final FakeSlack fake = FakeSlack.start();
    private final List<Slack> clients = new ArrayList<>();
    private final SlackGateway gateway = gatewayAt(fake.apiUrl());

    @AfterEach
    void stop() throws Exception {
        for (Slack slack : clients) {
            slack.close();
        }
        fake.close();
    }

    /** The gateway as the adapter builds it; a wait inside would be an internal retry, which fails the test. */
    private SlackGateway gatewayAt(String apiUrl) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(apiUrl);
        config.setStatsEnabled(false);
        Slack slack = SlackWeb.client(config);
        clients.add(slack);
        return new SlackGateway(new SlackWeb(slack, TOKEN, d -> {
            throw new AssertionError("the gateway waited " + d + ": it must make one attempt only");
        }));
    }

    private static Reply poll() {
        return Reply.builder().title("第一节：自由").text("你同意吗？ <@U123>").button("vote 1 1", "同意")
                .button("vote 1 2", "不同意").footer("0 票").visibility(Visibility.IN_CHANNEL).build();
    }

    private static Reply chart(byte[] png) {
        return Reply.builder().title("投票结果").text("同意 3，不同意 1").attach(new Attachment("poll-1.png", "image/png", png))
                .visibility(Visibility.IN_CHANNEL).build();
    }

    /** A PNG signature followed by every byte value, so that any re-encoding on the way would show. */
    private static byte[] png() {
        byte[] bytes = new byte[8 + 256];
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        System.arraycopy(signature, 0, bytes, 0, 8);
        for (int i = 0; i < 256; i++) {
            bytes[8 + i] = (byte) i;
        }
        return bytes;
    }

    private static JsonNode blocksOf(Reply reply) throws Exception {
        return JSON.readTree(GsonFactory.createSnakeCase().toJson(BlockKit.render(reply, null, null)));
    }

    /** The failure a call ends in, checked never to mention the token, nor any exception behind it. */
    private static DeliveryException failureOf(ThrowingCallable call) {
        DeliveryException e = catchThrowableOfType(DeliveryException.class, call);
        assertThat(e).as("a DeliveryException").isNotNull();
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain(TOKEN).doesNotContain("xoxb-");
            assertThat(t.toString()).doesNotContain(TOKEN);
        }
        return e;
    }

    @Test
    void it_posts_to_slack_channels_only() {
        assertThat(gateway.platform()).isEqualTo("slack");
        assertThat(gateway.canPost(CHANNEL)).isTrue();
        assertThat(gateway.canPost(new ChannelRef("discord", "G1", "C42"))).isFalse();
    }

    @Test
    void a_post_lands_in_the_channel_with_the_replys_blocks_and_fallback_text_and_returns_its_ts() throws Exception {
        // GIVEN
        Reply reply = poll();
        // WHEN
        String ts = gateway.post(CHANNEL, Optional.empty(), reply, "k1");
        // THEN
        List<FakeSlack.Call> posts = fake.calls("chat.postMessage");
        assertThat(posts).hasSize(1);
        FakeSlack.Call post = posts.get(0);
        assertThat(ts).isEqualTo("1700000000.000001");
        assertThat(post.header("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(post.form()).containsEntry("channel", "C42").containsEntry("text", BlockKit.fallback(reply))
                .doesNotContainKey("thread_ts");
        assertThat(post.json().get("blocks")).isEqualTo(blocksOf(reply));
        assertThat(post.json().get("blocks").toString()).contains("vote 1 2").contains("&lt;@U123&gt;");
    }

    @Test
    void a_post_under_a_message_lands_in_its_thread() throws Exception {
        // WHEN
        String ts = gateway.post(CHANNEL, Optional.of(THREAD), poll(), "k2");
        // THEN
        FakeSlack.Call post = fake.calls("chat.postMessage").get(0);
        assertThat(post.form()).containsEntry("channel", "C42").containsEntry("thread_ts", THREAD);
        assertThat(ts).isNotEqualTo(THREAD).matches("1700000000\\.\\d{6}");
    }

    @Test
    void a_thread_has_replies_once_a_person_writes_in_it_and_the_bots_own_posts_do_not_count() throws Exception {
        // GIVEN a poll's thread holding only the bot's posts
        String poll = gateway.post(CHANNEL, Optional.empty(), poll(), "k9");
        gateway.post(CHANNEL, Optional.of(poll), poll(), "k9t");
        // THEN nobody has replied: conversations.replies was asked for the thread under the poll
        assertThat(gateway.hasReplies(CHANNEL, poll)).isFalse();
        assertThat(fake.calls("conversations.replies").get(0).form()).containsEntry("channel", "C42")
                .containsEntry("ts", poll);
        // WHEN a person replies
        fake.userReplies("C42", poll, "U7", "I disagree, here is why");
        // THEN the thread has replies
        assertThat(gateway.hasReplies(CHANNEL, poll)).isTrue();
    }

    @Test
    void reading_a_thread_without_the_history_scope_is_a_permanent_failure_naming_slacks_error() {
        // GIVEN an app installed before the history scopes were added
        fake.refuseNext("conversations.replies", 1, "missing_scope");
        // WHEN the thread is read
        // THEN it fails for good, saying why, and a rate limit is retryable
        assertThatThrownBy(() -> gateway.hasReplies(CHANNEL, THREAD)).isInstanceOfSatisfying(DeliveryException.class,
                e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).contains("conversations.replies", "missing_scope");
                });
        fake.failNext("conversations.replies", 1, 429, 3);
        assertThatThrownBy(() -> gateway.hasReplies(CHANNEL, THREAD)).isInstanceOfSatisfying(DeliveryException.class,
                e -> assertThat(e.retryable()).isTrue());
    }

    @Test
    void a_chart_is_uploaded_byte_for_byte_and_shared_into_the_thread_with_the_text_beside_it() throws Exception {
        // GIVEN
        byte[] png = png();
        Reply reply = chart(png);
        // WHEN
        String id = gateway.post(CHANNEL, Optional.of(THREAD), reply, "k3");
        // THEN the external upload flow ran, once each step, and no message was posted besides
        assertThat(fake.calls()).extracting(FakeSlack.Call::method)
                .containsExactly("files.getUploadURLExternal", "upload", "files.completeUploadExternal");
        FakeSlack.Call asked = fake.calls("files.getUploadURLExternal").get(0);
        assertThat(asked.form()).containsEntry("filename", "poll-1.png")
                .containsEntry("length", String.valueOf(png.length)).containsEntry("alt_txt", "投票结果");
        // AND the exact bytes reached the upload URL, without the token
        FakeSlack.Call upload = fake.calls("upload").get(0);
        assertThat(upload.path()).isEqualTo("/upload/1");
        assertThat(upload.body().getBytes(StandardCharsets.ISO_8859_1)).isEqualTo(png);
        assertThat(upload.header("Authorization")).isNull();
        // AND the file was shared into the channel's thread with the reply's text as its comment
        FakeSlack.Call complete = fake.calls("files.completeUploadExternal").get(0);
        assertThat(complete.form()).containsEntry("channel_id", "C42").containsEntry("thread_ts", THREAD)
                .containsEntry("initial_comment", reply.plainText().strip());
        assertThat(complete.json().at("/files/0/id").asText()).isEqualTo("F1");
        assertThat(complete.json().at("/files/0/title").asText()).isEqualTo("poll-1.png");
        // AND, as Slack names no message for the share, the post is known by its file id
        assertThat(id).isEqualTo("F1");
    }

    @Test
    void a_chart_in_the_channel_is_known_by_its_messages_ts_when_slack_names_the_share() throws Exception {
        // GIVEN
        fake.setSharesOnComplete(true);
        // WHEN
        String id = gateway.post(CHANNEL, Optional.empty(), chart(png()), "k4");
        // THEN
        assertThat(fake.calls("files.completeUploadExternal").get(0).form()).doesNotContainKey("thread_ts");
        assertThat(id).isEqualTo("1700000000.000001");
    }

    @Test
    void an_edit_replaces_the_messages_blocks_and_text() throws Exception {
        // GIVEN
        String ts = gateway.post(CHANNEL, Optional.empty(), poll(), "k5");
        Reply tallied = Reply.builder().title("第一节：自由").text("你同意吗？").button("vote 1 1", "同意")
                .footer("1 票").visibility(Visibility.IN_CHANNEL).build();
        // WHEN
        gateway.edit(CHANNEL, ts, tallied);
        // THEN
        FakeSlack.Call update = fake.calls("chat.update").get(0);
        assertThat(update.form()).containsEntry("channel", "C42").containsEntry("ts", ts)
                .containsEntry("text", BlockKit.fallback(tallied));
        assertThat(update.json().get("blocks")).isEqualTo(blocksOf(tallied));
    }

    @Test
    void a_rate_limited_post_is_retryable_after_the_wait_slack_asked_for() {
        // GIVEN
        fake.failNext("chat.postMessage", 1, 429, 7);
        // WHEN
        DeliveryException e = failureOf(() -> gateway.post(CHANNEL, Optional.empty(), poll(), "k6"));
        // THEN
        assertThat(e.retryable()).isTrue();
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(fake.calls("chat.postMessage")).hasSize(1);
    }

    @Test
    void a_server_error_on_a_post_is_permanent_since_slack_may_have_posted_and_it_is_not_repeated() {
        // GIVEN
        fake.failNext("chat.postMessage", 1, 500, null);
        // WHEN
        DeliveryException e = failureOf(() -> gateway.post(CHANNEL, Optional.empty(), poll(), "k7"));
        // THEN
        assertThat(e.retryable()).isFalse();
        assertThat(e).hasMessageContaining("may have been posted").hasMessageContaining("HTTP 500");
        assertThat(fake.calls("chat.postMessage")).hasSize(1);
    }

    @Test
    void a_lost_answer_to_a_post_is_permanent_and_the_post_is_not_sent_again() throws Exception {
        // GIVEN a connection kept alive by an earlier post (the HTTP client may resend on a reused one)
        gateway.post(CHANNEL, Optional.empty(), poll(), "k8a");
        // AND Slack posts the next one, then the connection closes before its answer
        fake.dropAnswerNext("chat.postMessage", 1);
        // WHEN
        DeliveryException e = failureOf(() -> gateway.post(CHANNEL, Optional.empty(), poll(), "k8b"));
        // THEN
        assertThat(e.retryable()).isFalse();
        assertThat(e).hasMessageContaining("may have been posted");
        // (a resend by the HTTP client would have been made before the call failed)
        assertThat(fake.calls("chat.postMessage")).hasSize(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"channel_not_found", "not_in_channel", "is_archived", "invalid_auth", "missing_scope"})
    void a_post_that_slack_refuses_is_permanent_and_names_the_error(String error) {
        // GIVEN
        fake.refuseNext("chat.postMessage", 1, error);
        // WHEN
        DeliveryException e = failureOf(() -> gateway.post(CHANNEL, Optional.empty(), poll(), "k9"));
        // THEN
        assertThat(e.retryable()).isFalse();
        assertThat(e).hasMessageContaining(error).hasMessageContaining("C42");
        assertThat(fake.calls("chat.postMessage")).hasSize(1);
    }

    @Test
    void a_server_error_on_an_edit_is_retryable_since_an_edit_can_be_repeated() {
        // GIVEN
        fake.failNext("chat.update", 1, 503, null);
        // WHEN
        DeliveryException e = failureOf(() -> gateway.edit(CHANNEL, "1700000000.000009", poll()));
        // THEN
        assertThat(e.retryable()).isTrue();
        assertThat(e.retryAfter()).isEmpty();
        assertThat(fake.calls("chat.update")).hasSize(1);
    }

    @Test
    void a_lost_answer_to_an_edit_is_retryable() {
        // GIVEN
        fake.dropAnswerNext("chat.update", 1);
        // WHEN
        DeliveryException e = failureOf(() -> gateway.edit(CHANNEL, "1700000000.000009", poll()));
        // THEN
        assertThat(e.retryable()).isTrue();
    }

    @Test
    void an_edit_of_a_message_slack_does_not_know_is_permanent() {
        // GIVEN
        fake.refuseNext("chat.update", 1, "message_not_found");
        // WHEN
        DeliveryException e = failureOf(() -> gateway.edit(CHANNEL, "F1", poll()));
        // THEN
        assertThat(e.retryable()).isFalse();
        assertThat(e).hasMessageContaining("message_not_found");
    }

    @Test
    void a_refused_connection_is_retryable_at_once() {
        // GIVEN a Slack that is not listening
        FakeSlack gone = FakeSlack.start();
        String apiUrl = gone.apiUrl();
        gone.close();
        SlackGateway unreachable = gatewayAt(apiUrl);
        // WHEN
        DeliveryException post = failureOf(() -> unreachable.post(CHANNEL, Optional.empty(), poll(), "k10"));
        DeliveryException edit = failureOf(() -> unreachable.edit(CHANNEL, "1700000000.000009", poll()));
        // THEN
        assertThat(post.retryable()).isTrue();
        assertThat(post.retryAfter()).isEmpty();
        assertThat(edit.retryable()).isTrue();
    }

    @Test
    void a_failed_upload_is_retryable_since_nothing_was_shared_yet() {
        // GIVEN
        fake.failNext("upload", 1, 500, null);
        // WHEN
        DeliveryException e = failureOf(() -> gateway.post(CHANNEL, Optional.empty(), chart(png()), "k11"));
        // THEN
        assertThat(e.retryable()).isTrue();
        assertThat(e).hasMessageNotContaining("/upload/");
        assertThat(fake.calls("files.completeUploadExternal")).isEmpty();
    }

    @Test
    void a_rate_limited_upload_url_request_is_retryable_after_the_wait() {
        // GIVEN
        fake.failNext("files.getUploadURLExternal", 1, 429, 3);
        // WHEN
        DeliveryException e = failureOf(() -> gateway.post(CHANNEL, Optional.empty(), chart(png()), "k12"));
        // THEN
        assertThat(e.retryable()).isTrue();
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(3));
        assertThat(fake.calls("upload")).isEmpty();
    }

    @Test
    void a_server_error_on_completing_an_upload_is_permanent_since_the_file_may_have_been_shared() {
        // GIVEN
        fake.failNext("files.completeUploadExternal", 1, 500, null);
        // WHEN
        DeliveryException e = failureOf(() -> gateway.post(CHANNEL, Optional.empty(), chart(png()), "k13"));
        // THEN
        assertThat(e.retryable()).isFalse();
        assertThat(e).hasMessageContaining("may have been posted");
        assertThat(fake.calls("files.completeUploadExternal")).hasSize(1);
    }

    @Test
    void a_channel_of_another_platform_is_refused_without_calling_slack() {
        // WHEN
        DeliveryException e = failureOf(() -> gateway.post(new ChannelRef("discord", "G1", "C1"), Optional.empty(),
                poll(), "k14"));
        // THEN
        assertThat(e.retryable()).isFalse();
        assertThat(fake.calls()).isEmpty();
    }
}
