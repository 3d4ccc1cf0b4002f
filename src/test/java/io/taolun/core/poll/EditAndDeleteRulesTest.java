package io.taolun.core.poll;

import static org.assertj.core.api.Assertions.assertThat;

import io.taolun.core.Lang;
import io.taolun.core.Reply;
import io.taolun.core.TestBot;
import io.taolun.testing.TouchesTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The rules of {@code edit} and {@code delete} on the in-memory ports: who may, what may change before and after the
 * first vote, the confirmation a removal with votes or a deletion with votes needs, and what the poll shows after.
 */
@TouchesTime
final class EditAndDeleteRulesTest {
    private final InMemoryPolls polls = new InMemoryPolls(Duration.ofSeconds(1));
    private final TestBot bot = TestBot.withPolls(polls, polls, TestBot.everyoneMayOpen());

    private Reply message(long id, Lang lang) {
        return new PollViews(TestBot.library().articles().get(0), polls, TestBot.ZONE, bot.clock())
                .message(polls.find(id).orElseThrow(), lang);
    }

    @Test
    void before_the_first_vote_the_opener_may_change_the_question_and_options_after_it_only_add_remove_and_extend() {
        bot.as("alice", "poll --question \"读什么？\" --options \"书|论文\"");
        // only the opener (or an admin)
        assertThat(bot.as("bob", "edit 1 --question \"别的？\"").plainText())
                .contains("只有投票 #1 的开启者或管理员可以修改它");
        Reply rewritten = bot.as("alice", "edit 1 --question \"下次读什么？\" --options \"书|论文|博客\"");
        assertThat(rewritten.error()).isFalse();
        assertThat(rewritten.plainText()).contains("已更新投票 #1 的问题和选项（共 3 个选项）。");
        assertThat(polls.find(1).orElseThrow().question()).isEqualTo("下次读什么？");
        assertThat(message(1, Lang.ZH).buttons()).extracting(b -> b.label()).containsExactly("书", "论文", "博客");

        // WHEN bob votes, the question and options are fixed
        bot.as("bob", "vote 1 3");
        assertThat(bot.as("alice", "edit 1 --options \"甲|乙\"").plainText())
                .contains("投票 #1 已经有人投票：现在只能加选项（--add）、移除选项（--remove）或延长截止时间（--hours）");
        // AND the deadline only moves later: the poll closes in 7 days, 24 hours is earlier
        assertThat(bot.as("alice", "edit 1 --hours 24").plainText()).contains("截止时间只能延后");
        Instant before = polls.find(1).orElseThrow().closesAt().orElseThrow();
        assertThat(bot.as("alice", "edit 1 --hours 240 --add \"播客\"").plainText())
                .contains("已把「播客」加到投票 #1，是第 4 个选项。", "投票 #1 现在截止于");
        assertThat(polls.find(1).orElseThrow().closesAt().orElseThrow()).isAfter(before);

        // WHEN alice removes 博客, which has bob's vote: she is asked to confirm, and nothing changes yet
        Reply ask = bot.as("alice", "edit 1 --remove 3");
        assertThat(ask.error()).isFalse();
        assertThat(ask.plainText()).contains("投票 #1 的选项 3「博客」有 1 票。移除后这些票不再计入（仍有记录）。"
                + "确认移除请输入：/article edit 1 --remove 3 --confirm");
        assertThat(polls.find(1).orElseThrow().options()).hasSize(4);
        Reply removed = bot.as("alice", "edit 1 --remove 3 --confirm");
        assertThat(removed.plainText()).contains("已从投票 #1 移除选项 3「博客」；它的 1 票不再计入，但仍有记录。");

        // THEN the message shows the other options with their numbers kept, counts nothing for the removed one,
        // and says it was removed; a vote on its stale button is refused; numbers are not reused
        Poll poll = polls.find(1).orElseThrow();
        assertThat(poll.options()).extracting(PollOption::number).containsExactly(1, 2, 4);
        assertThat(polls.tally(poll).total()).isZero();
        Reply shown = message(1, Lang.ZH);
        assertThat(shown.buttons()).extracting(b -> b.actionId()).containsExactly("vote 1 1", "vote 1 2", "vote 1 4");
        assertThat(shown.plainText()).contains("已移除：博客（它的票不再计入，但仍有记录）");
        assertThat(bot.as("carol", "vote 1 3").plainText()).contains("投票 #1 现有的选项编号为 1, 2, 4（其余的已被移除）");
        assertThat(bot.as("carol", "vote 1 4").plainText()).contains("播客");
        assertThat(bot.as("bob", "vote 1 1").plainText()).contains("书");
        assertThat(polls.tally(polls.find(1).orElseThrow()).counts()).containsExactly(1, 0, 0, 1);
        bot.as("alice", "edit 1 --add \"随笔\"");
        assertThat(polls.find(1).orElseThrow().options()).extracting(PollOption::number).containsExactly(1, 2, 4, 5);

        // AND two options stay at least
        bot.as("alice", "edit 1 --remove 5");
        bot.as("alice", "edit 1 --remove 4 --confirm");
        assertThat(bot.as("alice", "edit 1 --remove 2").plainText()).contains("投票 #1 至少要保留两个选项");
        assertThat(bot.failures).isEmpty();
    }

    @Test
    void claim_polls_change_only_their_deadline_closed_polls_not_at_all_and_english_answers_read_well() {
        bot.askInEnglish("poll c1");
        assertThat(bot.askInEnglish("edit 1 --add \"Maybe\"").plainText())
                .contains("Poll #1 asks about a claim of the article (or has two rounds): only its deadline can change");
        assertThat(bot.askInEnglish("edit 1 --hours 2").plainText()).contains("Poll #1 now closes at ")
                .contains("(Asia/Shanghai).");
        assertThat(bot.askInEnglish("edit 1 --remove abc").plainText()).contains("Poll #1 has no option abc.");
        assertThat(bot.askInEnglish("edit 1").plainText()).contains("Say what to change: --question, --options");
        assertThat(bot.askInEnglish("edit").plainText()).contains("Say which poll and what to change");
        assertThat(bot.askInEnglish("edit 1 --hours 2 --hours 3").error()).isTrue();
        assertThat(bot.askInEnglish("edit 1 --colour red").error()).isTrue();
        bot.later(Duration.ofHours(3));
        assertThat(bot.askInEnglish("edit 1 --hours 5").plainText()).contains("Poll #1 has closed, so it can no longer be edited.");

        bot.askInEnglish("poll --question \"Which?\" --options \"A|B|C\"");
        bot.as("bob", "vote 2 3");
        assertThat(bot.askInEnglish("edit 2 --remove 3").plainText()).contains("Option 3 (C) of poll #2 has 1 vote. "
                + "Once the option is removed, that vote no longer counts (it stays on record). To remove it, type "
                + "/article edit 2 --remove 3 --confirm").doesNotContain("{");
        assertThat(bot.askInEnglish("edit 2 --remove 3 --confirm").plainText())
                .contains("Removed option 3 (C) from poll #2: its 1 vote no longer counts and stays on record.");
        assertThat(bot.askInEnglish("edit 2 --remove 2").plainText()).contains("Poll #2 must keep at least two options.");
        // bob's vote no longer counts, but there was one: the deadline still only moves later, the options stay fixed
        assertThat(bot.askInEnglish("edit 2 --hours 1").plainText()).contains("Poll #2 has votes, so its deadline can only move later.");
        assertThat(bot.askInEnglish("edit 2 --options \"P|Q\"").plainText()).contains("Poll #2 has votes");
        bot.askInEnglish("poll --question \"Else?\" --options \"X|Y|Z\"");
        assertThat(bot.askInEnglish("edit 3 --remove 2").plainText()).contains("Removed option 2 (Y) from poll #3.");
        assertThat(bot.failures).isEmpty();
    }

    @Test
    void a_chosen_option_of_a_poll_of_several_choices_stays_scales_are_refused_and_labels_follow_the_reader() {
        bot.askInEnglish("poll --question \"Which?\" --options \"X|Y|Z\" --max 2");
        bot.as("bob", "vote 1 1");
        bot.as("bob", "vote 1 3");
        assertThat(bot.askInEnglish("edit 1 --remove 3 --confirm").plainText())
                .contains("Option 3 of poll #1 has choices on it: in a poll of several choices, an option that voters "
                        + "chose is not removed.");
        assertThat(polls.find(1).orElseThrow().options()).hasSize(3);
        assertThat(bot.askInEnglish("edit 1 --remove 2").plainText()).contains("Removed option 2 (Y) from poll #1.");
        // a named scale does not become the options of a poll of several choices or open to voters' options
        bot.askInEnglish("poll --question \"What next?\" --options \"A|B\" --open");
        assertThat(bot.askInEnglish("edit 2 --options likert").plainText()).contains("--open is for a question and options of your own");
        // a scale's labels are shown in the reader's language
        bot.askInEnglish("poll --question \"Agree?\" --options likert");
        assertThat(bot.askInEnglish("edit 3 --remove 1").plainText()).contains("Removed option 1 (Strongly agree) from poll #3.");
        assertThat(bot.failures).isEmpty();
    }

    @Test
    void a_poll_is_deleted_by_its_opener_one_with_votes_only_when_confirmed_and_then_shown_to_no_one() {
        bot.askInEnglish("poll --question \"Which?\" --options \"A|B\"");
        bot.as("bob", "vote 1 2");
        assertThat(bot.as("bob", "delete 1").plainText()).contains("只有投票 #1 的开启者或管理员可以删除它");
        Reply ask = bot.askInEnglish("delete 1");
        assertThat(ask.error()).isFalse();
        assertThat(ask.plainText()).contains("Poll #1 has 1 vote. Once deleted, no one can see it or its results. "
                + "To delete it, type /article delete 1 --confirm");
        assertThat(polls.find(1).orElseThrow().deletedAt()).isEmpty();
        assertThat(bot.askInEnglish("delete 1 --confirm").plainText())
                .contains("Deleted poll #1: its messages now say it was deleted.");

        // THEN it is gone for everyone: no vote, no results, not listed; its message says it was deleted
        assertThat(bot.as("carol", "vote 1 1").plainText()).contains("#1");
        assertThat(bot.as("carol", "vote 1 1").error()).isTrue();
        assertThat(bot.askInEnglish("results 1").error()).isTrue();
        assertThat(bot.askInEnglish("polls").plainText()).doesNotContain("Which?");
        Reply shown = message(1, Lang.EN);
        assertThat(shown.title()).isEqualTo("Poll #1 was deleted");
        assertThat(shown.buttons()).isEmpty();
        assertThat(shown.plainText()).doesNotContain("Which?", "A", "B").contains("takes no more votes");
        assertThat(bot.askInEnglish("delete 1 --confirm").error()).isTrue();
        // a poll without votes needs no confirmation
        bot.askInEnglish("poll --question \"Other?\" --options \"X|Y\"");
        assertThat(bot.askInEnglish("delete 2 --confirm --confirm").plainText()).contains("--confirm");
        assertThat(bot.askInEnglish("delete 2 --force").plainText()).contains("--force");
        assertThat(bot.askInEnglish("delete 2").plainText()).contains("Deleted poll #2");
        assertThat(bot.failures).isEmpty();
    }
}
