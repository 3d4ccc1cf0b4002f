package io.taolun.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.taolun.core.TestBot;
import io.taolun.slack.FakeSlack;
import io.taolun.slack.SlackRequests;
import io.taolun.testing.Await;
import io.taolun.testing.ChildJvm;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar serving Slack over HTTP, against a fake Slack on loopback: the "done when". */
final class SlackJarIT {
    private static final String TOKEN = "xoxb-jar-test-token-123";
    private static final String SECRET = "jar-test-signing-secret-456";

    @TempDir
    Path home;

    @Test
    void the_jar_answers_signed_slack_requests_counts_votes_and_refuses_forgeries() throws Exception {
        try (FakeSlack slack = FakeSlack.start()) {
            ProcessBuilder pb = new ProcessBuilder(ChildJvm.jar()).directory(home.toFile());
            pb.environment().keySet().removeIf(k -> k.startsWith("TAOLUN_") || k.startsWith("SLACK_"));
            pb.environment().putAll(Map.of("SLACK_BOT_TOKEN", TOKEN, "SLACK_SIGNING_SECRET", SECRET,
                    "SLACK_API_URL", slack.apiUrl(), "TAOLUN_PORT", "0"));
            Path err = home.resolve("err.txt");
            pb.redirectError(err.toFile());
            Process bot = pb.start();
            try {
                BufferedReader out = new BufferedReader(new InputStreamReader(bot.getInputStream(), StandardCharsets.UTF_8));
                String line = out.readLine();
                Matcher port = Pattern.compile("serving on port (\\d+)").matcher(String.valueOf(line));
                assertThat(port.find()).as("first line: %s; stderr: %s", line, Files.readString(err)).isTrue();
                URI events = URI.create("http://127.0.0.1:" + port.group(1) + "/slack/events");
                long now = System.currentTimeMillis() / 1000;

                // a signed /article quote: 200, Block Kit with a verbatim quote
                HttpResponse<String> quote = SlackRequests.post(events, SECRET, now,
                        SlackRequests.slashCommand("T1", "C1", "alice", "quote 5", slack.responseUrl("q"), "j1"), Map.of());
                assertThat(quote.statusCode()).isEqualTo(200);
                String verbatim = TestBot.library().defaultArticle().orElseThrow().quotes().get(4).text();
                assertThat(new ObjectMapper().readTree(quote.body()).path("blocks").toString()).contains(verbatim);

                // a poll, then a signed vote click: counted
                SlackRequests.post(events, SECRET, now,
                        SlackRequests.slashCommand("T1", "C1", "alice", "poll c2", slack.responseUrl("p"), "j2"), Map.of());
                slack.awaitCall("chat.postMessage", 1, Await.CEILING);
                HttpResponse<String> click = SlackRequests.post(events, SECRET, now, SlackRequests.blockAction("T1",
                        "C1", "bob", "taolun-button-1", "vote 1 2", "1700000000.000001", slack.responseUrl("v"), "j3"),
                        Map.of());
                assertThat(click.statusCode()).isEqualTo(200);
                HttpResponse<String> results = SlackRequests.post(events, SECRET, now,
                        SlackRequests.slashCommand("T1", "C1", "carol", "results 1", slack.responseUrl("r"), "j4"), Map.of());
                assertThat(slack.answerOf(results, "r")).contains("共 1 票", "1 票 · 100%");

                // forgeries: a bad signature and a stale timestamp
                String body = SlackRequests.slashCommand("T1", "C1", "mallory", "poll c3", slack.responseUrl("m"), "j5");
                assertThat(SlackRequests.post(events, now, "v0=00", body, Map.of()).statusCode()).isEqualTo(401);
                assertThat(SlackRequests.post(events, SECRET, now - 600, body, Map.of()).statusCode()).isEqualTo(401);
            } finally {
                bot.destroy();
                assertThat(bot.waitFor(15, TimeUnit.SECONDS)).isTrue();
            }
            // the token and the signing secret never reach the logs
            String log = Files.readString(err);
            assertThat(log).doesNotContain(TOKEN, SECRET);
            assertThat(slack.calls("chat.postMessage")).hasSize(1);
            assertThat(List.of(log)).noneMatch(l -> l.contains("Exception") && l.contains("\tat "));
        }
    }
}
