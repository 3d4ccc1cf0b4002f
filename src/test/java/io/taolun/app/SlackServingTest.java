package io.taolun.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.taolun.slack.SlackRequests;
import io.taolun.testing.TouchesTime;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Slack's HTTP endpoint refuses what it must not take, at once: stale or future timestamps, deeply nested JSON. */
@TouchesTime
final class SlackServingTest {
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

    /**
     * Posts a properly signed {@code /article help} whose timestamp lies {@code offset} from the bot's clock. The
     * clock is set to a whole second just before and runs on, so the offset the bot sees is smaller by the time the
     * request takes: offsets ahead are chosen with room for that on a slow machine (faketime, a loaded CI).
     */
    private HttpResponse<String> helpSignedAt(Duration offset) {
        long now = h.clock.instant().getEpochSecond() + 1;
        h.clock.set(Instant.ofEpochSecond(now));
        String body = SlackRequests.slashCommand("T1", "C1", "alice", "help", h.slack.responseUrl("t"),
                h.nextTrigger());
        return SlackRequests.post(h.events, SlackServerHarness.SECRET, now + offset.toSeconds(), body, Map.of());
    }

    @Test
    void a_timestamp_more_than_five_minutes_ahead_or_behind_is_refused_with_401() {
        // WHEN requests are signed 330 s ahead, a day ahead and 301 s behind the bot's clock
        int ahead = helpSignedAt(Duration.ofSeconds(330)).statusCode();
        int dayAhead = helpSignedAt(Duration.ofDays(1)).statusCode();
        int behind = helpSignedAt(Duration.ofSeconds(-301)).statusCode();
        // THEN each is refused
        assertThat(ahead).isEqualTo(401);
        assertThat(dayAhead).isEqualTo(401);
        assertThat(behind).isEqualTo(401);
    }

    @Test
    void a_timestamp_within_five_minutes_ahead_is_accepted() {
        // WHEN a request is signed 299 s ahead of the bot's clock (a Slack whose clock runs fast)
        HttpResponse<String> response = helpSignedAt(Duration.ofSeconds(299));
        // THEN it is answered: in the acknowledgement, or (on a machine slowed past the 2 s budget) through
        // response_url right after it
        assertThat(response.statusCode()).isEqualTo(200);
        String answer = response.body().isEmpty()
                ? h.slack.awaitCall("response_url", 1, io.taolun.testing.Await.CEILING).body() : response.body();
        assertThat(answer).contains("blocks");
    }

    @Test
    void a_signed_payload_nested_thousands_of_levels_deep_gets_400_at_once_and_the_server_serves_on() {
        // GIVEN a block action payload with 10,000 nested arrays in it (about 60 KB as a form field)
        String json = "{\"type\":\"block_actions\",\"x\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}";
        String body = "payload=" + URLEncoder.encode(json, StandardCharsets.UTF_8);
        assertThat(body.length()).isBetween(50_000, 64 * 1024);
        // WHEN it is posted, signed, and a JSON body as deep too
        HttpResponse<String> deepForm = SlackRequests.post(h.events, SlackServerHarness.SECRET, h.now(), body,
                Map.of());
        HttpResponse<String> deepJson = SlackRequests.post(h.events, SlackServerHarness.SECRET, h.now(), json,
                Map.of());
        // THEN both are refused as malformed, and the next command is served as usual
        assertThat(deepForm.statusCode()).isEqualTo(400);
        assertThat(deepJson.statusCode()).isEqualTo(400);
        assertThat(helpSignedAt(Duration.ZERO).statusCode()).isEqualTo(200);
    }
}
