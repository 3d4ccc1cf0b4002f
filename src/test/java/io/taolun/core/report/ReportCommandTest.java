package io.taolun.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.taolun.core.Attachment;
import io.taolun.core.Field;
import io.taolun.core.Reply;
import io.taolun.core.TestBot;
import io.taolun.core.poll.InMemoryPolls;
import io.taolun.testing.TouchesTime;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code report} on the in-memory poll ports, with a scripted set of voters and the bot's fixed clock. */
@TouchesTime
final class ReportCommandTest {
    private final InMemoryPolls polls = new InMemoryPolls(Duration.ofSeconds(1));
    private final TestBot bot = TestBot.withPolls(polls, polls, TestBot.everyoneMayOpen());

    /** c3 ten days ago (3 voters, split 1 and 2), then c5 (1 voter) and a hidden c7 (2 voters); c8 elsewhere. */
    private void discuss() {
        bot.as("alice", "poll c3");
        bot.as("alice", "vote 1 1");
        bot.as("bob", "vote 1 4");
        bot.as("carol", "vote 1 4");
        bot.later(Duration.ofDays(10));
        bot.as("alice", "poll c5");
        bot.as("dan", "vote 2 2");
        bot.as("alice", "poll c7 --hidden");
        bot.as("erin", "vote 3 1");
        bot.as("frank", "vote 3 5");
        bot.as("alice", "random", "poll c8");
        bot.as("gina", "random", "vote 4 1");
    }

    private static String field(Reply reply, String name) {
        return reply.fields().stream().filter(f -> f.name().startsWith(name)).map(Field::value).findFirst()
                .orElseThrow(() -> new AssertionError("no field " + name + " in " + reply.plainText()));
    }

    @Test
    void participation_lists_this_channels_claim_polls_with_their_voters_and_the_change() {
        discuss();
        Reply report = bot.as("alice", "report");
        assertThat(report.title()).isEqualTo("讨论报告 · 全部");
        assertThat(field(report, "参与")).isEqualTo("""
                #1 · 2026-11-28 · c3 · 3 人投票
                #2 · 2026-12-08 · c5 · 1 人投票（比上一次 -2）
                #3 · 2026-12-08 · c7 · 2 人投票（比上一次 +1）""");
        assertThat(report.plainText()).doesNotContain("#4", "c8 · ");
    }

    @Test
    void how_divided_ranks_claims_by_entropy_and_leaves_out_hidden_open_polls() {
        discuss();
        String divided = field(bot.as("alice", "report"), "分歧程度");
        assertThat(divided.lines().toList()).hasSize(2);
        assertThat(divided.lines().toList().get(0)).startsWith("c3 · 分歧 40 · 3 人 · #1 · ");
        assertThat(divided.lines().toList().get(1)).startsWith("c5 · 分歧 0 · 1 人 · #2 · ");
        // once the hidden poll closes its result is public and it is counted: 1 and 1 of 5 options, ln 2 / ln 5
        bot.as("alice", "close 3");
        assertThat(field(bot.as("alice", "report"), "分歧程度").lines().toList().get(0))
                .startsWith("c7 · 分歧 43 · 2 人 · #3");
    }

    @Test
    void the_undiscussed_are_the_debatable_claims_never_polled_in_this_channel() {
        discuss();
        Reply report = bot.as("alice", "report");
        String undiscussed = field(report, "还没讨论过的观点");
        // 40 claims, 4 of them facts, 3 polled here; c8 was polled only in another channel
        assertThat(report.fields()).anySatisfy(f -> assertThat(f.name()).isEqualTo("还没讨论过的观点（33 个）"));
        assertThat(undiscussed).startsWith("c1, c2, c4, c8, c9,").contains("等另外 21 个")
                .doesNotContain("c6,", "c3,", "c5,");
        assertThat(undiscussed).endsWith("用 /article poll c1 发起讨论。");
    }

    @Test
    void a_period_keeps_the_polls_opened_in_it() {
        discuss();
        bot.later(Duration.ofDays(1));
        Reply week = bot.as("alice", "report week");
        assertThat(week.title()).isEqualTo("讨论报告 · 近 7 天");
        assertThat(field(week, "参与")).doesNotContain("#1").contains("#2", "#3");
        assertThat(field(bot.as("alice", "report month"), "参与")).contains("#1", "#2", "#3");
        bot.later(Duration.ofDays(30));
        Reply none = bot.as("alice", "report month");
        assertThat(none.plainText()).contains("本频道还没有针对观点的投票（近 30 天）。");
        // the claims never polled here are still listed
        assertThat(none.fields()).anySatisfy(f -> assertThat(f.name()).isEqualTo("还没讨论过的观点（33 个）"));
    }

    @Test
    void in_english() {
        discuss();
        Reply report = bot.handle(TestBot.request("general", "en-US", "report week"));
        assertThat(report.title()).isEqualTo("Discussion report · last 7 days");
        assertThat(field(report, "Participation")).isEqualTo("""
                #2 · 2026-12-08 · c5 · 1 voter
                #3 · 2026-12-08 · c7 · 2 voters (+1 on the poll before)""");
        assertThat(field(report, "How divided")).startsWith("c5 · divided 0 · 1 voter · #2 · ");
        assertThat(report.footer()).contains("normalised entropy");
        assertThat(report.plainText()).doesNotContain("{", "}");
    }

    @Test
    void a_long_discussion_keeps_each_part_within_what_a_chat_field_holds() {
        // 12 claim polls, each with votes: only the 10 newest polls and the 8 most divided claims are listed
        String[] claims = {"c1", "c2", "c3", "c4", "c5", "c7", "c8", "c9", "c10", "c11", "c12", "c13"};
        for (int i = 0; i < claims.length; i++) {
            bot.as("alice", "poll " + claims[i]);
            bot.as("u" + i, "vote " + (i + 1) + " 1");
            bot.as("v" + i, "vote " + (i + 1) + " " + (1 + i % 5));
        }
        for (String lang : new String[] {"", "en-US"}) {
            Reply report = bot.handle(TestBot.request("general", lang, "report"));
            String participation = report.fields().get(0).value();
            assertThat(participation.lines().toList()).hasSize(11);
            assertThat(participation.lines().findFirst().orElseThrow())
                    .isEqualTo(lang.isEmpty() ? "……更早的 2 次投票从略" : "…2 earlier polls not shown");
            String divided = report.fields().get(1).value();
            assertThat(divided.lines().toList()).hasSize(9);
            assertThat(divided.lines().toList().get(8))
                    .isEqualTo(lang.isEmpty() ? "……分歧较小的另外 4 个观点从略" : "…4 less divided claims not shown");
            for (Field f : report.fields()) {
                assertThat(f.value().length()).as(f.name()).isLessThanOrEqualTo(1024);
            }
        }
    }

    /** Round 1: bob and carol agree, dave disagrees; round 2 a day later: bob strongly agrees, the others keep. */
    private void twoRounds() {
        bot.as("alice", "poll c5 --rounds 2");
        bot.as("bob", "vote 1 2");
        bot.as("carol", "vote 1 2");
        bot.as("dave", "vote 1 4");
        bot.later(Duration.ofDays(1));
        bot.as("alice", "round 1");
        bot.as("bob", "vote 2 1");
        bot.as("carol", "vote 2 2");
        bot.as("dave", "vote 2 4");
    }

    @Test
    void polls_of_two_rounds_show_their_shift_and_round_two_is_marked() {
        twoRounds();
        Reply report = bot.as("alice", "report");
        assertThat(field(report, "参与")).isEqualTo("""
                #1 · 2026-11-28 · c5 · 3 人投票
                #2 · 2026-11-29 · c5 · 第二轮 · 3 人投票（与上一次相同）""");
        // shares 2/3 and 1/3 before, 1/3 each after: half of (1/3 + 1/3) is 33 points
        assertThat(field(report, "讨论前后")).isEqualTo("c5 · #1 → #2 · 净变化 33 个百分点 · 两轮都投的 3 人中 1 人改了答案");
        assertThat(report.footer()).contains("净变化是两轮得票分布之差");
        Reply english = bot.handle(TestBot.request("general", "en-US", "report"));
        assertThat(field(english, "Participation")).endsWith(
                "#2 · 2026-11-29 · c5 · round 2 · 3 voters (the same as the poll before)");
        assertThat(field(english, "Before and after")).isEqualTo(
                "c5 · #1 → #2 · net shift 33 points · 1 of 3 voters in both rounds changed their answer");
        assertThat(english.plainText()).doesNotContain("{", "}");
    }

    @Test
    void the_report_as_csv_has_a_row_per_poll_with_its_measures_and_one_per_claim_not_yet_discussed() {
        twoRounds();
        // WHEN the report is asked for as CSV, by the flag or through export
        Reply flagged = bot.as("alice", "report --csv");
        Reply exported = bot.as("alice", "export report week");
        // THEN each carries a CSV named for its period, for the asker (the report was not shared)
        Attachment csv = flagged.attachment().orElseThrow();
        assertThat(csv.fileName()).isEqualTo("report-all.csv");
        assertThat(csv.mediaType()).isEqualTo("text/csv");
        assertThat(csv.forChannel()).isFalse();
        assertThat(exported.attachment().orElseThrow().fileName()).isEqualTo("report-week.csv");
        assertThat(bot.as("alice", "report --csv --csv").attachment()).hasValueSatisfying(
                a -> assertThat(a.fileName()).isEqualTo("report-all.csv"));
        String text = new String(csv.bytes(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFclaim,kind,statement_zh,statement_en,poll,opened,round,first_round,voters,"
                + "change,divided,net_shift_points,changed,both_rounds,only_round_1,only_round_2\n");
        List<String> lines = text.lines().toList();
        // round 1: 2 and 1 of 3 over 5 options is 40 divided; round 2: 1, 1, 1 is 68, its shift 33, 1 changed of 3
        assertThat(lines.get(1)).startsWith("c5,").endsWith(",1,2026-11-28,1,,3,,40,,,,,");
        assertThat(lines.get(2)).startsWith("c5,").endsWith(",2,2026-11-29,2,1,3,0,68,33,1,3,0,0");
        // AND every other debatable claim has a row of its own, without figures
        long undiscussed = TestBot.library().defaultArticle().orElseThrow().claims().stream()
                .filter(c -> c.kind().debatable() && !c.id().equals("c5")).count();
        assertThat(lines).hasSize(3 + (int) undiscussed);
        assertThat(lines.get(3)).endsWith(",,,,,,,,,,,,");
        // AND no voter is in it
        assertThat(text).doesNotContain("bob", "carol", "dave");
        assertThat(bot.as("alice", "export").plainText()).contains("/article export report week");
    }

    @Test
    void a_word_that_is_not_a_period_gets_a_short_answer() {
        assertThat(bot.as("alice", "report year").plainText()).contains("看不懂“year”", "week", "month", "all");
        assertThat(bot.as("alice", "report week month").plainText()).contains("最多给一个时间范围");
        assertThat(bot.failures).isEmpty();
    }
}
