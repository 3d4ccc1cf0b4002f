package io.taolun.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.taolun.core.article.Claim;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A weekly poll declared in the config for a Slack channel and a Discord channel, run by one process serving both
 * with the real Bolt and the real JDA against the loopback fakes: one poll posted to both, one tally fed from both,
 * both messages kept current, and results with the chart on both, in channel and thread.
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES)
@TouchesTime
final class RitualsOnBothPlatformsTest {
    private static final Duration WAIT = Await.CEILING;
    private static final String SECRET = "rituals-signing-secret";
    /** The team id Slack's payloads carry (and the fake's auth.test reports): votes from Slack come from it. */
    private static final String TEAM = "T1";
    private static final String SLACK_CHANNEL = "C1";
    private static final String DISCORD_CHANNEL = FakeDiscord.CHANNEL_ID;
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** Monday 2026-11-30 in Shanghai. */
    private static final ZonedDateTime MONDAY = ZonedDateTime.of(2026, 11, 30, 0, 0, 0, 0, SHANGHAI);
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    /** Fast machinery: the scheduler looks every 100 ms, the outbox is worked every 100 ms. */
    private static final Rituals.Timing FAST = new Rituals.Timing(
            new DbRitualScheduler.Settings("test", Duration.ofMillis(100), Duration.ofSeconds(1), 2),
            Duration.ofMillis(100), Duration.ofMinutes(2), Duration.ofMillis(200));

    @TempDir
    Path data;

    @Test
    void a_weekly_poll_for_slack_and_discord_is_posted_once_to_each_counts_both_and_closes_with_charts_on_both()
            throws Exception {
        // GIVEN a weekly poll declared for Monday 09:00 Shanghai, closing after an hour, in a Slack and a Discord channel
        TaolunConfig config = new TaolunConfig(null, null, null, null, null, null, null, new RitualsConfig(null,
                List.of(new RitualsConfig.ScheduleConfig("weekly", "weekly-poll", "mon", "09:00", "Asia/Shanghai",
                        "1h", List.of(new RitualsConfig.TargetConfig("slack", TEAM, SLACK_CHANNEL),
                                new RitualsConfig.TargetConfig("discord", FakeDiscord.GUILD_ID, DISCORD_CHANNEL))))));
        // AND one process serving both platforms, up at 08:00 on a clock that keeps ticking (db-scheduler needs it)
        SettableClock clock = SettableClock.ticking(MONDAY.withHour(8).toInstant());
        try (FakeSlack slack = FakeSlack.start(); FakeDiscord discord = FakeDiscord.start()) {
            discord.announceGuild();
            Map<String, String> env = env(slack, discord);
            try (Composition app = new Composition(config, new SeedLoader().load(Path.of("seeds")),
                    DatabaseSettings.from(env, data), clock, new Random(11), e -> { }, FAST, Outbound.of(PlatformSettings.from(env)))) {
                Server server = new Server(app, config, PlatformSettings.from(env), clock,
                        new PrintStream(OutputStream.nullOutputStream()));
                try {
                    await("Discord connected with its guild", () -> server.health().json()
                            .contains("\"discord\":\"connected\""));
                    URI events = URI.create("http://127.0.0.1:" + server.port() + "/slack/events");

                    // WHEN the clock reaches the 09:00 slot
                    clock.set(MONDAY.withHour(8).withMinute(59).withSecond(59).toInstant());

                    // THEN Slack got the poll, with its buttons, and the 你觉得呢 post in the poll's thread
                    FakeSlack.Call slackPoll = slack.awaitCall("chat.postMessage", 1, WAIT);
                    FakeSlack.Call slackThread = slack.awaitCall("chat.postMessage", 2, WAIT);
                    String pollTs = slack.tsOf(slackPoll).orElseThrow();
                    List<String> slackButtons = slackPoll.json().path("blocks").findValuesAsText("value");
                    assertThat(slackButtons).hasSizeGreaterThanOrEqualTo(2)
                            .allSatisfy(v -> assertThat(v).matches("vote \\d+ \\d"));
                    long pollId = Long.parseLong(slackButtons.get(0).split(" ")[1]);
                    assertThat(slackPoll.json().has("thread_ts")).isFalse();
                    assertThat(slackPoll.json().path("channel").asText()).isEqualTo(SLACK_CHANNEL);
                    assertThat(slackThread.json().path("thread_ts").asText()).isEqualTo(pollTs);
                    assertThat(slackThread.json().toString()).contains("你觉得呢");
                    // AND Discord got the same poll once, with buttons and a nonce, a thread started from it, and one
                    // message in that thread
                    await("the Discord thread post", () -> !discord.messages(DISCORD_CHANNEL).isEmpty()
                            && !discord.messages(discord.messages(DISCORD_CHANNEL).get(0).id()).isEmpty());
                    FakeChannels.Posted discordPoll = discord.messages(DISCORD_CHANNEL).get(0);
                    assertThat(discordPoll.json().path("components").findValuesAsText("custom_id"))
                            .containsExactlyElementsOf(slackButtons);
                    assertThat(discordPoll.nonce()).isPresent();
                    assertThat(discord.thread(discordPoll.id())).isPresent();
                    assertThat(discord.messages(discordPoll.id())).singleElement()
                            .satisfies(m -> assertThat(m.json().toString()).contains("你觉得呢"));
                    // AND nothing more was posted on either platform, once every recorded post is made and the
                    // scheduler has nothing due
                    settled(app, clock);
                    assertThat(slack.calls("chat.postMessage")).hasSize(2);
                    assertThat(discord.messages(DISCORD_CHANNEL)).hasSize(1);
                    assertThat(discord.messages(discordPoll.id())).hasSize(1);

                    // WHEN a Slack user presses option 1 on the Slack message and a Discord user option 2 on Discord's
                    // (signed at the bot's time, as Slack's clock and the bot's agree in service; a press answered
                    // 503, not stored within 2 s on a slowed machine, is sent again as Slack would, and counts once)
                    String pressBody = SlackRequests.blockAction(TEAM, SLACK_CHANNEL, "U_ALICE", "taolun-button-0",
                            "vote " + pollId + " 1", pollTs, slack.responseUrl("alice"), "trigger-alice");
                    await("alice's press answered 200", () -> SlackRequests.post(events, SECRET,
                            clock.instant().getEpochSecond(), pressBody, Map.of()).statusCode() == 200);
                    String click = FakeDiscord.button("bob", "en-US", "vote " + pollId + " 2", discordPoll.id());
                    discord.sendInteraction(click);

                    // THEN each voter was told the vote was recorded (Discord's voter: from the other workspace)
                    await("alice told her vote is recorded", () -> slack.calls("response_url").stream()
                            .anyMatch(c -> c.body().contains("已记录你在 #" + pollId + " 的投票")));
                    JsonNode confirmed = discord.awaitAnswer(click, WAIT);
                    assertThat(confirmed.path("data").path("embeds").toString()).contains("Your vote on #" + pollId);
                    // AND the one poll counts both votes
                    HttpResponse<String> results = SlackRequests.post(events, SECRET,
                            clock.instant().getEpochSecond(), SlackRequests.slashCommand(TEAM, SLACK_CHANNEL,
                                    "U_CAROL", "results " + pollId, slack.responseUrl("carol"), "trigger-carol"),
                            Map.of());
                    // an answer that missed the ack budget (on a slowed machine) follows through response_url
                    String shown = slack.answerOf(results, "carol");
                    assertThat(shown).contains("共 2 票").contains("1 票 · 50%");
                    // AND both posted messages were edited to show the two votes
                    await("the Slack poll message updated to 2 votes", () -> slack.calls("chat.update").stream()
                            .anyMatch(u -> u.json().path("ts").asText().equals(pollTs)
                                    && u.json().toString().contains("共 2 票")));
                    await("the Discord poll message edited to 2 votes", () -> discord.messages(DISCORD_CHANNEL).get(0)
                            .json().toString().contains("共 2 票"));
                    assertThat(discord.calls("PATCH", "channels/" + DISCORD_CHANNEL + "/messages/" + discordPoll.id()))
                            .isNotEmpty();

                    // WHEN the clock passes 10:00, when the poll closes
                    clock.set(MONDAY.withHour(10).withSecond(1).toInstant());

                    // THEN results with the chart went to Slack's channel and to the poll's thread there
                    slack.awaitCall("files.completeUploadExternal", 2, WAIT);
                    // AND to Discord's channel and to the poll's thread there, each as a PNG file
                    await("Discord results in channel and thread", () -> discord.messages(DISCORD_CHANNEL).size() >= 2
                            && discord.messages(discordPoll.id()).size() >= 2);
                    settled(app, clock);
                    List<FakeSlack.Call> completions = slack.calls("files.completeUploadExternal");
                    assertThat(completions).hasSize(2).allSatisfy(c -> {
                        assertThat(c.json().path("channel_id").asText()).isEqualTo(SLACK_CHANNEL);
                        assertThat(uploadOf(slack, c)).startsWith(PNG_SIGNATURE);
                    });
                    assertThat(completions).extracting(c -> Optional.ofNullable(c.json().get("thread_ts"))
                            .map(JsonNode::asText)).containsExactlyInAnyOrder(Optional.empty(), Optional.of(pollTs));
                    assertThat(slack.calls("chat.postMessage")).hasSize(2);
                    List<FakeChannels.Posted> inChannel = discord.messages(DISCORD_CHANNEL);
                    List<FakeChannels.Posted> inThread = discord.messages(discordPoll.id());
                    assertThat(inChannel).hasSize(2);
                    assertThat(inThread).hasSize(2);
                    for (FakeChannels.Posted result : List.of(inChannel.get(1), inThread.get(1))) {
                        assertThat(result.json().toString()).contains("投票 #" + pollId + " 的结果");
                        assertThat(result.files()).singleElement().satisfies(file -> {
                            assertThat(file.fileName()).endsWith(".png");
                            assertThat(file.bytes()).startsWith(PNG_SIGNATURE);
                        });
                    }
                } finally {
                    server.close(0);
                }
            }
        }
    }

    @Test
    void a_weekly_poll_of_two_rounds_opens_round_two_on_both_platforms_and_its_results_compare_both_rounds()
            throws Exception {
        // GIVEN a weekly poll of two rounds for Monday 09:00 Shanghai, open two hours, round 2 after one
        TaolunConfig config = new TaolunConfig(null, null, null, null, null, null, null, new RitualsConfig(null,
                List.of(new RitualsConfig.ScheduleConfig("weekly", "weekly-poll", "mon", "09:00", "Asia/Shanghai",
                        "2h", List.of(new RitualsConfig.TargetConfig("slack", TEAM, SLACK_CHANNEL),
                                new RitualsConfig.TargetConfig("discord", FakeDiscord.GUILD_ID, DISCORD_CHANNEL)),
                        null, 2, "1h"))));
        SettableClock clock = SettableClock.ticking(MONDAY.withHour(8).toInstant());
        try (FakeSlack slack = FakeSlack.start(); FakeDiscord discord = FakeDiscord.start()) {
            discord.announceGuild();
            Map<String, String> env = env(slack, discord);
            try (Composition app = new Composition(config, new SeedLoader().load(Path.of("seeds")),
                    DatabaseSettings.from(env, data), clock, new Random(11), e -> { }, FAST,
                    Outbound.of(PlatformSettings.from(env)))) {
                Server server = new Server(app, config, PlatformSettings.from(env), clock,
                        new PrintStream(OutputStream.nullOutputStream()));
                try {
                    await("Discord connected with its guild", () -> server.health().json()
                            .contains("\"discord\":\"connected\""));
                    URI events = URI.create("http://127.0.0.1:" + server.port() + "/slack/events");
                    // AND round 1 posted on both, with a vote on each
                    clock.set(MONDAY.withHour(8).withMinute(59).withSecond(59).toInstant());
                    FakeSlack.Call first = slack.awaitCall("chat.postMessage", 1, WAIT);
                    slack.awaitCall("chat.postMessage", 2, WAIT);
                    String firstTs = slack.tsOf(first).orElseThrow();
                    long firstId = pollOf(first);
                    assertThat(first.json().toString()).contains("两轮中的第一轮");
                    await("the Discord round 1 and its thread", () -> !discord.messages(DISCORD_CHANNEL).isEmpty()
                            && !discord.messages(discord.messages(DISCORD_CHANNEL).get(0).id()).isEmpty());
                    String discordFirst = discord.messages(DISCORD_CHANNEL).get(0).id();
                    press(events, slack, clock, "U_ALICE", firstId, 2, firstTs);
                    String bobFirst = FakeDiscord.button("bob", "en-US", "vote " + firstId + " 4", discordFirst);
                    discord.sendInteraction(bobFirst);
                    discord.awaitAnswer(bobFirst, WAIT);

                    // WHEN the clock passes 10:00, when round 2 opens
                    clock.set(MONDAY.withHour(10).withSecond(1).toInstant());

                    // THEN Slack got round 2 in the channel and a word in round 1's thread
                    FakeSlack.Call second = slack.awaitCall("chat.postMessage", 3, WAIT);
                    FakeSlack.Call word = slack.awaitCall("chat.postMessage", 4, WAIT);
                    List<FakeSlack.Call> posts = List.of(second, word);
                    FakeSlack.Call roundTwo = posts.stream().filter(c -> !c.json().has("thread_ts")).findFirst()
                            .orElseThrow();
                    FakeSlack.Call inThread = posts.stream().filter(c -> c.json().has("thread_ts")).findFirst()
                            .orElseThrow();
                    long secondId = pollOf(roundTwo);
                    String secondTs = slack.tsOf(roundTwo).orElseThrow();
                    assertThat(roundTwo.json().toString()).contains("讨论之后，你的看法变了吗？");
                    assertThat(inThread.json().path("thread_ts").asText()).isEqualTo(firstTs);
                    assertThat(inThread.json().toString()).contains("第二轮投票 #" + secondId + " 已在频道里开始");
                    // AND round 1's Slack message shows it closed
                    await("round 1 shown closed on Slack", () -> slack.calls("chat.update").stream()
                            .anyMatch(u -> u.json().path("ts").asText().equals(firstTs)
                                    && u.json().toString().contains("已截止")
                                    && u.json().path("blocks").findValues("action_id").isEmpty()));
                    // AND Discord got round 2 in the channel and the word in round 1's thread
                    await("the Discord round 2 and its word", () -> discord.messages(DISCORD_CHANNEL).size() >= 2
                            && discord.messages(discordFirst).size() >= 2);
                    String discordSecond = discord.messages(DISCORD_CHANNEL).get(1).id();
                    assertThat(discord.messages(DISCORD_CHANNEL).get(1).json().path("components")
                            .findValuesAsText("custom_id")).allSatisfy(v -> assertThat(v).startsWith(
                                    "vote " + secondId + " "));
                    assertThat(discord.messages(discordFirst).get(1).json().toString())
                            .contains("第二轮投票 #" + secondId);

                    // WHEN alice changes her mind, bob keeps his, and carol votes only in round 2
                    press(events, slack, clock, "U_ALICE", secondId, 1, secondTs);
                    press(events, slack, clock, "U_CAROL", secondId, 3, secondTs);
                    String bobSecond = FakeDiscord.button("bob", "en-US", "vote " + secondId + " 4", discordSecond);
                    discord.sendInteraction(bobSecond);
                    discord.awaitAnswer(bobSecond, WAIT);
                    await("round 2 counts 3 votes", () -> slack.calls("chat.update").stream()
                            .anyMatch(u -> u.json().path("ts").asText().equals(secondTs)
                                    && u.json().toString().contains("共 3 票")));
                    // AND the clock passes 11:00, when the week's poll closes
                    clock.set(MONDAY.withHour(11).withSecond(1).toInstant());

                    // THEN round 2's results, comparing both rounds, with the chart and the week's line, go to each
                    // channel and each thread, once
                    slack.awaitCall("files.completeUploadExternal", 2, WAIT);
                    await("Discord results in channel and thread", () -> discord.messages(DISCORD_CHANNEL).size() >= 3
                            && discord.messages(discordFirst).size() >= 3);
                    settled(app, clock);
                    List<String> results = new java.util.ArrayList<>();
                    slack.calls("files.completeUploadExternal").forEach(c -> results.add(c.json().toString()));
                    results.add(discord.messages(DISCORD_CHANNEL).get(2).json().toString());
                    results.add(discord.messages(discordFirst).get(2).json().toString());
                    assertThat(slack.calls("files.completeUploadExternal")).hasSize(2);
                    assertThat(discord.messages(DISCORD_CHANNEL)).hasSize(3);
                    assertThat(discord.messages(discordFirst)).hasSize(3);
                    assertThat(discord.messages(DISCORD_CHANNEL).get(2).files()).singleElement()
                            .satisfies(f -> assertThat(f.bytes()).startsWith(PNG_SIGNATURE));
                    // before: 1 and 1 of 2; after: 1, 1 and 1 of 3; half of (1/3 + 1/2 + 1/3 + 1/6) is 67 points
                    assertThat(results).allSatisfy(r -> assertThat(r).contains(
                            "投票 #" + secondId + " 的结果 · 讨论前后",
                            "讨论前后（第一轮 #" + firstId + " → 第二轮 #" + secondId + "）",
                            "两轮都投的有 2 人，其中 1 人改了答案；只投第一轮的 0 人，只投第二轮的 1 人。",
                            "净变化：67 个百分点", "近 7 天：2 次投票，共 5 票"));

                    // WHEN someone asks for the report on Slack
                    HttpResponse<String> report = SlackRequests.post(events, SECRET,
                            clock.instant().getEpochSecond(), SlackRequests.slashCommand(TEAM, SLACK_CHANNEL,
                                    "U_DAVE", "report", slack.responseUrl("dave"), "trigger-dave"), Map.of());
                    // THEN it names both rounds and the shift
                    assertThat(slack.answerOf(report, "dave")).contains("讨论前后（两轮投票）",
                            "#" + firstId + " → #" + secondId + " · 净变化 67 个百分点");
                } finally {
                    server.close(0);
                }
            }
        }
    }

    @Test
    void the_weekly_thread_asks_its_first_prompt_and_the_next_follows_a_day_later_where_nobody_replied()
            throws Exception {
        // GIVEN a weekly poll open three days, in a Slack and a Discord channel
        TaolunConfig config = new TaolunConfig(null, null, null, null, null, null, null, new RitualsConfig(null,
                List.of(new RitualsConfig.ScheduleConfig("weekly", "weekly-poll", "mon", "09:00", "Asia/Shanghai",
                        "3d", List.of(new RitualsConfig.TargetConfig("slack", TEAM, SLACK_CHANNEL),
                                new RitualsConfig.TargetConfig("discord", FakeDiscord.GUILD_ID, DISCORD_CHANNEL))))));
        SettableClock clock = SettableClock.ticking(MONDAY.withHour(8).toInstant());
        io.taolun.core.article.Library library = new SeedLoader().load(Path.of("seeds"));
        try (FakeSlack slack = FakeSlack.start(); FakeDiscord discord = FakeDiscord.start()) {
            discord.announceGuild();
            Map<String, String> env = env(slack, discord);
            try (Composition app = new Composition(config, library, DatabaseSettings.from(env, data), clock,
                    new Random(11), e -> { }, FAST, Outbound.of(PlatformSettings.from(env)))) {
                Server server = new Server(app, config, PlatformSettings.from(env), clock,
                        new PrintStream(OutputStream.nullOutputStream()));
                try {
                    await("Discord connected with its guild", () -> server.health().json()
                            .contains("\"discord\":\"connected\""));
                    // WHEN 09:00 comes
                    clock.set(MONDAY.withHour(8).withMinute(59).withSecond(59).toInstant());
                    FakeSlack.Call poll = slack.awaitCall("chat.postMessage", 1, WAIT);
                    FakeSlack.Call thread = slack.awaitCall("chat.postMessage", 2, WAIT);
                    String pollTs = slack.tsOf(poll).orElseThrow();
                    await("the Discord poll and its thread", () -> !discord.messages(DISCORD_CHANNEL).isEmpty()
                            && !discord.messages(discord.messages(DISCORD_CHANNEL).get(0).id()).isEmpty());
                    String discordPoll = discord.messages(DISCORD_CHANNEL).get(0).id();
                    Claim claim = library.defaultArticle().orElseThrow().claims().stream()
                            .filter(c -> poll.json().toString().contains(c.statement().zh())).findFirst()
                            .orElseThrow();

                    // THEN each thread quotes the claim's line of the article and asks its first prompt
                    assertThat(thread.json().path("thread_ts").asText()).isEqualTo(pollTs);
                    String line = "第 " + claim.line() + " 行";
                    String first = "讨论题 1/3：" + claim.prompts().get(0).text().zh();
                    assertThat(thread.json().toString()).contains(claim.text(), line, first);
                    assertThat(discord.messages(discordPoll).get(0).json().toString()).contains(claim.text(), line,
                            first);

                    // WHEN a member answers in the Discord thread, and a day passes
                    discord.userPosts(discordPoll, "777", "我不同意：开源模型也在改变格局。");
                    clock.set(MONDAY.withHour(9).withSecond(1).toInstant().plus(Duration.ofDays(1)));

                    // THEN the quiet Slack thread gets the second prompt, the Discord thread does not
                    FakeSlack.Call next = slack.awaitCall("chat.postMessage", 3, WAIT);
                    assertThat(next.json().path("thread_ts").asText()).isEqualTo(pollTs);
                    assertThat(next.json().toString()).contains("讨论题 2/3：" + claim.prompts().get(1).text().zh());
                    assertThat(slack.calls("conversations.replies")).isNotEmpty()
                            .allSatisfy(c -> assertThat(c.form()).containsEntry("ts", pollTs));
                    await("the Discord prompt skipped", () -> app.rituals().outbox().describe().stream()
                            .anyMatch(row -> row.matches("r\\d+s\\d+q21 skipped .*")));
                    assertThat(discord.messages(discordPoll)).hasSize(2);
                    assertThat(discord.calls("GET", "channels/" + discordPoll + "/messages")).isNotEmpty();
                } finally {
                    server.close(0);
                }
            }
        }
    }

    private static long pollOf(FakeSlack.Call posted) {
        List<String> values = posted.json().path("blocks").findValuesAsText("value");
        assertThat(values).isNotEmpty().allSatisfy(v -> assertThat(v).matches("vote \\d+ \\d"));
        return Long.parseLong(values.get(0).split(" ")[1]);
    }

    /** A signed press on a Slack poll message, sent again if answered 503 (as Slack does). */
    private static void press(URI events, FakeSlack slack, SettableClock clock, String user, long pollId, int option,
            String ts) {
        String body = SlackRequests.blockAction(TEAM, SLACK_CHANNEL, user, "taolun-button-0",
                "vote " + pollId + " " + option, ts, slack.responseUrl(user), "trigger-" + user + pollId);
        await(user + "'s press answered 200", () -> SlackRequests.post(events, SECRET,
                clock.instant().getEpochSecond(), body, Map.of()).statusCode() == 200);
    }

    /** The environment of one process serving both fakes. */
    private static Map<String, String> env(FakeSlack slack, FakeDiscord discord) {
        return Map.of("SLACK_BOT_TOKEN", "xoxb-rituals", "SLACK_SIGNING_SECRET", SECRET, "SLACK_API_URL",
                slack.apiUrl(), "DISCORD_TOKEN", "rituals-discord", "DISCORD_API_URL", discord.apiUrl(),
                "DISCORD_GATEWAY_URL", discord.gatewayUrl(), "TAOLUN_PORT", "0");
    }

    /** The bytes uploaded for the file a files.completeUploadExternal call completes. */
    private static byte[] uploadOf(FakeSlack slack, FakeSlack.Call completion) {
        String fileId = completion.json().path("files").get(0).path("id").asText();
        FakeSlack.Call upload = slack.calls("upload").stream()
                .filter(u -> u.form().get("file_id").equals(fileId)).findFirst()
                .orElseThrow(() -> new AssertionError("no upload of " + fileId));
        return upload.body().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static void await(String what, Await.Condition condition) {
        Await.until(what, condition);
    }

    /**
     * Waits until nothing more will be posted without the clock moving on: every post recorded in the outbox was
     * made, and the scheduler has no slot or close running or due.
     */
    private static void settled(Composition app, SettableClock clock) {
        await("every recorded post made and nothing scheduled due", () -> app.rituals().outbox().depth(clock.instant()) == 0
                && ScheduledTasks.settled(app.database().dataSource(), clock.instant()));
    }
}
