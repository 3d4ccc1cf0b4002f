package io.taolun.core.poll;

import static org.assertj.core.api.Assertions.assertThat;

import io.taolun.core.Block;
import io.taolun.core.Field;
import io.taolun.core.Lang;
import io.taolun.core.Messages;
import io.taolun.core.Reply;
import io.taolun.core.TestBot;
import io.taolun.core.Visibility;
import io.taolun.testing.TouchesTime;
import io.taolun.core.article.Article;
import io.taolun.core.article.Claim;
import io.taolun.core.article.ClaimKind;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The poll rules, as a conversation, on the in-memory poll ports; {@code io.taolun.store.PollPortsContractTest} holds
 * those ports to what the stores on H2 and PostgreSQL do.
 */
@TouchesTime
final class PollRulesTest {
    /** A bot with polls on a fresh fake, double clicks within one second. */
    private static final class Conversation {
        final InMemoryPolls polls = new InMemoryPolls(Duration.ofSeconds(1));
        final TestBot bot;

        Conversation() {
            this(TestBot.everyoneMayOpen());
        }

        Conversation(PollPolicy policy) {
            bot = TestBot.withPolls(polls, polls, policy);
        }
    }

    private static List<String> bars(Reply reply) {
        return reply.fields().stream().map(Field::value).toList();
    }

    @Test
    void a_poll_on_a_claim_is_posted_with_one_button_per_option_and_named_by_id() {
        Conversation h = new Conversation();
        // WHEN
        Reply poll = h.bot.as("alice", "poll c1");
        // THEN
        assertThat(poll.title()).isEqualTo("投票 #1");
        assertThat(poll.visibility()).isEqualTo(Visibility.IN_CHANNEL);
        assertThat(poll.buttons()).extracting(b -> b.label())
                .containsExactly("强烈同意", "同意", "中立", "不同意", "强烈反对");
        assertThat(poll.buttons()).extracting(b -> b.actionId()).first().isEqualTo("vote 1 1");
        assertThat(((Block.Quote) poll.blocks().get(0)).text())
                .isEqualTo(TestBot.library().defaultArticle().orElseThrow().claims().get(0).statement().zh());
        assertThat(((Block.Quote) poll.blocks().get(0)).attribution()).isEqualTo("c1 · §1 《华尔街日报》的报道，第 4 行");
        assertThat(poll.footer()).contains("匿名", "2026-12-05 09:00");
    }

    /** The text blocks between the claim and the buttons: the question asked, then how to vote. */
    private static List<String> asked(Reply poll) {
        return poll.blocks().stream().filter(b -> b instanceof Block.Text).map(b -> ((Block.Text) b).text()).toList();
    }

    private static Article article() {
        return TestBot.library().defaultArticle().orElseThrow();
    }

    private static Claim firstOf(ClaimKind kind) {
        return article().claims().stream().filter(c -> c.kind() == kind).findFirst().orElseThrow();
    }

    @Test
    void each_kind_of_claim_asks_a_question_that_fits_it_in_both_languages() {
        Conversation h = new Conversation();
        // WHEN an opinion, a prediction, a recommendation and a fact are polled, in Chinese and in English
        Reply opinion = h.bot.as("alice", "poll " + firstOf(ClaimKind.OPINION).id());
        Reply prediction = h.bot.as("alice", "poll " + firstOf(ClaimKind.PREDICTION).id());
        Reply recommendation = h.bot.as("alice", "poll " + firstOf(ClaimKind.RECOMMENDATION).id() + " --lang en");
        Reply fact = h.bot.as("alice", "poll " + firstOf(ClaimKind.FACT).id() + " --lang en");

        // THEN an opinion asks for agreement on the five-point scale
        assertThat(asked(opinion)).first().isEqualTo("你同意这个观点吗？");
        assertThat(opinion.buttons()).extracting(b -> b.label())
                .containsExactly("强烈同意", "同意", "中立", "不同意", "强烈反对");
        // AND a prediction asks whether it will happen, not whether one agrees
        assertThat(asked(prediction)).first().isEqualTo("你认为会这样吗？");
        assertThat(prediction.buttons()).extracting(b -> b.label()).containsExactly("会", "不会", "现在还说不准");
        // AND a recommendation asks whether it should be done
        assertThat(recommendation.buttons()).extracting(b -> b.label())
                .containsExactly("It should", "It shouldn't", "It depends");
        assertThat(asked(recommendation)).first().asString().startsWith("Should");
        // AND a fact, polled by name, asks whether it is accurate
        assertThat(asked(fact)).first().asString().contains("accurate");
        assertThat(fact.buttons()).extracting(b -> b.label()).containsExactly("Accurate", "Inaccurate", "Not sure");
        // AND none of them asks for agreement except the opinion
        for (Reply r : List.of(prediction, recommendation, fact)) {
            assertThat(r.plainText()).doesNotContain("你同意这个观点吗", "Do you agree");
        }
    }

    @Test
    void a_custom_question_asks_itself_and_no_agreement() {
        Conversation h = new Conversation();
        // WHEN a custom question with its own options is polled
        Reply poll = h.bot.as("alice", "poll --question \"Chips or power?\" --options \"Chips|Power|Both\" --lang en");
        // THEN the question is shown, the answers are its own, and nobody is asked whether they agree
        assertThat(((Block.Quote) poll.blocks().get(0)).text()).isEqualTo("Chips or power?");
        assertThat(poll.buttons()).extracting(b -> b.label()).containsExactly("Chips", "Power", "Both");
        assertThat(asked(poll)).containsExactly(Messages.of(Lang.EN).get("poll.ask"));
        assertThat(poll.plainText()).doesNotContain("agree", "同意");
    }

    @Test
    void the_history_of_a_prediction_names_its_top_answer_and_says_nothing_about_agreeing() {
        Conversation h = new Conversation();
        String prediction = firstOf(ClaimKind.PREDICTION).id();
        // GIVEN a poll on a prediction with one vote for "will"
        h.bot.as("alice", "poll " + prediction);
        h.bot.as("bob", "vote 1 1");
        // WHEN its history is asked for
        Reply history = h.bot.as("carol", "history " + prediction);
        // THEN the line names the top answer, and the note about the agreeing share is absent
        assertThat(history.plainText()).contains("最多：会（100%）").doesNotContain("同意");
        // AND an opinion's history, which shows an agreeing share, still explains it
        h.bot.as("alice", "poll c1");
        h.bot.as("bob", "vote 2 2");
        assertThat(h.bot.as("carol", "history c1").footer()).contains("强烈同意与同意之和");
    }

    @Test
    void a_bare_poll_picks_the_least_polled_claim_and_never_a_fact() {
        Conversation h = new Conversation();
        int debatable = (int) article().claims().stream().filter(c -> c.kind().debatable()).count();
        java.util.Set<String> picked = new java.util.HashSet<>();
        // WHEN a bare poll is opened once per debatable claim
        for (int i = 0; i < debatable; i++) {
            Reply poll = h.bot.as("alice", "poll");
            assertThat(poll.error()).as(poll.plainText()).isFalse();
            String id = ((Block.Quote) poll.blocks().get(0)).attribution().split(" · ")[0];
            picked.add(id);
        }
        // THEN every debatable claim was picked once, and no fact was
        assertThat(picked).hasSize(debatable);
        assertThat(picked).allSatisfy(id -> assertThat(article().claims().stream()
                .filter(c -> c.id().equals(id)).findFirst().orElseThrow().kind()).isNotEqualTo(ClaimKind.FACT));
    }

    @Test
    void votes_by_three_people_show_counts_percentages_and_bars() {
        Conversation h = new Conversation();
        // GIVEN
        h.bot.as("alice", "poll c1");
        // WHEN
        h.bot.as("alice", "vote 1 1");
        h.bot.as("bob", "vote 1 2");
        h.bot.as("carol", "vote #1 2");
        Reply results = h.bot.as("dave", "results");
        // THEN
        assertThat(results.title()).isEqualTo("投票 #1 的结果");
        assertThat(bars(results)).containsExactly(
                "███████░░░░░░░░░░░░░ 1 票 · 33%",
                "█████████████░░░░░░░ 2 票 · 67%",
                "░░░░░░░░░░░░░░░░░░░░ 0 票 · 0%",
                "░░░░░░░░░░░░░░░░░░░░ 0 票 · 0%",
                "░░░░░░░░░░░░░░░░░░░░ 0 票 · 0%");
        assertThat(results.footer()).startsWith("共 3 票");
    }

    @Test
    void choosing_another_option_moves_the_vote() {
        Conversation h = new Conversation();
        h.bot.as("alice", "poll c1");
        h.bot.as("bob", "vote 1 2");
        // WHEN
        Reply moved = h.bot.as("bob", "vote 1 4");
        // THEN
        assertThat(moved.title()).isEqualTo("你在 #1 的投票已改为：不同意");
        assertThat(h.polls.tally(h.polls.find(1).orElseThrow()).counts()).containsExactly(0, 0, 0, 1, 0);
    }

    @Test
    void choosing_the_same_option_again_retracts_the_vote() {
        Conversation h = new Conversation();
        h.bot.as("alice", "poll c1");
        h.bot.as("bob", "vote 1 2");
        // WHEN bob presses the same button a minute later
        h.bot.later(Duration.ofMinutes(1));
        Reply retracted = h.bot.as("bob", "vote 1 2");
        // THEN
        assertThat(retracted.title()).isEqualTo("已撤回你在 #1 的投票（同意）");
        assertThat(h.polls.tally(h.polls.find(1).orElseThrow()).total()).isZero();
    }

    @Test
    void a_double_click_counts_once_and_does_not_retract() {
        Conversation h = new Conversation();
        h.bot.as("alice", "poll c1");
        // WHEN bob's click arrives twice within the same instant
        h.bot.as("bob", "vote 1 3");
        Reply second = h.bot.as("bob", "vote 1 3");
        // THEN
        assertThat(second.title()).contains("已经投了：中立");
        assertThat(h.polls.tally(h.polls.find(1).orElseThrow()).counts()).containsExactly(0, 0, 1, 0, 0);
    }

    @Test
    void a_double_click_after_a_withdrawal_keeps_it_withdrawn_and_a_later_press_votes_again() {
        Conversation h = new Conversation();
        h.bot.as("alice", "poll c1");
        h.bot.as("bob", "vote 1 2");
        h.bot.later(Duration.ofSeconds(5));
        assertThat(h.bot.as("bob", "vote 1 2").title()).contains("已撤回");
        // WHEN the withdrawing click arrives twice
        assertThat(h.bot.as("bob", "vote 1 2").title()).contains("仍是撤回状态");
        assertThat(h.polls.tally(h.polls.find(1).orElseThrow()).total()).isZero();
        // THEN a press after the window votes again, and another option at once counts too
        h.bot.later(Duration.ofSeconds(5));
        assertThat(h.bot.as("bob", "vote 1 2").title()).contains("已记录");
        assertThat(h.bot.as("bob", "vote 1 5").title()).contains("已改为：强烈反对");
        assertThat(h.polls.tally(h.polls.find(1).orElseThrow()).counts()).containsExactly(0, 0, 0, 0, 1);
    }

    @Test
    void a_poll_can_ask_a_custom_question() {
        Conversation h = new Conversation();
        Reply poll = h.bot.as("alice", "poll --question \"下次读哪篇？ @everyone\" --options \"A|B\"");
        assertThat(poll.title()).isEqualTo("投票 #1");
        assertThat(((Block.Quote) poll.blocks().get(0)).text()).startsWith("下次读哪篇？").doesNotContain("@everyone");
        assertThat(h.bot.as("alice", "poll c1 --question \"x\"").plainText()).contains("二者选一");
        assertThat(h.bot.as("alice", "poll --question \"\u200b\"").error()).isTrue();
    }

    @Test
    void labels_must_show_something_and_fit_a_slack_button() {
        Conversation h = new Conversation();
        assertThat(h.bot.as("alice", "poll c1 --options \"ok|" + "x".repeat(76) + "\"").error()).isTrue();
        assertThat(h.bot.as("alice", "poll c1 --options \"ok|\u200b\"").error()).isTrue();
        assertThat(h.bot.as("alice", "poll c1 --options \"ok|" + "x".repeat(75) + "\"").title()).isEqualTo("投票 #1");
    }

    @Test
    void an_id_longer_than_the_store_keeps_gets_a_short_answer() {
        Conversation h = new Conversation();
        Reply reply = h.bot.as("u".repeat(120), "poll c1");
        assertThat(reply.error()).isTrue();
        assertThat(reply.plainText()).contains("太长");
        assertThat(h.bot.failures).isEmpty();
    }

    @Test
    void the_same_user_on_two_platforms_is_two_voters() {
        Conversation h = new Conversation();
        h.bot.as("alice", "poll c1");
        h.bot.as("u1", "vote 1 1");
        // the poll lives on the console platform, so a vote arriving from slack for the same id is unknown there
        Reply elsewhere = h.bot.handle(new io.taolun.core.ChatRequest("slack", "T1", "general", "u1", "", "vote 1 1"));
        assertThat(elsewhere.error()).isTrue();
        assertThat(elsewhere.plainText()).contains("没有编号为 #1 的投票");
    }

    @Test
    void a_vote_on_an_unknown_or_closed_poll_is_refused_clearly() {
        Conversation h = new Conversation();
        assertThat(h.bot.as("bob", "vote 42 1").plainText()).contains("没有编号为 #42 的投票");
        h.bot.as("alice", "poll c2 --hours 1");
        h.bot.later(Duration.ofMinutes(61));
        Reply late = h.bot.as("bob", "vote 1 1");
        assertThat(late.error()).isTrue();
        assertThat(late.plainText()).contains("#1 已经截止");
        assertThat(h.polls.tally(h.polls.find(1).orElseThrow()).total()).isZero();
    }

    @Test
    void an_option_number_out_of_range_names_the_range() {
        Conversation h = new Conversation();
        h.bot.as("alice", "poll c1 --options agree");
        for (String bad : List.of("vote 1 0", "vote 1 4", "vote 1 x", "vote 1 99999999999")) {
            assertThat(h.bot.as("bob", bad).plainText()).as(bad).contains("选项编号为 1 到 3");
        }
        assertThat(h.bot.as("bob", "vote abc 1").plainText()).contains("不是投票编号");
    }

    @Test
    void only_the_opener_or_an_admin_may_close_and_closing_posts_final_results() {
        Conversation h = new Conversation();
        h.bot.as("alice", "poll c3");
        h.bot.as("bob", "vote 1 5");
        assertThat(h.bot.as("bob", "close 1").plainText()).contains("只有发起人或管理员");
        Reply closed = h.bot.as("alice", "close 1");
        assertThat(closed.visibility()).isEqualTo(Visibility.IN_CHANNEL);
        assertThat(closed.footer()).contains("已于");
        assertThat(h.bot.as("admin", "close 1").plainText()).contains("#1 已经截止");
        assertThat(h.bot.as("carol", "vote 1 1").plainText()).contains("#1 已经截止");
    }

    @Test
    void admins_only_policy_refuses_others_and_lets_admins_open() {
        PollPolicy admins = new PollPolicy(PollPolicy.Openers.ADMINS, Map.of("console", Set.of("admin")),
                Duration.ofDays(7), Duration.ofDays(90));
        Conversation h = new Conversation(admins);
        assertThat(h.bot.as("bob", "poll c1").plainText()).contains("只有管理员可以发起投票");
        assertThat(h.bot.as("admin", "poll c1").title()).isEqualTo("投票 #1");
    }

    @Test
    void hidden_results_stay_hidden_until_the_poll_closes() {
        Conversation h = new Conversation();
        h.bot.as("alice", "poll c4 --hidden --hours 2");
        Reply vote = h.bot.as("bob", "vote 1 1");
        assertThat(vote.fields()).isEmpty();
        assertThat(h.bot.as("bob", "results 1").plainText()).contains("结果将在截止后公布").doesNotContain("█");
        assertThat(h.bot.as("bob", "export 1").error()).isTrue();
        h.bot.later(Duration.ofHours(3));
        assertThat(bars(h.bot.as("bob", "results 1"))).first().asString().contains("1 票 · 100%");
    }

    @Test
    void custom_options_and_english_labels() {
        Conversation h = new Conversation();
        Reply poll = h.bot.as("alice", "poll c5 --options \"Yes|No|=cmd()\" --lang en");
        assertThat(poll.title()).isEqualTo("Poll #1");
        assertThat(poll.buttons()).extracting(b -> b.label()).containsExactly("Yes", "No", "=cmd()");
        h.bot.as("bob", "vote 1 1");
        assertThat(bars(h.bot.as("bob", "results --lang en"))).first().isEqualTo("████████████████████ 1 vote · 100%");
    }

    @Test
    void export_is_csv_of_counts_without_voters_and_defuses_formulas() {
        Conversation h = new Conversation();
        h.bot.as("alice", "poll c5 --options \"Yes|-1|@SUM(A1)\"");
        h.bot.as("bob", "vote 1 2");
        Reply export = h.bot.as("alice", "export 1");
        String csv = new String(export.attachment().orElseThrow().bytes(), StandardCharsets.UTF_8);
        assertThat(export.attachment().orElseThrow().fileName()).isEqualTo("poll-1.csv");
        assertThat(csv.lines().findFirst())
                .hasValue("\uFEFFpoll,claim,question,option,label_zh,label_en,votes,percent");
        assertThat(csv).contains("\"'-1\",\"'-1\",1,100").contains("\"'@").doesNotContain("bob");
        assertThat(csv.lines().skip(1)).allSatisfy(row -> assertThat(row).doesNotContain(",=", ",-", ",@", ",+",
                ",\"=", ",\"-", ",\"@", ",\"+"));
    }

    @Test
    void a_public_poll_export_lists_voters() {
        Conversation h = new Conversation();
        h.bot.as("alice", "poll c5 --public --options agree");
        h.bot.as("bob", "vote 1 2");
        String csv = new String(h.bot.as("alice", "export 1").attachment().orElseThrow().bytes(),
                StandardCharsets.UTF_8);
        assertThat(csv.lines().findFirst().orElseThrow()).endsWith(",voters");
        assertThat(csv).contains("不同意,Disagree,1,100,bob");
    }

    @Test
    void an_export_is_for_the_channel_only_when_it_shows_what_the_channel_sees() {
        // GIVEN a public poll and an anonymous one, both opened in the default channel
        Conversation h = new Conversation();
        h.bot.as("alice", "poll c5 --public --options agree");
        h.bot.as("alice", "poll c4 --options agree");
        // THEN the public poll's file may go to its own channel
        assertThat(h.bot.as("alice", "export 1").attachment().orElseThrow().forChannel()).isTrue();
        // BUT not to another channel, and an anonymous poll's file goes to the asker alone
        assertThat(h.bot.as("alice", "other-channel", "export 1").attachment().orElseThrow().forChannel()).isFalse();
        assertThat(h.bot.as("alice", "export 2").attachment().orElseThrow().forChannel()).isFalse();
    }

    @Test
    void polls_lists_only_the_open_polls_of_this_channel() {
        Conversation h = new Conversation();
        h.bot.as("alice", "poll c1");
        h.bot.as("alice", "random", "poll c2");
        h.bot.as("alice", "poll c3");
        h.bot.as("alice", "close 3");
        Reply polls = h.bot.as("bob", "polls");
        assertThat(polls.blocks()).hasSize(1);
        assertThat(polls.plainText()).contains("#1 · c1").doesNotContain("#2", "#3");
    }

    @Test
    void history_shows_every_poll_on_a_claim_and_how_agreement_moved() {
        Conversation h = new Conversation();
        // GIVEN a first poll where 1 of 2 agree, then a second where 3 of 4 agree
        h.bot.as("alice", "poll c7");
        h.bot.as("a", "vote 1 1");
        h.bot.as("b", "vote 1 4");
        h.bot.as("alice", "close 1");
        h.bot.as("alice", "poll c7");
        for (String user : List.of("a", "b", "c")) {
            h.bot.as(user, "vote 2 2");
        }
        h.bot.as("d", "vote 2 5");
        // WHEN
        Reply history = h.bot.as("bob", "history c7");
        // THEN
        assertThat(history.blocks()).hasSize(3);
        assertThat(((Block.Text) history.blocks().get(1)).text()).contains("#1", "2 票", "已截止", "同意 50%");
        assertThat(((Block.Text) history.blocks().get(2)).text()).contains("#2", "4 票", "进行中", "同意 75%", "+25");
    }

    @Test
    void bad_poll_commands_get_usage_answers() {
        Conversation h = new Conversation();
        for (String bad : List.of("poll c999", "poll c1 c2", "poll c1 --options", "poll c1 --options x",
                "poll c1 --options \"a|a\"", "poll c1 --options \"a|b|c|d|e|f|g|h|i|j|k\"", "poll c1 --hours 0",
                "poll c1 --hours 99999", "poll c1 --hours x", "poll c1 --bogus", "results 1", "close", "vote 1",
                "history", "history c999", "export", "results #0", "poll @everyone")) {
            Reply reply = h.bot.as("alice", bad);
            assertThat(reply.error()).as(bad).isTrue();
            assertThat(reply.fields()).as(bad).singleElement()
                    .satisfies(f -> assertThat(f.value()).startsWith("/article "));
            assertThat(reply.plainText()).doesNotContain("@everyone");
        }
        assertThat(h.bot.failures).isEmpty();
    }

    @Test
    void a_closed_poll_message_keeps_its_final_tally_says_closed_and_has_no_buttons() {
        // GIVEN a poll of an hour with one vote, as its message shows it while open
        Conversation h = new Conversation();
        h.bot.as("alice", "poll c1 --hours 1");
        h.bot.as("bob", "vote 1 2");
        Poll poll = h.polls.find(1).orElseThrow();
        Reply open = messagesAt(h, TestBot.NOW).message(poll, Lang.ZH);
        assertThat(open.title()).isEqualTo("投票 #1");
        assertThat(open.buttons()).hasSize(5);
        // WHEN its deadline has passed
        PollViews after = messagesAt(h, TestBot.NOW.plus(Duration.ofHours(2)));
        // THEN its message, in either language, names it closed, shows the final tally and has no live buttons
        Reply zh = after.message(poll, Lang.ZH);
        assertThat(zh.title()).isEqualTo("投票 #1（已截止）");
        assertThat(zh.buttons()).isEmpty();
        assertThat(zh.footer()).contains("已于").doesNotContain("截止于").doesNotContain("/article vote");
        assertThat(bars(zh)).filteredOn(b -> b.contains("1 票 · 100%")).hasSize(1);
        Reply en = after.message(poll, Lang.EN);
        assertThat(en.title()).isEqualTo("Poll #1 · closed");
        assertThat(en.buttons()).isEmpty();
        assertThat(en.footer()).contains("closed ").doesNotContain("closes ");
    }

    @Test
    void a_poll_closed_by_hand_shows_closed_in_its_message_at_once() {
        Conversation h = new Conversation();
        h.bot.as("alice", "poll c1");
        h.bot.as("alice", "close 1");
        Reply message = messagesAt(h, TestBot.NOW).message(h.polls.find(1).orElseThrow(), Lang.ZH);
        assertThat(message.title()).isEqualTo("投票 #1（已截止）");
        assertThat(message.buttons()).isEmpty();
    }

    @Test
    void a_hidden_and_a_public_poll_say_so_in_their_post_in_both_languages() {
        Conversation h = new Conversation();
        // WHEN a poll with hidden results and one with visible voters are opened
        Reply hidden = h.bot.as("alice", "poll c4 --hidden");
        Reply shown = h.bot.as("alice", "poll c1 --public");
        // THEN each post says which it is, in Chinese and in English
        assertThat(hidden.footer()).contains("匿名", "截止前不公布结果");
        assertThat(shown.footer()).contains("公开投票人").doesNotContain("截止前不公布结果");
        PollViews now = messagesAt(h, TestBot.NOW);
        assertThat(now.message(h.polls.find(1).orElseThrow(), Lang.EN).footer())
                .contains("anonymous", "results hidden until it closes");
        assertThat(now.message(h.polls.find(2).orElseThrow(), Lang.EN).footer()).contains("voters visible")
                .doesNotContain("hidden");
        // AND once closed, the hidden poll's message shows its results and no longer says they are hidden
        Reply closed = messagesAt(h, TestBot.NOW.plus(Duration.ofDays(8))).message(h.polls.find(1).orElseThrow(),
                Lang.ZH);
        assertThat(closed.footer()).doesNotContain("截止前不公布结果");
    }

    @Test
    void hidden_and_public_together_hide_the_counts_until_the_close_and_show_the_voters_after() {
        // --hidden hides the counts while open; --public names the voters in the export, which is refused while
        // the counts are hidden: the two do not contradict each other
        Conversation h = new Conversation();
        Reply poll = h.bot.as("alice", "poll c4 --hidden --public --hours 1");
        assertThat(poll.error()).isFalse();
        assertThat(poll.footer()).contains("公开投票人", "截止前不公布结果");
        h.bot.as("bob", "vote 1 1");
        assertThat(h.bot.as("bob", "export 1").error()).isTrue();
        h.bot.later(Duration.ofHours(2));
        assertThat(h.bot.as("bob", "export 1").error()).isFalse();
    }

    @Test
    void an_option_given_twice_is_refused_with_a_short_reason_in_both_languages() {
        Conversation h = new Conversation();
        for (String twice : List.of("poll c1 --hours 2 --hours 3", "poll c1 --options agree --options likert",
                "poll c1 --hidden --hidden", "poll --question a --question b")) {
            Reply reply = h.bot.as("alice", twice);
            assertThat(reply.error()).as(twice).isTrue();
            assertThat(reply.plainText()).as(twice).contains("给了两次").doesNotContain("{0}");
        }
        assertThat(h.bot.as("alice", "poll c1 --hours 2 --hours 3 --lang en").plainText())
                .contains("--hours is given twice");
        assertThat(h.polls.find(1)).isEmpty();
        assertThat(h.bot.failures).isEmpty();
    }

    private static PollViews messagesAt(Conversation h, java.time.Instant at) {
        return new PollViews(TestBot.library(), h.polls, TestBot.ZONE, java.time.Clock.fixed(at,
                java.time.ZoneOffset.UTC));
    }
}
