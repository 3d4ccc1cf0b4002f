package io.taolun.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.taolun.slack.FakeSlack;
import io.taolun.slack.SlackRequests;
import io.taolun.testing.Await;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * App Home, end to end through the real Bolt with a signed {@code app_home_opened} event: the user's home is
 * published with the article, this workspace's open polls (counts only where they are shown), the user's own votes,
 * and the posts scheduled next; nothing of another workspace.
 */
final class SlackHomeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Await.CEILING;

    @TempDir
    Path data;

    private static HttpResponse<String> opened(SlackServerHarness h, String team, String user, String tab,
            String eventId) {
        return SlackRequests.post(h.events, SlackServerHarness.SECRET, h.now(),
                SlackRequests.appHomeOpened(team, user, tab, eventId), Map.of("Content-Type", "application/json"));
    }

    /** A server whose config makes alice a Slack admin (she schedules), after {@code more} lines of config. */
    private SlackServerHarness withAliceAdmin(String more) throws Exception {
        Path yaml = data.resolve("taolun.yaml");
        java.nio.file.Files.writeString(yaml, more + "polls:\n  admins:\n    slack: [UALICE]\n");
        return new SlackServerHarness(data.resolve("db"), new ConfigLoader().read(yaml));
    }

    private static long pollOf(FakeSlack.Call posted) {
        return Long.parseLong(posted.json().path("blocks").findValuesAsText("value").get(0).split(" ")[1]);
    }

    @Test
    void the_home_shows_the_article_the_workspaces_open_polls_your_votes_and_the_next_posts() throws Exception {
        try (SlackServerHarness h = withAliceAdmin("")) {
            // GIVEN a public poll bob voted in, a poll whose counts are hidden until it closes, and a quote of the day
            h.command("UALICE", "poll --question \"下次读什么？\" --options \"书|论文\" --public");
            FakeSlack.Call first = h.slack.awaitCall("chat.postMessage", 1, WAIT);
            long open = pollOf(first);
            h.vote("UBOB", open, 2, h.pressableTs(first));
            h.command("UALICE", "poll --question \"要不要慢下来？\" --options \"要|不要\" --hidden");
            FakeSlack.Call second = h.slack.awaitCall("chat.postMessage", 2, WAIT);
            long hidden = pollOf(second);
            h.vote("UBOB", hidden, 1, h.pressableTs(second));
            h.command("UALICE", "schedule qotd 09:00 Asia/Shanghai");
            h.awaitQuiet();

            // WHEN bob opens the app's Home tab
            HttpResponse<String> ack = opened(h, "T1", "UBOB", "home", "Ev1");
            assertThat(ack.statusCode()).isEqualTo(200);
            FakeSlack.Call published = h.slack.awaitCall("views.publish", 1, WAIT);
            assertThat(published.json().path("user_id").asText()).isEqualTo("UBOB");
            JsonNode view = published.json().path("view").isTextual()
                    ? JSON.readTree(published.json().path("view").asText()) : published.json().path("view");
            String home = view.toString();
            // THEN it is a home with the article's title and thesis, in the configured language (Chinese)
            assertThat(view.path("type").asText()).isEqualTo("home");
            assertThat(view.path("blocks").get(0).path("type").asText()).isEqualTo("header");
            assertThat(home).contains("一句话：", "这个工作区有 2 个投票正在进行");
            // AND each open poll, newest first, with counts only where they are shown, and bob's own choices
            assertThat(home.indexOf("#" + hidden + " · 要不要慢下来？")).isGreaterThanOrEqualTo(0)
                    .isLessThan(home.indexOf("#" + open + " · 下次读什么？"));
            assertThat(home).contains("书：0 票", "论文：1 票", "你的选择：论文", "你的选择：要", "截止前不公布票数。")
                    .doesNotContain("要：1 票");
            // AND the quote of the day's next post
            assertThat(home).contains("每日一句（定时 #", "（Asia/Shanghai）");
            // AND carol, who has not voted, is told so
            opened(h, "T1", "UCAROL", "home", "Ev2");
            FakeSlack.Call carols = h.slack.awaitCall("views.publish", 2, WAIT);
            assertThat(carols.json().toString()).contains("你还没有投票。").doesNotContain("你的选择");

            // WHEN someone of another workspace opens it, none of these polls or posts are there
            opened(h, "T2", "UZED", "home", "Ev3");
            FakeSlack.Call other = h.slack.awaitCall("views.publish", 3, WAIT);
            assertThat(other.json().path("user_id").asText()).isEqualTo("UZED");
            assertThat(other.json().toString()).contains("这个工作区现在没有进行中的投票", "这个工作区没有定时发布")
                    .doesNotContain("下次读什么？", "每日一句");

            // AND the Messages tab publishes nothing
            opened(h, "T1", "UBOB", "messages", "Ev4");
            h.awaitQuiet();
            assertThat(h.slack.calls("views.publish")).hasSize(3);
            assertThat(h.slack.calls("views.publish").stream().map(c -> c.json().path("user_id").asText()).toList())
                    .isEqualTo(List.of("UBOB", "UCAROL", "UZED"));
        }
    }

    @Test
    void in_english_the_home_and_the_poll_form_read_in_english() throws Exception {
        try (SlackServerHarness h = withAliceAdmin("language: en\n")) {
            h.command("UALICE", "poll --question \"Read what next?\" --options \"Books|Papers\" --public --max 2");
            FakeSlack.Call posted = h.slack.awaitCall("chat.postMessage", 1, WAIT);
            long poll = pollOf(posted);
            String ts = h.pressableTs(posted);
            h.vote("UBOB", poll, 1, ts);
            h.vote("UBOB", poll, 2, ts);
            h.command("UALICE", "schedule weekly-poll mon 09:00 Europe/Berlin");
            h.awaitQuiet();
            opened(h, "T1", "UBOB", "home", "Ev1");
            String home = h.slack.awaitCall("views.publish", 1, WAIT).json().toString();
            assertThat(home).contains("In short: ", "One poll is open in this workspace:",
                    "#" + poll + " · Read what next?", "Books: 1 vote", "Papers: 1 vote", "1 voter",
                    "Your choice: Books, Papers", "Scheduled next in this workspace:",
                    "Weekly discussion poll (schedule #", "(Europe/Berlin)", "Only you see this page.")
                    .doesNotContain("{0}", "{1}");

            h.command("UCAROL", "poll");
            JsonNode form = h.slack.awaitCall("views.open", 1, WAIT).json().path("view");
            JsonNode view = form.isTextual() ? JSON.readTree(form.asText()) : form;
            assertThat(view.toString()).contains("Open a poll", "A claim of the article", "Or a question of your own",
                    "Options, one per line", "up to 10 options", "Hide the counts until it closes",
                    "Closes after (hours)").doesNotContain("{0}");
        }
    }
}
