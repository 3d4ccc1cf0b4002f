package io.taolun.slack;

import static com.slack.api.model.block.Blocks.asBlocks;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.files.FilesUploadV2Response;
import io.taolun.testing.Await;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import okhttp3.FormBody;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

final class FakeSlackTest {
    private static final Duration WAIT = Await.CEILING;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FakeSlack fake = FakeSlack.start();
    private final Slack slack = Slack.getInstance(config(fake));
    private final MethodsClient methods = slack.methods("xoxb-test");

    @AfterEach
    void stop() throws Exception {
        slack.close();
        fake.close();
    }

    private static SlackConfig config(FakeSlack fake) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(fake.apiUrl());
        config.setStatsEnabled(false);
        return config;
    }

    @Test
    void the_sdk_authenticates_and_posts_blocks_which_the_fake_records() throws Exception {
        // WHEN the real SDK calls auth.test and chat.postMessage twice
        AuthTestResponse auth = methods.authTest(r -> r);
        ChatPostMessageResponse first = methods.chatPostMessage(r -> r.channel("C1").text("你好")
                .blocks(asBlocks(section(s -> s.text(markdownText("*第一节* 你好"))))));
        ChatPostMessageResponse second = methods.chatPostMessage(r -> r.channel("C1").text("again"));
        // THEN the SDK understands the answers
        assertThat(auth.isOk()).isTrue();
        assertThat(auth.getUserId()).isEqualTo("UBOT");
        assertThat(auth.getBotId()).isEqualTo("BBOT");
        assertThat(first.isOk()).isTrue();
        assertThat(first.getChannel()).isEqualTo("C1");
        assertThat(first.getTs()).matches("1700000000\\.\\d{6}");
        assertThat(second.getTs()).isGreaterThan(first.getTs());
        assertThat(first.getMessage().getText()).isEqualTo("你好");
        // AND the fake recorded a form post with a bearer token and blocks as a JSON string
        FakeSlack.Call call = fake.awaitCall("chat.postMessage", 1, WAIT);
        assertThat(call.header("authorization")).isEqualTo("Bearer xoxb-test");
        assertThat(call.header("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(call.form()).containsEntry("channel", "C1").containsEntry("text", "你好");
        assertThat(call.form().get("blocks")).startsWith("[");
        assertThat(call.json().at("/blocks/0/type").asText()).isEqualTo("section");
        assertThat(call.json().at("/blocks/0/text/text").asText()).isEqualTo("*第一节* 你好");
        assertThat(fake.calls()).extracting(FakeSlack.Call::method)
                .containsExactly("auth.test", "chat.postMessage", "chat.postMessage");
    }

    @Test
    void a_rate_limited_call_makes_the_sdk_throw_with_the_status_and_retry_after() throws Exception {
        // GIVEN
        fake.failNext("chat.postMessage", 1, 429, 7);
        // WHEN / THEN the first call fails with a SlackApiException carrying the HTTP response
        assertThatThrownBy(() -> methods.chatPostMessage(r -> r.channel("C1").text("hi")))
                .isInstanceOfSatisfying(SlackApiException.class, e -> {
                    assertThat(e.getResponse().code()).isEqualTo(429);
                    assertThat(e.getResponse().header("Retry-After")).isEqualTo("7");
                    assertThat(e.getError().getError()).isEqualTo("ratelimited");
                });
        // AND the next one succeeds; both were recorded
        assertThat(methods.chatPostMessage(r -> r.channel("C1").text("hi")).isOk()).isTrue();
        assertThat(fake.calls("chat.postMessage")).hasSize(2);
    }

    @Test
    void the_sdk_uploads_a_file_through_the_external_upload_flow() throws Exception {
        // WHEN
        byte[] csv = "选项,票数\nA,3\n".getBytes(StandardCharsets.UTF_8);
        FilesUploadV2Response response = methods.filesUploadV2(r -> r.channel("C1").filename("poll.csv")
                .title("投票结果").fileData(csv));
        // THEN
        assertThat(response.isOk()).isTrue();
        assertThat(fake.calls()).extracting(FakeSlack.Call::method)
                .containsExactly("files.getUploadURLExternal", "upload", "files.completeUploadExternal");
        assertThat(fake.calls("upload").get(0).form()).containsEntry("bytes", String.valueOf(csv.length))
                .containsEntry("file_id", "F1");
        JsonNode complete = fake.calls("files.completeUploadExternal").get(0).json();
        assertThat(complete.at("/files/0/id").asText()).isEqualTo("F1");
        assertThat(complete.at("/files/0/title").asText()).isEqualTo("投票结果");
        assertThat(complete.path("channel_id").asText()).isEqualTo("C1");
    }

    @Test
    void a_response_url_post_and_an_unknown_method_are_recorded() throws Exception {
        // WHEN
        String answer = slack.send(fake.responseUrl("r1"), "{\"text\":\"已记录\",\"replace_original\":true}")
                .getBody();
        String unknown = slack.methods("xoxb-test").getSlackHttpClient()
                .postFormWithBearerHeader(fake.apiUrl() + "nope.nope", "xoxb-test",
                        new FormBody.Builder().add("a", "b").build())
                .body().string();
        // THEN
        assertThat(answer).isEqualTo("ok");
        FakeSlack.Call call = fake.awaitCall("response_url", 1, WAIT);
        assertThat(call.path()).isEqualTo("/respond/r1");
        assertThat(call.form()).isEmpty();
        assertThat(call.json().path("text").asText()).isEqualTo("已记录");
        assertThat(unknown).contains("unknown_method");
        assertThat(fake.calls("nope.nope")).hasSize(1);
    }

    @Test
    void a_slow_method_does_not_hold_up_other_methods_and_socket_mode_needs_a_url() throws Exception {
        // GIVEN chat.update does not answer until released
        CountDownLatch release = fake.hold("chat.update");
        Thread slow = new Thread(() -> {
            try {
                methods.chatUpdate(r -> r.channel("C1").ts("1700000000.000001").text("x"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        slow.start();
        fake.awaitCall("chat.update", 1, WAIT);
        // WHEN another method is called meanwhile THEN it is answered while chat.update is still held
        assertThat(methods.authTest(r -> r).isOk()).isTrue();
        assertThat(slow.isAlive()).isTrue();
        release.countDown();
        slow.join();
        // AND apps.connections.open hands out the socket URL only once it is set
        MethodsClient app = slack.methods("xapp-test");
        assertThat(app.appsConnectionsOpen(r -> r).getError()).isEqualTo("no_socket");
        fake.setSocketModeUrl("ws://127.0.0.1:1/");
        assertThat(app.appsConnectionsOpen(r -> r).getUrl()).isEqualTo("ws://127.0.0.1:1/");
    }

    @Test
    void awaiting_a_call_that_never_comes_fails_the_test() {
        assertThatThrownBy(() -> fake.awaitCall("chat.update", 1, Duration.ofMillis(50)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("chat.update");
    }

    @Test
    void the_signature_helper_matches_slacks_documented_vector_and_javax_crypto() throws Exception {
        // GIVEN the example from Slack's "Verifying requests from Slack" page
        String body = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow"
                + "&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner"
                + "&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands"
                + "%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
                + "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
        // THEN
        assertThat(SlackRequests.sign("8f742231b10e8888abcd99yyyzzz85a5", 1531420618L, body))
                .isEqualTo("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503");
        // AND for a Chinese slash command it equals an independent HMAC over the UTF-8 base string
        String chinese = SlackRequests.slashCommand("T1", "C1", "U1", "搜索 自由", "http://x/r", "t1");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("s3cr3t".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = "v0=" + HexFormat.of().formatHex(
                mac.doFinal(("v0:1700000000:" + chinese).getBytes(StandardCharsets.UTF_8)));
        assertThat(SlackRequests.sign("s3cr3t", 1700000000L, chinese)).isEqualTo(expected);
    }

    @Test
    void signed_requests_carry_the_slack_headers_and_keep_chinese_text() throws Exception {
        // GIVEN the fake as a stand-in endpoint
        String body = SlackRequests.slashCommand("T1", "C1", "U1", "quote 自由", fake.responseUrl("a"), "t1");
        String click = SlackRequests.blockAction("T1", "C1", "U1", "vote", "p1:2", "1700000000.000001",
                fake.responseUrl("b"), "t2");
        // WHEN
        HttpResponse<String> response = SlackRequests.post(URI.create(fake.apiUrl() + "slash"), "s3cr3t",
                1700000000L, body, Map.of("X-Slack-Retry-Num", "1"));
        SlackRequests.post(URI.create(fake.apiUrl() + "interactive"), 1700000000L, "v0=bad", click, null);
        // THEN
        assertThat(response.statusCode()).isEqualTo(200);
        FakeSlack.Call slash = fake.awaitCall("slash", 1, WAIT);
        assertThat(slash.form()).containsEntry("text", "quote 自由").containsEntry("command", "/article")
                .containsEntry("response_url", fake.responseUrl("a"));
        assertThat(slash.header("X-Slack-Signature")).isEqualTo(SlackRequests.sign("s3cr3t", 1700000000L, body));
        assertThat(slash.header("X-Slack-Request-Timestamp")).isEqualTo("1700000000");
        assertThat(slash.header("X-Slack-Retry-Num")).isEqualTo("1");
        FakeSlack.Call interactive = fake.awaitCall("interactive", 1, WAIT);
        assertThat(interactive.header("X-Slack-Signature")).isEqualTo("v0=bad");
        JsonNode payload = JSON.readTree(URLDecoder.decode(click.substring("payload=".length()),
                StandardCharsets.UTF_8));
        assertThat(payload.at("/actions/0/action_id").asText()).isEqualTo("vote");
        assertThat(payload.at("/container/message_ts").asText()).isEqualTo("1700000000.000001");
        assertThat(interactive.form().get("payload")).isEqualTo(payload.toString());
    }

    @Test
    void the_socket_mode_fake_says_hello_and_records_the_ack() throws Exception {
        try (FakeSocketMode socket = FakeSocketMode.start()) {
            // GIVEN a plain WebSocket client that acknowledges every envelope
            BlockingQueue<String> inbox = new LinkedBlockingQueue<>();
            WebSocketClient client = new WebSocketClient(URI.create(socket.url())) {
                @Override
                public void onOpen(ServerHandshake handshake) {
                }

                @Override
                public void onMessage(String message) {
                    inbox.add(message);
                    JsonNode node = read(message);
                    if (node.has("envelope_id")) {
                        send("{\"envelope_id\":\"" + node.get("envelope_id").asText()
                                + "\",\"payload\":{\"text\":\"收到\"}}");
                    }
                }

                @Override
                public void onClose(int code, String reason, boolean remote) {
                }

                @Override
                public void onError(Exception e) {
                }
            };
            assertThat(client.connectBlocking(5, TimeUnit.SECONDS)).isTrue();
            try {
                // THEN it is greeted
                JsonNode hello = read(inbox.poll(5, TimeUnit.SECONDS));
                assertThat(hello.path("type").asText()).isEqualTo("hello");
                assertThat(socket.connections()).isEqualTo(1);
                // WHEN a slash command envelope is sent
                String id = socket.send("slash_commands",
                        FakeSocketMode.slashPayload("T1", "C1", "U1", "about", "http://x/r", "t1"));
                // THEN the client saw it and the ack is returned
                JsonNode envelope = read(inbox.poll(5, TimeUnit.SECONDS));
                assertThat(envelope.path("envelope_id").asText()).isEqualTo(id);
                assertThat(envelope.at("/payload/command").asText()).isEqualTo("/article");
                assertThat(envelope.path("accepts_response_payload").asBoolean()).isTrue();
                assertThat(socket.awaitAck(id, WAIT).at("/payload/text").asText()).isEqualTo("收到");
            } finally {
                client.closeBlocking();
            }
        }
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
