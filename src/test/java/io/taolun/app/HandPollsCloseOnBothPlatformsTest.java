package io.taolun.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.taolun.core.article.SeedLoader;
import io.taolun.discord.FakeChannels;
import io.taolun.discord.FakeDiscord;
import io.taolun.slack.FakeSlack;
import io.taolun.slack.SlackRequests;
import io.taolun.store.DbRitualScheduler;
import io.taolun.store.ScheduledTasks;
import io.taolun.store.SettableClock;
import io.taolun.testing.Await;
import io.taolun.testing.TouchesTime;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Polls opened by hand on Slack and on Discord, run by one process serving both with the real Bolt and the real JDA
 * against the loopback fakes: at their deadline or when closed by hand, their message is updated (chat.update, an
 * edit) to a closed poll without buttons, and their results with the chart are posted once in their channel, also
 * after a restart; a press on a stale button is answered that the poll is closed.
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES)
@TouchesTime
final class HandPollsCloseOnBothPlatformsTest {
    private static final Duration WAIT = Await.CEILING;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "hand-polls-signing-secret";
    private static final String TEAM = "T1";
    private static final String SLACK_CHANNEL = "C1";
    private static final String DISCORD_CHANNEL = FakeDiscord.CHANNEL_ID;
    /**
     * The fake guild's owner: with the guild in JDA's cache, Manage Server (which /article-admin needs) is worked out
     * from the guild, where only the owner has it.
     */
    private static final String OWNER = "1";
    private static final Instant START = Instant.parse("2026-11-30T01:00:00Z");
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final Rituals.Timing FAST = new Rituals.Timing(
            new DbRitualScheduler.Settings("test", Duration.ofMillis(100), Duration.ofSeconds(1), 2),
            Duration.ofMillis(100), Duration.ofMinutes(2), Duration.ofMillis(200));

    @TempDir
    Path data;

    /** One process serving both fakes, on the data directory's H2 file. */
    private final class Process implements AutoCloseable {
        final Composition app;
        final Server server;
        final URI events;

        Process(FakeSlack slack, FakeDiscord discord, SettableClock clock) throws Exception {
            TaolunConfig config = TaolunConfig.defaults();
            Map<String, String> env = Map.of(
                    "SLACK_BOT_TOKEN", "xoxb-hand", "SLACK_SIGNING_SECRET", SECRET, "SLACK_API_URL", slack.apiUrl(),
                    "DISCORD_TOKEN", "hand-discord", "DISCORD_API_URL", discord.apiUrl(),
                    "DISCORD_GATEWAY_URL", discord.gatewayUrl(), "TAOLUN_PORT", "0");
            app = new Composition(config, new SeedLoader().load(Path.of("seeds")), DatabaseSettings.from(env, data),
                    clock, new Random(5), e -> { }, FAST, Outbound.of(PlatformSettings.from(env)));
            server = new Server(app, config, PlatformSettings.from(env), clock,
                    new PrintStream(OutputStream.nullOutputStream()));
            await("Discord connected with its guild", () -> server.health().json()
                    .contains("\"discord\":\"connected\""));
            events = URI.create("http://127.0.0.1:" + server.port() + "/slack/events");
        }

        /**
         * Runs a slash command and returns its answer: in the acknowledgement, or (not ready within Slack's budget
         * on a slow machine) through its response_url.
         */
        String slash(FakeSlack slack, SettableClock clock, String user, String text, String trigger)
                throws Exception {
            HttpResponse<String> ack = SlackRequests.post(events, SECRET, clock.instant().getEpochSecond(),
                    SlackRequests.slashCommand(TEAM, SLACK_CHANNEL, user, text, slack.responseUrl(trigger), trigger),
                    Map.of());
            if (ack.body().contains("\"blocks\"") || text.startsWith("poll") || text.startsWith("round")) {
                return ack.body();
            }
            await("the answer to " + text, () -> slack.calls("response_url").stream()
                    .anyMatch(c -> c.path().endsWith("/" + trigger)));
            return slack.calls("response_url").stream().filter(c -> c.path().endsWith("/" + trigger)).findFirst()
                    .orElseThrow().body();
        }

        /** The message id an adapter recorded for the poll, once it is recorded. */
        String recorded(long pollId) {
            String prefix = "u" + pollId + " sent ";
            await("poll #" + pollId + " recorded as posted", () -> app.rituals().outbox().describe().stream()
                    .anyMatch(row -> row.startsWith(prefix)));
            return app.rituals().outbox().describe().stream().filter(row -> row.startsWith(prefix)).findFirst()
                    .orElseThrow().split(" ")[3];
        }

        void settled(SettableClock clock) {
            await("every recorded post made and nothing scheduled due", () -> app.rituals().outbox().depth(clock.instant()) == 0
                    && ScheduledTasks.settled(app.database().dataSource(), clock.instant()));
        }

        @Override
        public void close() {
            server.close(0);
            app.close();
        }
    }

    @Test
    void hand_polls_reaching_their_deadline_are_shown_closed_and_their_results_posted_once_on_both_platforms()
            throws Exception {
        SettableClock clock = SettableClock.ticking(START);
        try (FakeSlack slack = FakeSlack.start(); FakeDiscord discord = FakeDiscord.start()) {
            discord.announceGuild();
            long slackPoll;
            long discordPoll;
            String slackTs;
            String discordMessage;
            try (Process p = new Process(slack, discord, clock)) {
                // GIVEN a poll of an hour opened by hand on Slack, posted as the bot, and one on Discord
                p.slash(slack, clock, "U_ALICE", "poll c1 --hours 1", "trigger-open");
                FakeSlack.Call posted = slack.awaitCall("chat.postMessage", 1, WAIT);
                slackTs = tsOf(slack, posted);
                slackPoll = pollOf(posted.json().path("blocks").findValuesAsText("value"));
                JsonNode discordAnswer = send(discord, admin(FakeDiscord.slashCommand(OWNER, "en-US", "poll",
                        Map.of("claim", "c2", "hours", 1))));
                assertThat(discordAnswer.toString()).as("the Discord poll").contains("custom_id");
                discordPoll = pollOf(discordAnswer.path("data").path("components").findValuesAsText("custom_id"));
                assertThat(discordPoll).isNotEqualTo(slackPoll);
                assertThat(p.recorded(slackPoll)).isEqualTo(slackTs);
                discordMessage = p.recorded(discordPoll);
                // AND a vote on each, through its button
                press(p, slack, clock, slackPoll, slackTs, "U_BOB", "2", "trigger-bob");
                discord.sendInteraction(FakeDiscord.button("carol", "en-US", "vote " + discordPoll + " 1",
                        discordMessage));
                await("the Slack poll message shows the vote", () -> slack.calls("chat.update").stream()
                        .anyMatch(u -> u.json().path("ts").asText().equals(slackTs)
                                && u.json().toString().contains("共 1 票")));

                // WHEN the clock passes both deadlines
                clock.set(START.plus(Duration.ofHours(1)).plusSeconds(1));

                // THEN the Slack message is updated to the closed poll, with its final tally and no buttons
                await("the Slack poll message closed", () -> closedUpdate(slack, slackTs));
                // AND the Discord message is edited to the closed poll, with no buttons
                await("the Discord poll message closed", () -> closedEdit(discord, discordMessage));
                // AND the results with the chart are posted once in each channel
                slack.awaitCall("files.completeUploadExternal", 1, WAIT);
                await("the Discord results", () -> !discord.messages(DISCORD_CHANNEL).isEmpty());
                p.settled(clock);
                assertResultsOnce(slack, discord, slackPoll, discordPoll);

                // AND a press on the closed poll's stale button is answered that it is closed and counts nothing
                press(p, slack, clock, slackPoll, slackTs, "U_DAVE", "1", "trigger-dave");
                await("dave told the poll is closed", () -> slack.calls("response_url").stream()
                        .anyMatch(c -> c.body().contains("#" + slackPoll + " 已经截止")));
                String stale = FakeDiscord.button("erin", "en-US", "vote " + discordPoll + " 2", discordMessage);
                discord.sendInteraction(stale);
                assertThat(discord.awaitAnswer(stale, WAIT).toString()).contains("#" + discordPoll, "closed");
                assertThat(p.slash(slack, clock, "U_ALICE", "results " + slackPoll, "trigger-results"))
                        .contains("共 1 票");
            }

            // WHEN the process restarts on the same database
            try (Process again = new Process(slack, discord, clock)) {
                again.settled(clock);
                // THEN nothing is posted again
                assertResultsOnce(slack, discord, slackPoll, discordPoll);
            }
        }
    }

    @Test
    void hand_polls_closed_by_hand_are_shown_closed_and_their_results_posted_once_the_answer_only_acknowledging()
            throws Exception {
        SettableClock clock = SettableClock.ticking(START);
        try (FakeSlack slack = FakeSlack.start(); FakeDiscord discord = FakeDiscord.start()) {
            discord.announceGuild();
            try (Process p = new Process(slack, discord, clock)) {
                // GIVEN a poll opened by hand on each platform, with a vote on the Slack one
                p.slash(slack, clock, "U_ALICE", "poll c1", "trigger-open");
                FakeSlack.Call posted = slack.awaitCall("chat.postMessage", 1, WAIT);
                String slackTs = tsOf(slack, posted);
                long slackPoll = pollOf(posted.json().path("blocks").findValuesAsText("value"));
                long discordPoll = pollOf(send(discord, admin(FakeDiscord.slashCommand(OWNER, "en-US", "poll",
                        Map.of("claim", "c2")))).path("data").path("components").findValuesAsText("custom_id"));
                p.recorded(slackPoll);
                String discordMessage = p.recorded(discordPoll);
                press(p, slack, clock, slackPoll, slackTs, "U_BOB", "4", "trigger-bob");

                // WHEN each opener closes their poll, long before its deadline
                String slackClose = p.slash(slack, clock, "U_ALICE", "close " + slackPoll, "trigger-close");
                JsonNode discordClose = send(discord, admin(FakeDiscord.slashCommand(OWNER, "en-US", "close",
                        Map.of("poll", discordPoll))));

                // THEN each is told it is closed and that the results are being posted, without the results
                // themselves
                assertThat(slackClose).contains("已结束", "ephemeral").doesNotContain("█");
                assertThat(discordClose.path("data").toString()).contains("is closed").doesNotContain("█");
                // AND the poll messages are shown closed, without buttons
                await("the Slack poll message closed", () -> closedUpdate(slack, slackTs));
                await("the Discord poll message closed", () -> closedEdit(discord, discordMessage));
                // AND the results with the chart are posted once in each channel
                slack.awaitCall("files.completeUploadExternal", 1, WAIT);
                await("the Discord results", () -> !discord.messages(DISCORD_CHANNEL).isEmpty());
                p.settled(clock);
                // AND the deadline passing later posts nothing more
                clock.set(START.plus(Duration.ofDays(8)));
                p.settled(clock);
                assertResultsOnce(slack, discord, slackPoll, discordPoll);
                assertThat(slack.calls("files.completeUploadExternal").get(0).json().toString())
                        .doesNotContain("thread_ts");
            }
        }
    }

    @Test
    void hand_polls_of_three_days_get_one_reminder_in_their_thread_a_day_before_their_deadline_on_both_platforms()
            throws Exception {
        SettableClock clock = SettableClock.ticking(START);
        try (FakeSlack slack = FakeSlack.start(); FakeDiscord discord = FakeDiscord.start()) {
            discord.announceGuild();
            try (Process p = new Process(slack, discord, clock)) {
                // GIVEN a poll of 72 hours opened by hand on Slack (in Chinese) with a vote, and one on Discord (in
                // English)
                p.slash(slack, clock, "U_ALICE", "poll c1 --hours 72", "trigger-open");
                FakeSlack.Call posted = slack.awaitCall("chat.postMessage", 1, WAIT);
                String slackTs = tsOf(slack, posted);
                long slackPoll = pollOf(posted.json().path("blocks").findValuesAsText("value"));
                long discordPoll = pollOf(send(discord, admin(FakeDiscord.slashCommand(OWNER, "en-US", "poll",
                        Map.of("claim", "c2", "hours", 72)))).path("data").path("components")
                        .findValuesAsText("custom_id"));
                p.recorded(slackPoll);
                String discordMessage = p.recorded(discordPoll);
                press(p, slack, clock, slackPoll, slackTs, "U_BOB", "2", "trigger-bob");
                await("the Slack poll message shows the vote", () -> slack.calls("chat.update").stream()
                        .anyMatch(u -> u.json().path("ts").asText().equals(slackTs)
                                && u.json().toString().contains("共 1 票")));

                // WHEN 48 hours pass: 24 hours are left
                clock.set(START.plus(Duration.ofHours(48)).plusSeconds(1));

                // THEN the Slack poll's thread gets the reminder, in Chinese, with the count
                FakeSlack.Call reminder = slack.awaitCall("chat.postMessage", 2, WAIT);
                assertThat(reminder.json().path("thread_ts").asText()).isEqualTo(slackTs);
                assertThat(reminder.json().toString()).contains("投票 #" + slackPoll + " 还有约 24 小时截止",
                        "已有 1 人投票。", "/article vote " + slackPoll).doesNotContain("{0}", "@everyone");
                // AND a thread is started under the Discord poll's message, with the reminder in English
                await("the Discord reminder in a thread", () -> !discord.messages(discordMessage).isEmpty());
                assertThat(discord.messages(discordMessage)).singleElement().satisfies(r -> assertThat(
                        r.json().toString()).contains("Poll #" + discordPoll + " closes in about 24 hours",
                        "Nobody has voted yet.").doesNotContain("{0}", "投票"));
                p.settled(clock);

                // WHEN the deadline passes
                clock.set(START.plus(Duration.ofHours(72)).plusSeconds(1));
                slack.awaitCall("files.completeUploadExternal", 1, WAIT);
                await("the Discord results", () -> !discord.messages(DISCORD_CHANNEL).isEmpty());
                p.settled(clock);

                // THEN each poll had exactly one reminder
                assertThat(slack.calls("chat.postMessage")).hasSize(2);
                assertThat(discord.messages(discordMessage)).hasSize(1);
            }
        }
    }

    @Test
    void polls_of_several_choices_toggle_each_press_up_to_the_maximum_and_count_voters_and_choices_on_both_platforms()
            throws Exception {
        SettableClock clock = SettableClock.ticking(START);
        try (FakeSlack slack = FakeSlack.start(); FakeDiscord discord = FakeDiscord.start()) {
            discord.announceGuild();
            try (Process p = new Process(slack, discord, clock)) {
                // GIVEN a poll of three options where each voter picks up to two, on Slack and on Discord
                p.slash(slack, clock, "U_ALICE", "poll --question \"哪些方向值得投入？\" --options \"芯片|电力|模型\" --max 2",
                        "trigger-open");
                FakeSlack.Call posted = slack.awaitCall("chat.postMessage", 1, WAIT);
                assertThat(posted.json().toString()).contains("最多选 2 项", "每人最多 2 项");
                String slackTs = tsOf(slack, posted);
                long slackPoll = pollOf(posted.json().path("blocks").findValuesAsText("value"));
                JsonNode opened = send(discord, admin(FakeDiscord.slashCommand(OWNER, "en-US", "poll",
                        Map.of("question", "What is worth building?", "options", "Chips|Power|Models", "max", 2))));
                assertThat(opened.toString()).contains("Pick up to 2", "up to 2 each");
                long discordPoll = pollOf(opened.path("data").path("components").findValuesAsText("custom_id"));
                p.recorded(slackPoll);
                String discordMessage = p.recorded(discordPoll);

                // WHEN bob presses 芯片, 电力, then 模型 on Slack, each answered
                press(p, slack, clock, slackPoll, slackTs, "U_BOB", "1", "trigger-bob-1");
                await("bob's first choice", () -> answered(slack, "U_BOB", "你现在选了：芯片（最多 2 项）"));
                press(p, slack, clock, slackPoll, slackTs, "U_BOB", "2", "trigger-bob-2");
                await("bob's second choice", () -> answered(slack, "U_BOB", "你现在选了：芯片、电力（最多 2 项）"));
                press(p, slack, clock, slackPoll, slackTs, "U_BOB", "3", "trigger-bob-3");

                // THEN the third is refused as one too many, and the message counts 1 voter and 2 choices
                await("bob told he is full", () -> answered(slack, "U_BOB", "已经选满了"));
                await("the Slack message counts voters and choices", () -> slack.calls("chat.update").stream()
                        .anyMatch(u -> u.json().path("ts").asText().equals(slackTs)
                                && u.json().toString().contains("1 人投票，共 2 个选择")));

                // WHEN carol chooses Chips and Models on Discord, then presses Chips again a few seconds later
                String first = FakeDiscord.button("carol", "en-US", "vote " + discordPoll + " 1", discordMessage);
                assertThat(send(discord, first).toString()).contains("Your choices now: Chips (up to 2)");
                String second = FakeDiscord.button("carol", "en-US", "vote " + discordPoll + " 3", discordMessage);
                assertThat(send(discord, second).toString()).contains("Your choices now: Chips, Models (up to 2)");
                clock.set(clock.instant().plusSeconds(3));
                String again = FakeDiscord.button("carol", "en-US", "vote " + discordPoll + " 1", discordMessage);

                // THEN Chips is withdrawn, and the message is edited to 1 voter and 1 choice
                assertThat(send(discord, again).toString()).contains("Your choice on #" + discordPoll + " (Chips) is withdrawn",
                        "Your choices now: Models (up to 2)");
                await("the Discord message counts voters and choices", () -> discord.calls("PATCH",
                        "channels/" + DISCORD_CHANNEL + "/messages/" + discordMessage).stream()
                        .anyMatch(e -> e.json().toString().contains("1 voter, 1 choice")));
            }
        }
    }

    @Test
    void voters_add_their_own_options_through_a_modal_on_both_platforms_and_every_posted_message_gets_the_button()
            throws Exception {
        SettableClock clock = SettableClock.ticking(START);
        try (FakeSlack slack = FakeSlack.start(); FakeDiscord discord = FakeDiscord.start()) {
            discord.announceGuild();
            try (Process p = new Process(slack, discord, clock)) {
                // GIVEN a public poll that takes voters' options, on Slack and on Discord
                p.slash(slack, clock, "UALICE", "poll --question \"下次读什么？\" --options \"书|论文\" --open --public",
                        "trigger-open");
                FakeSlack.Call posted = slack.awaitCall("chat.postMessage", 1, WAIT);
                List<String> values = posted.json().path("blocks").findValuesAsText("value");
                long slackPoll = Long.parseLong(values.get(0).split(" ")[1]);
                assertThat(values).containsExactly("vote " + slackPoll + " 1", "vote " + slackPoll + " 2",
                        "add-option " + slackPoll);
                String slackTs = tsOf(slack, posted);
                p.recorded(slackPoll);

                // WHEN bob presses ➕ on Slack
                String press = SlackRequests.blockAction(TEAM, SLACK_CHANNEL, "UBOB", "taolun-button-2",
                        "add-option " + slackPoll, slackTs, slack.responseUrl("UBOB"), "trigger-add");
                assertThat(SlackRequests.post(p.events, SECRET, clock.instant().getEpochSecond(), press, Map.of())
                        .statusCode()).isEqualTo(200);

                // THEN a modal is opened with the press's trigger
                FakeSlack.Call opened = slack.awaitCall("views.open", 1, WAIT);
                assertThat(opened.json().path("trigger_id").asText()).isEqualTo("trigger-add");
                JsonNode view = opened.json().path("view");
                assertThat(view.path("title").path("text").asText()).isEqualTo("添加选项");
                assertThat(view.toString()).contains("你给投票 #" + slackPoll + " 加的选项");

                // WHEN he submits "博客": the modal closes, he is told privately, and the message gets the option
                HttpResponse<String> submitted = SlackRequests.post(p.events, SECRET, clock.instant().getEpochSecond(),
                        SlackRequests.viewSubmission(TEAM, "UBOB", view, "博客", "trigger-submit"), Map.of());
                assertThat(submitted.statusCode()).isEqualTo(200);
                assertThat(submitted.body()).doesNotContain("errors");
                FakeSlack.Call confirmed = slack.awaitCall("chat.postEphemeral", 1, WAIT);
                assertThat(confirmed.json().path("user").asText()).isEqualTo("UBOB");
                assertThat(confirmed.json().path("channel").asText()).isEqualTo(SLACK_CHANNEL);
                assertThat(confirmed.json().toString()).contains("已把「博客」加到投票 #" + slackPoll + "，是第 3 个选项");
                await("the Slack message has the new option and names who added it", () -> slack.calls("chat.update")
                        .stream().anyMatch(u -> u.json().path("ts").asText().equals(slackTs)
                                && u.json().path("blocks").findValuesAsText("value").contains("vote " + slackPoll + " 3")
                                && u.json().toString().contains("选项 3「博客」由 <@UBOB> 添加")));

                // AND the same option again is refused under the field, and nothing is added
                HttpResponse<String> again = SlackRequests.post(p.events, SECRET, clock.instant().getEpochSecond(),
                        SlackRequests.viewSubmission(TEAM, "UCAROL", view, " 博客 ", "trigger-again"), Map.of());
                JsonNode errors = JSON.readTree(again.body());
                assertThat(errors.path("response_action").asText()).isEqualTo("errors");
                assertThat(errors.path("errors").path("taolun-form-input").asText())
                        .contains("已经有「博客」这个选项了");

                // GIVEN the same on Discord, in English
                JsonNode discordOpened = send(discord, admin(FakeDiscord.slashCommand(OWNER, "en-US", "poll",
                        Map.of("question", "What next?", "options", "Books|Papers", "open", true, "public", true))));
                List<String> ids = discordOpened.path("data").path("components").findValuesAsText("custom_id");
                long discordPoll = Long.parseLong(ids.get(0).split(" ")[1]);
                assertThat(ids).containsExactly("vote " + discordPoll + " 1", "vote " + discordPoll + " 2",
                        "add-option " + discordPoll);
                String discordMessage = p.recorded(discordPoll);

                // WHEN carol presses ➕: the answer is a modal
                JsonNode modal = send(discord, FakeDiscord.button("carol", "en-US", "add-option " + discordPoll,
                        discordMessage));
                assertThat(modal.path("type").asInt()).isEqualTo(9);
                assertThat(modal.path("data").path("custom_id").asText()).isEqualTo("add-option " + discordPoll);
                assertThat(modal.path("data").path("title").asText()).isEqualTo("Add an option");
                assertThat(modal.toString()).contains("Your option for poll #" + discordPoll);

                // AND she submits "Blogs": answered privately, and the poll's message is edited with the option
                JsonNode answer = send(discord, FakeDiscord.modalSubmit("carol", "en-US", "add-option " + discordPoll,
                        "value", "Blogs"));
                assertThat(answer.toString()).contains("Added \\\"Blogs\\\" to poll #" + discordPoll + " as option 3");
                assertThat(answer.path("data").path("flags").asInt() & 64).isEqualTo(64);
                await("the Discord message has the new option", () -> discord.calls("PATCH",
                        "channels/" + DISCORD_CHANNEL + "/messages/" + discordMessage).stream()
                        .anyMatch(e -> e.json().path("components").findValuesAsText("custom_id")
                                .contains("vote " + discordPoll + " 3")
                                && e.json().toString().contains("Option 3 (Blogs) was added by")));

                // AND a vote for it through its new button counts
                String vote = FakeDiscord.button("dave", "en-US", "vote " + discordPoll + " 3", discordMessage);
                assertThat(send(discord, vote).toString()).contains("Blogs");
            }
        }
    }

    @Test
    void an_opener_edits_and_deletes_a_poll_on_both_platforms_and_every_posted_message_follows() throws Exception {
        SettableClock clock = SettableClock.ticking(START);
        try (FakeSlack slack = FakeSlack.start(); FakeDiscord discord = FakeDiscord.start()) {
            discord.announceGuild();
            try (Process p = new Process(slack, discord, clock)) {
                // GIVEN a poll of two options on Slack, with a vote, and one on Discord
                p.slash(slack, clock, "UALICE", "poll --question \"下次读什么？\" --options \"书|论文\"", "trigger-open");
                FakeSlack.Call posted = slack.awaitCall("chat.postMessage", 1, WAIT);
                String slackTs = tsOf(slack, posted);
                long slackPoll = pollOf(posted.json().path("blocks").findValuesAsText("value"));
                p.recorded(slackPoll);
                press(p, slack, clock, slackPoll, slackTs, "UBOB", "2", "trigger-bob");
                JsonNode opened = send(discord, admin(FakeDiscord.slashCommand(OWNER, "en-US", "poll",
                        Map.of("question", "What next?", "options", "Books|Papers"))));
                long discordPoll = pollOf(opened.path("data").path("components").findValuesAsText("custom_id"));
                String discordMessage = p.recorded(discordPoll);

                // WHEN the Slack opener adds an option and moves the deadline later
                String edited = p.slash(slack, clock, "UALICE", "edit " + slackPoll + " --add \"博客\" --hours 200",
                        "trigger-edit");
                assertThat(edited).contains("已把「博客」加到投票 #" + slackPoll + "，是第 3 个选项", "现在截止于");
                // THEN the posted message gets the option's button
                await("the Slack message has the added option", () -> slack.calls("chat.update").stream()
                        .anyMatch(u -> u.json().path("ts").asText().equals(slackTs) && u.json().path("blocks")
                                .findValuesAsText("value").contains("vote " + slackPoll + " 3")));
                // AND a rewrite after bob's vote is refused
                assertThat(p.slash(slack, clock, "UALICE", "edit " + slackPoll + " --options \"甲|乙\"", "trigger-no"))
                        .contains("已经有人投票");

                // WHEN the Discord admin rewrites the question and options (no one voted), then deletes the poll
                JsonNode rewritten = send(discord, admin(FakeDiscord.slashCommand(OWNER, "en-US", "edit",
                        Map.of("poll", discordPoll, "question", "Read what next?", "options", "Books|Papers|Blogs"))));
                assertThat(rewritten.toString()).contains("Poll #" + discordPoll + " now has the new question and options (3 options).");
                await("the Discord message asks the new question", () -> discord.calls("PATCH",
                        "channels/" + DISCORD_CHANNEL + "/messages/" + discordMessage).stream()
                        .anyMatch(e -> e.json().toString().contains("Read what next?")
                                && e.json().path("components").findValuesAsText("custom_id")
                                        .contains("vote " + discordPoll + " 3")));
                JsonNode deleted = send(discord, admin(FakeDiscord.slashCommand(OWNER, "en-US", "delete",
                        Map.of("poll", discordPoll))));
                assertThat(deleted.toString()).contains("Deleted poll #" + discordPoll);
                // THEN its message says it was deleted, with no buttons
                await("the Discord message shows the poll deleted", () -> discord.calls("PATCH",
                        "channels/" + DISCORD_CHANNEL + "/messages/" + discordMessage).stream()
                        .anyMatch(e -> e.json().toString().contains("Poll #" + discordPoll + " was deleted")
                                && e.json().path("components").findValuesAsText("custom_id").isEmpty()));

                // AND on Slack, deleting a poll with a vote asks first, then deletes
                assertThat(p.slash(slack, clock, "UALICE", "delete " + slackPoll, "trigger-del"))
                        .contains("已有 1 票", "/article delete " + slackPoll + " --confirm");
                p.slash(slack, clock, "UALICE", "delete " + slackPoll + " --confirm", "trigger-del2");
                await("the Slack message shows the poll deleted", () -> slack.calls("chat.update").stream()
                        .anyMatch(u -> u.json().path("ts").asText().equals(slackTs)
                                && u.json().toString().contains("投票 #" + slackPoll + " 已删除")
                                && u.json().path("blocks").findValuesAsText("value").isEmpty()));
            }
        }
    }

    @Test
    void the_opener_of_a_public_slack_poll_sees_who_in_the_channel_has_not_voted_read_from_slack_page_by_page()
            throws Exception {
        SettableClock clock = SettableClock.ticking(START);
        try (FakeSlack slack = FakeSlack.start(); FakeDiscord discord = FakeDiscord.start()) {
            discord.announceGuild();
            // GIVEN a channel of five people and the bot, which Slack lists two a page
            slack.setMembers(SLACK_CHANNEL, List.of("UALICE", "UBOB", "UBOT", "UCAROL", "UDAVE", "UERIN"), 2);
            try (Process p = new Process(slack, discord, clock)) {
                p.slash(slack, clock, "UALICE", "poll --question \"下次读什么？\" --options \"书|论文\" --public",
                        "trigger-open");
                FakeSlack.Call posted = slack.awaitCall("chat.postMessage", 1, WAIT);
                String ts = tsOf(slack, posted);
                long poll = pollOf(posted.json().path("blocks").findValuesAsText("value"));
                p.recorded(poll);
                press(p, slack, clock, poll, ts, "UBOB", "1", "trigger-bob");
                press(p, slack, clock, poll, ts, "UDAVE", "2", "trigger-dave");

                // WHEN its opener asks who has not voted
                String answer = p.slash(slack, clock, "UALICE", "nonvoters " + poll, "trigger-nonvoters");
                JsonNode json = JSON.readTree(answer);
                // THEN only she sees it: alice, carol and erin, as mentions; not the bot, not the voters
                assertThat(json.path("response_type").asText()).isEqualTo("ephemeral");
                assertThat(json.toString()).contains("频道 5 名成员中，还有 3 人没投票", "<@UALICE> <@UCAROL> <@UERIN>")
                        .doesNotContain("UBOT", "<@UBOB>", "<@UDAVE>");
                assertThat(slack.calls("conversations.members")).hasSize(3);

                // AND anyone else is refused, without Slack being asked
                assertThat(p.slash(slack, clock, "UBOB", "nonvoters " + poll, "trigger-bob-asks"))
                        .contains("只有投票 #" + poll + " 的发起人能看谁还没投票");
                assertThat(slack.calls("conversations.members")).hasSize(3);

                // AND a channel Slack will not list gets a short answer
                slack.setMembers(SLACK_CHANNEL, List.of("UALICE"), 2);
                slack.refuseNext("conversations.members", 1, "not_in_channel");
                assertThat(p.slash(slack, clock, "UALICE", "nonvoters " + poll, "trigger-refused"))
                        .contains("Slack 暂时没有列出这个投票所在频道的成员");
            }
        }
    }

    private static boolean answered(FakeSlack slack, String user, String text) {
        return slack.calls("response_url").stream().anyMatch(c -> c.path().endsWith("/" + user)
                && c.body().contains(text));
    }

    @Test
    void polls_of_two_rounds_compare_before_and_after_on_both_platforms_and_post_only_round_two_results()
            throws Exception {
        SettableClock clock = SettableClock.ticking(START);
        try (FakeSlack slack = FakeSlack.start(); FakeDiscord discord = FakeDiscord.start()) {
            discord.announceGuild();
            try (Process p = new Process(slack, discord, clock)) {
                // GIVEN a poll of two rounds on each platform, with votes in round 1
                p.slash(slack, clock, "U_ALICE", "poll c1 --rounds 2", "trigger-open");
                FakeSlack.Call posted = slack.awaitCall("chat.postMessage", 1, WAIT);
                assertThat(posted.json().toString()).contains("两轮中的第一轮");
                String firstTs = tsOf(slack, posted);
                long slackFirst = pollOf(posted.json().path("blocks").findValuesAsText("value"));
                p.recorded(slackFirst);
                press(p, slack, clock, slackFirst, firstTs, "U_BOB", "2", "trigger-bob-1");
                press(p, slack, clock, slackFirst, firstTs, "U_CAROL", "2", "trigger-carol-1");
                JsonNode opened = send(discord, admin(FakeDiscord.slashCommand(OWNER, "en-US", "poll",
                        Map.of("claim", "c2", "rounds", 2))));
                assertThat(opened.toString()).contains("Round 1 of 2");
                long discordFirst = pollOf(opened.path("data").path("components").findValuesAsText("custom_id"));
                String discordFirstMessage = p.recorded(discordFirst);
                discord.sendInteraction(FakeDiscord.button("carol", "en-US", "vote " + discordFirst + " 4",
                        discordFirstMessage));
                discord.sendInteraction(FakeDiscord.button("dave", "en-US", "vote " + discordFirst + " 4",
                        discordFirstMessage));
                await("the Slack poll counts both votes", () -> slack.calls("chat.update").stream()
                        .anyMatch(u -> u.json().path("ts").asText().equals(firstTs)
                                && u.json().toString().contains("共 2 票")));
                await("the Discord poll counts both votes", () -> discord.calls("PATCH",
                        "channels/" + DISCORD_CHANNEL + "/messages/" + discordFirstMessage).stream()
                        .anyMatch(e -> e.json().toString().contains("2 votes")));

                // WHEN their openers open round 2 after the discussion
                String round = p.slash(slack, clock, "U_ALICE", "round " + slackFirst, "trigger-round");
                assertThat(round).doesNotContain("error");
                FakeSlack.Call second = slack.awaitCall("chat.postMessage", 2, WAIT);
                assertThat(second.json().toString()).contains("第二轮（第一轮是 #" + slackFirst + "）",
                        "讨论之后，你的看法变了吗？");
                String secondTs = tsOf(slack, second);
                long slackSecond = pollOf(second.json().path("blocks").findValuesAsText("value"));
                p.recorded(slackSecond);
                JsonNode discordRound = send(discord, admin(FakeDiscord.slashCommand(OWNER, "en-US", "round",
                        Map.of("poll", discordFirst))));
                assertThat(discordRound.toString()).contains("After the discussion, where do you stand now?");
                long discordSecond = pollOf(discordRound.path("data").path("components")
                        .findValuesAsText("custom_id"));
                String discordSecondMessage = p.recorded(discordSecond);

                // THEN round 1 is shown closed on each platform, with no results posted for it
                await("the Slack round 1 closed", () -> closedUpdate(slack, firstTs));
                await("the Discord round 1 closed", () -> closedEdit(discord, discordFirstMessage));

                // WHEN some voters change their mind, someone votes only in round 2, and round 2 is closed
                press(p, slack, clock, slackSecond, secondTs, "U_BOB", "1", "trigger-bob-2");
                press(p, slack, clock, slackSecond, secondTs, "U_CAROL", "2", "trigger-carol-2");
                press(p, slack, clock, slackSecond, secondTs, "U_DAVE", "5", "trigger-dave-2");
                discord.sendInteraction(FakeDiscord.button("carol", "en-US", "vote " + discordSecond + " 2",
                        discordSecondMessage));
                await("the Slack round 2 counts three votes", () -> slack.calls("chat.update").stream()
                        .anyMatch(u -> u.json().path("ts").asText().equals(secondTs)
                                && u.json().toString().contains("共 3 票")));
                await("the Discord round 2 counts one vote", () -> discord.calls("PATCH",
                        "channels/" + DISCORD_CHANNEL + "/messages/" + discordSecondMessage).stream()
                        .anyMatch(e -> e.json().toString().contains("1 vote")));
                p.slash(slack, clock, "U_ALICE", "close " + slackSecond, "trigger-close");
                send(discord, admin(FakeDiscord.slashCommand(OWNER, "en-US", "close", Map.of("poll", discordSecond))));

                // THEN the results of round 2 are posted once on each platform, comparing both rounds exactly
                slack.awaitCall("files.completeUploadExternal", 1, WAIT);
                await("the Discord results", () -> !discord.messages(DISCORD_CHANNEL).isEmpty());
                p.settled(clock);
                assertThat(slack.calls("files.completeUploadExternal")).singleElement().satisfies(c -> assertThat(
                        c.json().toString()).contains("投票 #" + slackSecond + " 的结果 · 讨论前后",
                        "讨论前后（第一轮 #" + slackFirst + " → 第二轮 #" + slackSecond + "）",
                        "两轮都投的有 2 人，其中 1 人改了答案；只投第一轮的 0 人，只投第二轮的 1 人。",
                        "1. 强烈同意：0（0%）→ 1（34%），+34 个百分点",
                        "2. 同意：2（100%）→ 1（33%），-67 个百分点", "净变化：67 个百分点"));
                assertThat(discord.messages(DISCORD_CHANNEL)).singleElement().satisfies(result -> {
                    assertThat(result.json().toString()).contains(
                            "Results of poll #" + discordSecond + " · before and after",
                            "Before and after (round 1 #" + discordFirst + " → round 2 #" + discordSecond + ")",
                            "1 voter answered both rounds; 1 changed their answer. 1 voted only in round 1,"
                                    + " none only in round 2.",
                            "2. Agree: 0 (0%) → 1 (100%), +100 points", "Net shift: 100 points");
                    assertThat(result.files()).singleElement().satisfies(file -> assertThat(file.bytes())
                            .startsWith(PNG_SIGNATURE));
                });
            }
        }
    }

    private static void assertResultsOnce(FakeSlack slack, FakeDiscord discord, long slackPoll, long discordPoll) {
        List<FakeSlack.Call> uploads = slack.calls("files.completeUploadExternal");
        assertThat(uploads).singleElement().satisfies(c -> {
            assertThat(c.json().path("channel_id").asText()).isEqualTo(SLACK_CHANNEL);
            assertThat(c.json().toString()).contains("投票 #" + slackPoll + " 的结果");
        });
        assertThat(slack.calls("chat.postMessage")).hasSize(1);
        List<FakeChannels.Posted> inChannel = discord.messages(DISCORD_CHANNEL);
        assertThat(inChannel).singleElement().satisfies(result -> {
            assertThat(result.json().toString()).contains("Results of poll #" + discordPoll);
            assertThat(result.files()).singleElement().satisfies(file -> {
                assertThat(file.fileName()).endsWith(".png");
                assertThat(file.bytes()).startsWith(PNG_SIGNATURE);
            });
        });
    }

    /** A chat.update of the message to a closed poll: its title says so, and no block has a button left. */
    private static boolean closedUpdate(FakeSlack slack, String ts) {
        return slack.calls("chat.update").stream().anyMatch(u -> u.json().path("ts").asText().equals(ts)
                && u.json().toString().contains("已截止") && u.json().path("blocks").findValues("action_id").isEmpty()
                && !u.json().toString().contains("截止于"));
    }

    /** An edit of the message through the channel to a closed poll, with no components left. */
    private static boolean closedEdit(FakeDiscord discord, String messageId) {
        return discord.calls("PATCH", "channels/" + DISCORD_CHANNEL + "/messages/" + messageId).stream()
                .map(FakeDiscord.Call::json)
                .anyMatch(e -> e.toString().contains("closed") && e.path("components").findValues("custom_id")
                        .isEmpty());
    }

    private static void press(Process p, FakeSlack slack, SettableClock clock, long pollId, String ts, String user,
            String option, String trigger) {
        String body = SlackRequests.blockAction(TEAM, SLACK_CHANNEL, user, "taolun-button-0",
                "vote " + pollId + " " + option, ts, slack.responseUrl(user), trigger);
        await(user + "'s press answered 200", () -> SlackRequests.post(p.events, SECRET,
                clock.instant().getEpochSecond(), body, Map.of()).statusCode() == 200);
    }

    /** The ts the fake gave a posted message (the call is recorded a moment before its answer is made). */
    private static String tsOf(FakeSlack slack, FakeSlack.Call posted) {
        await("the ts of the posted poll", () -> slack.tsOf(posted).isPresent());
        return slack.tsOf(posted).orElseThrow();
    }

    private static long pollOf(List<String> buttonValues) {
        assertThat(buttonValues).isNotEmpty().allSatisfy(v -> assertThat(v).matches("vote \\d+ \\d"));
        return Long.parseLong(buttonValues.get(0).split(" ")[1]);
    }

    private static JsonNode send(FakeDiscord discord, String interaction) {
        discord.sendInteraction(interaction);
        return discord.awaitAnswer(interaction, WAIT);
    }

    /** The interaction as /article-admin (from a member with Manage Server: the guild's owner). */
    private static String admin(String interaction) throws Exception {
        ObjectNode json = (ObjectNode) JSON.readTree(interaction);
        ((ObjectNode) json.path("data")).put("name", "article-admin");
        ((ObjectNode) json.path("member")).put("permissions", "32");
        return json.toString();
    }

    private static void await(String what, Await.Condition condition) {
        Await.until(what, condition);
    }
}
