package io.taolun.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.taolun.core.Attachment;
import io.taolun.core.ChannelRef;
import io.taolun.core.DeliveryException;
import io.taolun.core.Reply;
import io.taolun.core.Visibility;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Discord gateway, through the production JDA setup, against the fake Discord on loopback. */
@Timeout(value = 15, unit = TimeUnit.MINUTES)
final class DiscordGatewayTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Short, so that a held-back answer times out quickly. */
    private static final Duration REST_TIMEOUT = Duration.ofSeconds(2);
    private static final ChannelRef GENERAL = new ChannelRef("discord", FakeDiscord.GUILD_ID, FakeDiscord.CHANNEL_ID);
    private static final String MESSAGES = "channels/" + FakeDiscord.CHANNEL_ID + "/messages";
    private static final String THREADS = "channels/" + FakeDiscord.CHANNEL_ID + "/messages/\\d+/threads";

    private final FakeDiscord fake = FakeDiscord.start();
    private JDA jda;
    private DiscordGateway gateway;

    @BeforeEach
    void login() throws InterruptedException {
        fake.announceGuild();
        DiscordSettings settings = new DiscordSettings("fake-bot-token", fake.apiUrl(), fake.gatewayUrl(), List.of());
        jda = Sessions.builder(settings, REST_TIMEOUT).build();
        jda.awaitReady();
        gateway = new DiscordGateway(() -> jda);
    }

    @AfterEach
    void stop() throws InterruptedException {
        jda.shutdownNow();
        jda.awaitShutdown(Duration.ofSeconds(5));
        fake.close();
    }

    private static Reply poll(String title) {
        return Reply.builder().title(title).text("Is @everyone convinced?").button("vote 3 1", "Agree")
                .button("vote 3 2", "Disagree").visibility(Visibility.IN_CHANNEL).build();
    }

    /** The embed as Discord stores it: the rendered one, typed "rich". */
    private static JsonNode stored(Reply reply) throws Exception {
        return ((ObjectNode) JSON.readTree(Embeds.embed(reply).toData().toString())).put("type", "rich");
    }

    @Test
    void a_post_lands_as_the_reply_embed_with_its_buttons_an_enforced_nonce_and_no_mentions() throws Exception {
        // GIVEN a poll reply
        Reply reply = poll("Poll #3");
        // WHEN it is posted to #general
        String id = gateway.post(GENERAL, Optional.empty(), reply, "poll3open");
        // THEN Discord stored it once, rendered as an interaction reply would be
        FakeChannels.Posted posted = fake.messages(FakeDiscord.CHANNEL_ID).get(0);
        assertThat(fake.messages(FakeDiscord.CHANNEL_ID)).hasSize(1);
        assertThat(posted.id()).isEqualTo(id);
        assertThat(posted.json().path("embeds").get(0)).isEqualTo(stored(reply));
        assertThat(posted.json().path("components").findValuesAsText("custom_id")).containsExactly("vote 3 1",
                "vote 3 2");
        // AND the request asked Discord to drop a repeat of its nonce and to ping no one
        JsonNode sent = fake.calls("POST", MESSAGES).get(0).json();
        assertThat(sent.path("nonce").asText()).isEqualTo("poll3open");
        assertThat(sent.path("enforce_nonce").asBoolean()).isTrue();
        JsonNode mentions = sent.path("allowed_mentions");
        assertThat(mentions.isObject()).isTrue();
        assertThat(mentions.path("parse").isArray() && mentions.path("parse").isEmpty()).isTrue();
        assertThat(mentions.path("users").size() + mentions.path("roles").size()).isZero();
    }

    @Test
    void a_post_under_a_message_starts_a_thread_from_it_and_posts_there() throws Exception {
        // GIVEN a weekly poll in #general
        String poll = gateway.post(GENERAL, Optional.empty(), poll("Weekly poll"), "weekly1");
        // WHEN its results are posted under it
        String results = gateway.post(GENERAL, Optional.of(poll), poll("Results: 7 agree"), "weekly1res");
        // THEN a thread was started from the poll message (same id), named after the reply, holding the results
        assertThat(fake.thread(poll)).hasValueSatisfying(thread -> {
            assertThat(thread.path("parent_id").asText()).isEqualTo(FakeDiscord.CHANNEL_ID);
            assertThat(thread.path("name").asText()).isEqualTo("Results: 7 agree");
            assertThat(thread.path("thread_metadata").path("auto_archive_duration").asInt()).isEqualTo(10080);
        });
        assertThat(fake.messages(poll)).extracting(FakeChannels.Posted::id).containsExactly(results);
        assertThat(fake.messages(FakeDiscord.CHANNEL_ID)).hasSize(1);
    }

    @Test
    void a_thread_has_replies_once_a_member_writes_in_it_and_the_bots_own_posts_do_not_count() throws Exception {
        // GIVEN a poll with no thread yet
        String poll = gateway.post(GENERAL, Optional.empty(), poll("Weekly poll"), "weekly4");
        // THEN it has no replies, read without starting a thread
        assertThat(gateway.hasReplies(GENERAL, poll)).isFalse();
        assertThat(fake.calls("POST", THREADS)).isEmpty();
        // WHEN the bot posts its thread and a prompt under it
        gateway.post(GENERAL, Optional.of(poll), poll("Poll #4 · c1"), "weekly4t");
        gateway.post(GENERAL, Optional.of(poll), poll("Prompt 2 of 3"), "weekly4q2");
        // THEN it still has none
        assertThat(gateway.hasReplies(GENERAL, poll)).isFalse();
        // WHEN a member writes in the thread
        fake.userPosts(poll, "4242", "I disagree: the analogy ignores open-source models");
        // THEN it has; the thread's latest messages were read through REST once per check since it was started
        assertThat(gateway.hasReplies(GENERAL, poll)).isTrue();
        assertThat(fake.calls("GET", "channels/" + poll + "/messages")).hasSize(2)
                .allSatisfy(call -> assertThat(call.query()).isEqualTo("limit=100"));
    }

    @Test
    void a_second_post_under_the_same_message_reuses_its_thread() throws Exception {
        // GIVEN a thread under a poll
        String poll = gateway.post(GENERAL, Optional.empty(), poll("Weekly poll"), "weekly2");
        gateway.post(GENERAL, Optional.of(poll), poll("Day 1"), "weekly2day1");
        // WHEN another reply goes under the same message
        gateway.post(GENERAL, Optional.of(poll), poll("Day 2"), "weekly2day2");
        // THEN it went into the same thread, which was started once
        assertThat(fake.messages(poll)).hasSize(2);
        assertThat(fake.calls("POST", THREADS)).hasSize(1);
    }

    @Test
    void a_thread_started_meanwhile_by_another_process_is_fetched_and_used() throws Exception {
        // GIVEN a poll, and a thread under it that this session never heard of (another replica started it)
        String poll = gateway.post(GENERAL, Optional.empty(), poll("Weekly poll"), "weekly3");
        HttpResponse<String> elsewhere = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(fake.apiUrl() + "channels/" + FakeDiscord.CHANNEL_ID + "/messages/" + poll
                                + "/threads"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Weekly poll\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(elsewhere.statusCode()).isEqualTo(201);
        // WHEN this process posts under the same message
        String reply = gateway.post(GENERAL, Optional.of(poll), poll("Day 1"), "weekly3day1");
        // THEN Discord's "already created" (160004) led it to that thread
        assertThat(fake.messages(poll)).extracting(FakeChannels.Posted::id).containsExactly(reply);
        assertThat(fake.calls("POST", THREADS)).hasSize(2);
    }

    @Test
    void a_chart_is_uploaded_as_a_file_with_its_exact_bytes() throws Exception {
        // GIVEN a results reply with a PNG, whose bytes include every value (not valid UTF-8)
        byte[] png = new byte[264];
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
        System.arraycopy(signature, 0, png, 0, signature.length);
        for (int i = 0; i < 256; i++) {
            png[signature.length + i] = (byte) i;
        }
        Reply reply = Reply.builder().title("Poll #3 results").attach(new Attachment("poll-3.png", "image/png", png))
                .visibility(Visibility.IN_CHANNEL).build();
        // WHEN it is posted
        gateway.post(GENERAL, Optional.empty(), reply, "poll3chart");
        // THEN the file arrived intact beside the embed, in a multipart request
        FakeChannels.Posted posted = fake.messages(FakeDiscord.CHANNEL_ID).get(0);
        assertThat(posted.files()).singleElement().satisfies(file -> {
            assertThat(file.fileName()).isEqualTo("poll-3.png");
            assertThat(file.bytes()).isEqualTo(png);
        });
        assertThat(posted.json().path("embeds").get(0).path("title").asText()).isEqualTo("Poll #3 results");
        assertThat(fake.calls("POST", MESSAGES).get(0).header("Content-Type")).startsWith("multipart/form-data");
    }

    @Test
    void a_retry_after_a_lost_answer_posts_nothing_twice() throws Exception {
        // GIVEN Discord stores the post but its answer is lost in a 500
        fake.failNextAfterApplying("POST", MESSAGES, 1, 500);
        DeliveryException lost = catchThrowableOfType(
                () -> gateway.post(GENERAL, Optional.empty(), poll("Poll #4"), "poll4open"), DeliveryException.class);
        assertThat(lost.retryable()).isTrue();
        // WHEN the caller retries with the same dedupe key
        String id = gateway.post(GENERAL, Optional.empty(), poll("Poll #4"), "poll4open");
        // THEN Discord returned the stored message: one post, its id
        assertThat(fake.messages(FakeDiscord.CHANNEL_ID)).extracting(FakeChannels.Posted::id).containsExactly(id);
    }

    @Test
    void jda_itself_resends_after_a_502_and_the_nonce_keeps_it_to_one_message() throws Exception {
        // GIVEN Discord stores the post but answers 502, which JDA retries on its own
        fake.failNextAfterApplying("POST", MESSAGES, 1, 502);
        // WHEN posting
        String id = gateway.post(GENERAL, Optional.empty(), poll("Poll #5"), "poll5open");
        // THEN the same request went twice and one message exists
        assertThat(fake.calls("POST", MESSAGES)).hasSize(2);
        assertThat(fake.messages(FakeDiscord.CHANNEL_ID)).extracting(FakeChannels.Posted::id).containsExactly(id);
    }

    @Test
    void a_post_whose_answer_times_out_is_retryable_and_its_retry_posts_nothing_twice() throws Exception {
        // GIVEN Discord stores the post but answers after the call timeout
        fake.delayNext("POST", MESSAGES, 1, REST_TIMEOUT.multipliedBy(2));
        DeliveryException timedOut = catchThrowableOfType(
                () -> gateway.post(GENERAL, Optional.empty(), poll("Poll #6"), "poll6open"), DeliveryException.class);
        assertThat(timedOut.retryable()).isTrue();
        // WHEN the caller retries
        String id = gateway.post(GENERAL, Optional.empty(), poll("Poll #6"), "poll6open");
        // THEN
        assertThat(fake.messages(FakeDiscord.CHANNEL_ID)).extracting(FakeChannels.Posted::id).containsExactly(id);
    }

    @Test
    void a_rate_limit_is_retryable_after_discords_wait_and_not_waited_out_inside() {
        // GIVEN Discord rate limits the next post for 3 s
        fake.failNext("POST", MESSAGES, 1, 429, 3);
        // WHEN posting
        DeliveryException limited = catchThrowableOfType(
                () -> gateway.post(GENERAL, Optional.empty(), poll("Poll #7"), "poll7open"), DeliveryException.class);
        // THEN the caller gets the wait, after one request
        assertThat(limited.retryable()).isTrue();
        assertThat(limited.retryAfter()).contains(Duration.ofSeconds(3));
        assertThat(fake.calls("POST", MESSAGES)).hasSize(1);
        assertThat(fake.messages(FakeDiscord.CHANNEL_ID)).isEmpty();
    }

    @Test
    void a_server_error_is_retryable() {
        fake.failNext("POST", MESSAGES, 1, 500, null);

        DeliveryException failed = catchThrowableOfType(
                () -> gateway.post(GENERAL, Optional.empty(), poll("Poll #8"), "poll8open"), DeliveryException.class);

        assertThat(failed.retryable()).isTrue();
        assertThat(fake.calls("POST", MESSAGES)).hasSize(1);
    }

    @ParameterizedTest(name = "HTTP {0}, Discord error {1}")
    @CsvSource({"404, 10003", "403, 50001", "403, 50013"})
    void a_channel_discord_refuses_is_a_permanent_failure(int status, int code) {
        // GIVEN Discord refuses the channel: unknown (deleted), missing access, missing permissions
        fake.failNextWithCode("POST", MESSAGES, 1, status, code);
        // WHEN posting
        DeliveryException refused = catchThrowableOfType(
                () -> gateway.post(GENERAL, Optional.empty(), poll("Poll #9"), "poll9open"), DeliveryException.class);
        // THEN trying again will not help
        assertThat(refused.retryable()).isFalse();
        assertThat(refused.getMessage()).contains(String.valueOf(code));
    }

    @Test
    void a_channel_this_session_does_not_know_is_a_permanent_failure_without_a_request() {
        ChannelRef gone = new ChannelRef("discord", FakeDiscord.GUILD_ID, "1400000000000000999");

        DeliveryException unknown = catchThrowableOfType(
                () -> gateway.post(gone, Optional.empty(), poll("Poll #10"), "poll10open"), DeliveryException.class);

        assertThat(unknown.retryable()).isFalse();
        assertThat(fake.calls("POST", "channels/.*")).isEmpty();
    }

    @Test
    void an_edit_replaces_the_embed_and_the_buttons() throws Exception {
        // GIVEN a posted poll
        String id = gateway.post(GENERAL, Optional.empty(), poll("Poll #11"), "poll11open");
        // WHEN it is edited to its closed state, without buttons
        Reply closed = Reply.builder().title("Poll #11 · closed").text("7 agree, 2 disagree")
                .visibility(Visibility.IN_CHANNEL).build();
        gateway.edit(GENERAL, id, closed);
        // THEN
        JsonNode now = fake.messages(FakeDiscord.CHANNEL_ID).get(0).json();
        assertThat(now.path("embeds").get(0)).isEqualTo(stored(closed));
        assertThat(now.path("components").isEmpty()).isTrue();
        assertThat(fake.calls("PATCH", MESSAGES + "/" + id).get(0).json().path("allowed_mentions").path("parse")
                .isEmpty()).isTrue();
    }

    @Test
    void a_message_in_a_thread_is_edited_through_the_thread() throws Exception {
        // GIVEN a reply in the thread under a poll
        String poll = gateway.post(GENERAL, Optional.empty(), poll("Weekly poll"), "weekly12");
        String day = gateway.post(GENERAL, Optional.of(poll), poll("Day 1"), "weekly12day1");
        // WHEN it is edited, the thread (the poll's id) given as the channel
        gateway.edit(new ChannelRef("discord", FakeDiscord.GUILD_ID, poll), day, poll("Day 1 · closed"));
        // THEN
        assertThat(fake.messages(poll).get(0).json().path("embeds").get(0).path("title").asText())
                .isEqualTo("Day 1 · closed");
    }

    @Test
    void editing_a_message_discord_does_not_know_is_a_permanent_failure() {
        fake.failNextWithCode("PATCH", MESSAGES + "/\\d+", 1, 404, 10008);

        DeliveryException unknown = catchThrowableOfType(
                () -> gateway.edit(GENERAL, "1700000000000000007", poll("Poll #13")), DeliveryException.class);

        assertThat(unknown.retryable()).isFalse();
        assertThat(unknown.getMessage()).contains("10008");
    }

    @Test
    void only_a_channel_of_a_guild_this_session_holds_can_be_posted_to() {
        assertThat(gateway.canPost(GENERAL)).isTrue();
        assertThat(gateway.canPost(new ChannelRef("discord", FakeDiscord.GUILD_ID, "1400000000000000999"))).isTrue();
        assertThat(gateway.canPost(new ChannelRef("discord", "1300000000000000999", "1400000000000000998"))).isFalse();
        assertThat(gateway.canPost(new ChannelRef("discord", "1300000000000000999", FakeDiscord.CHANNEL_ID))).isFalse();
        assertThat(gateway.canPost(new ChannelRef("slack", FakeDiscord.GUILD_ID, FakeDiscord.CHANNEL_ID))).isFalse();
    }

    @Test
    void a_session_that_has_not_started_can_post_nowhere_and_its_posts_are_retryable() {
        DiscordGateway early = new DiscordGateway(() -> null);

        assertThat(early.canPost(GENERAL)).isFalse();
        assertThat(catchThrowableOfType(() -> early.post(GENERAL, Optional.empty(), poll("x"), "early1"),
                DeliveryException.class).retryable()).isTrue();
    }

    @Test
    void a_thread_name_is_one_line_of_the_reply_within_discords_limit() {
        assertThat(DiscordGateway.threadName(Reply.builder().text("first line\nsecond").build()))
                .isEqualTo("first line");
        assertThat(DiscordGateway.threadName(Reply.builder().title("x".repeat(300)).build()))
                .hasSize(DiscordGateway.THREAD_NAME_MAX);
        assertThat(DiscordGateway.threadName(Reply.builder().build())).isNotBlank();
    }

    @Test
    void a_dedupe_key_discord_would_not_take_as_a_nonce_is_refused_before_sending() {
        assertThatThrownBy(() -> gateway.post(GENERAL, Optional.empty(), poll("x"), "not a key!"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(fake.calls("POST", MESSAGES)).isEmpty();
    }
}
