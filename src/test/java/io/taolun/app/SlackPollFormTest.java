package io.taolun.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.taolun.core.poll.Poll;
import io.taolun.slack.FakeSlack;
import io.taolun.slack.SlackRequests;
import io.taolun.testing.Await;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening a poll through the Slack modal, end to end through the real Bolt with signed payloads: {@code /article poll}
 * with nothing after it opens the modal, the message shortcut opens it with the message as the question, a
 * submission opens the poll it describes and posts it, a refusal stays in the modal, and a repeated submission opens
 * nothing twice.
 */
final class SlackPollFormTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Await.CEILING;

    @TempDir
    Path data;

    private static ObjectNode typed(String text) {
        return JSON.createObjectNode().put("type", "plain_text_input").put("value", text);
    }

    private static ObjectNode selected(String type, String value) {
        ObjectNode node = JSON.createObjectNode().put("type", type);
        node.putObject("selected_option").put("value", value).putObject("text").put("type", "plain_text")
                .put("text", value);
        return node;
    }

    private static ObjectNode checked(String... values) {
        ObjectNode node = JSON.createObjectNode().put("type", "checkboxes");
        var options = node.putArray("selected_options");
        for (String value : values) {
            options.addObject().put("value", value).putObject("text").put("type", "plain_text").put("text", value);
        }
        return node;
    }

    private static JsonNode block(JsonNode view, String id) {
        for (JsonNode block : view.path("blocks")) {
            if (block.path("block_id").asText().equals(id)) {
                return block;
            }
        }
        throw new AssertionError("no block " + id + " in " + view);
    }

    @Test
    void a_poll_opened_through_the_modal_is_the_poll_the_form_describes_and_a_refusal_stays_in_the_modal()
            throws Exception {
        try (SlackServerHarness h = new SlackServerHarness(data)) {
            // WHEN alice types /article poll with nothing after it
            HttpResponse<String> ack = h.command("UALICE", "poll");
            assertThat(ack.statusCode()).isEqualTo(200);
            assertThat(ack.body()).isEmpty();
            // THEN the modal opens with her trigger, in Chinese, with every claim of the article to pick from
            FakeSlack.Call opened = h.slack.awaitCall("views.open", 1, WAIT);
            JsonNode view = JSON.readTree(opened.json().path("view").asText().isEmpty()
                    ? opened.json().path("view").toString() : opened.json().path("view").asText());
            assertThat(view.path("callback_id").asText()).isEqualTo("taolun-poll");
            assertThat(view.path("title").path("text").asText()).isEqualTo("开一个投票");
            assertThat(block(view, "claim").path("element").path("options")).hasSize(40);
            assertThat(block(view, "question").path("label").path("text").asText()).isEqualTo("或者你自己的问题");
            assertThat(view.path("blocks").findValuesAsText("block_id"))
                    .containsExactly("claim", "question", "options", "max", "settings", "hours");
            assertThat(h.slack.calls("chat.postMessage")).isEmpty();

            // WHEN she submits a question of her own, three options, up to 2 each, public, closing in 48 hours
            Map<String, ObjectNode> state = new LinkedHashMap<>();
            state.put("question", typed("下次读什么？"));
            state.put("options", typed("书\n论文 | 报告\n\n博客"));
            state.put("max", selected("static_select", "2"));
            state.put("settings", checked("--public"));
            state.put("hours", JSON.createObjectNode().put("type", "number_input").put("value", "48"));
            HttpResponse<String> submitted = h.post(SlackRequests.viewSubmission("T1", "UALICE", view, state, "V1"),
                    Map.of());
            assertThat(submitted.statusCode()).isEqualTo(200);
            assertThat(submitted.body()).doesNotContain("errors");
            // THEN the poll is posted in the channel as the bot, as she described it
            FakeSlack.Call posted = h.slack.awaitCall("chat.postMessage", 1, WAIT);
            assertThat(posted.json().path("channel").asText()).isEqualTo("C1");
            assertThat(posted.json().toString()).contains("下次读什么？", "报告");
            List<String> buttons = posted.json().path("blocks").findValuesAsText("value");
            long id = Long.parseLong(buttons.get(0).split(" ")[1]);
            // one option a line, or several on a line separated by |: 书, 论文, 报告, 博客
            assertThat(buttons).contains("vote " + id + " 1", "vote " + id + " 2", "vote " + id + " 3",
                    "vote " + id + " 4");
            Poll poll = h.app.pollQueries().find(id).orElseThrow();
            assertThat(poll.opener()).isEqualTo("UALICE");
            assertThat(poll.maxChoices()).isEqualTo(2);
            assertThat(poll.anonymous()).isFalse();
            assertThat(poll.hiddenResults()).isFalse();
            assertThat(Duration.between(poll.openedAt(), poll.closesAt().orElseThrow())).isEqualTo(Duration.ofHours(48));

            // AND the same submission delivered again opens nothing more
            h.post(SlackRequests.viewSubmission("T1", "UALICE", view, state, "V1"), Map.of());
            h.awaitQuiet();
            assertThat(h.slack.calls("chat.postMessage")).hasSize(1);

            // WHEN a submission picks a claim and also asks a question of its own
            Map<String, ObjectNode> both = new LinkedHashMap<>();
            both.put("claim", selected("static_select", block(view, "claim").path("element").path("options").get(0)
                    .path("value").asText()));
            both.put("question", typed("别的？"));
            HttpResponse<String> refused = h.post(SlackRequests.viewSubmission("T1", "UALICE", view, both, "V2"),
                    Map.of());
            // THEN the modal stays open with the reason under the question, and nothing is posted
            JsonNode errors = JSON.readTree(refused.body());
            assertThat(errors.path("response_action").asText()).isEqualTo("errors");
            assertThat(errors.path("errors").path("question").asText()).isNotBlank().doesNotContain("{0}");
            h.awaitQuiet();
            assertThat(h.slack.calls("chat.postMessage")).hasSize(1);

            // AND an empty form opens a poll on the next claim, as /article poll does elsewhere
            h.post(SlackRequests.viewSubmission("T1", "UBOB", view, Map.of(), "V3"), Map.of());
            FakeSlack.Call onClaim = h.slack.awaitCall("chat.postMessage", 2, WAIT);
            assertThat(onClaim.json().path("blocks").findValuesAsText("value")).hasSizeGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void the_message_shortcut_opens_the_modal_with_the_message_as_the_question_and_a_lost_trigger_is_explained()
            throws Exception {
        try (SlackServerHarness h = new SlackServerHarness(data)) {
            HttpResponse<String> ack = h.post(SlackRequests.messageShortcut("T1", "C1", "UALICE", "taolun-discuss",
                    "<@U0123> 说：<@U7|bob> 在 <#C9|general> 问 我们该 *慢下来* 吗？ <https://example.org/a|原文> &amp; <!here>",
                    "trigger-s1",
                    h.slack.responseUrl("shortcut")), Map.of());
            assertThat(ack.statusCode()).isEqualTo(200);
            FakeSlack.Call opened = h.slack.awaitCall("views.open", 1, WAIT);
            assertThat(opened.json().path("trigger_id").asText()).isEqualTo("trigger-s1");
            JsonNode view = JSON.readTree(opened.json().path("view").asText().isEmpty()
                    ? opened.json().path("view").toString() : opened.json().path("view").asText());
            assertThat(block(view, "question").path("element").path("initial_value").asText())
                    .isEqualTo("@U0123 说：@bob 在 #general 问 我们该 *慢下来* 吗？ 原文 & here");

            // WHEN Slack will not open a modal (the trigger expired), the opener is told what to type instead
            // AND /article poll --lang en opens it in English
            h.command("UCAROL", "poll --lang en");
            JsonNode english = h.slack.awaitCall("views.open", 2, WAIT).json().path("view");
            assertThat(english.toString()).contains("Open a poll");
            assertThat(h.slack.calls("chat.postMessage")).isEmpty();
            // (the fake decides a refusal when it answers: the English form's answer must be given first)
            h.awaitQuiet();

            h.slack.refuseNext("views.open", 1, "expired_trigger_id");
            h.command("UBOB", "poll");
            Await.until("the opener is told the form did not open", () -> h.slack.calls("response_url").stream()
                    .anyMatch(c -> c.path().endsWith("/cmd-UBOB") && c.body().contains("投票表单没能打开")));
            assertThat(h.slack.calls("chat.postMessage")).isEmpty();
        }
    }
}
