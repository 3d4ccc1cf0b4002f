package io.taolun.core.poll;

import static org.assertj.core.api.Assertions.assertThat;

import io.taolun.core.Reply;
import io.taolun.core.TestBot;
import io.taolun.testing.TouchesTime;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Polls of two rounds on the in-memory ports: {@code poll --rounds 2}, votes by scripted voters, {@code round}, votes
 * again with some changes, and results that compare both rounds, exact to the voter.
 */
@TouchesTime
final class RoundsTest {
    private final InMemoryPolls polls = new InMemoryPolls(Duration.ofSeconds(1));
    private final TestBot bot = TestBot.withPolls(polls, polls, TestBot.everyoneMayOpen());

    /**
     * Round 1: bob, carol and dave agree (2), erin disagrees (4). Round 2: bob strongly agrees (1), carol disagrees
     * (4), dave still agrees, frank (new) strongly disagrees (5); erin does not vote again.
     */
    private void twoRounds() {
        bot.as("alice", "poll c5 --rounds 2");
        bot.as("bob", "vote 1 2");
        bot.as("carol", "vote 1 2");
        bot.as("dave", "vote 1 2");
        bot.as("erin", "vote 1 4");
        bot.later(Duration.ofDays(2));
        bot.as("alice", "round 1");
        bot.as("bob", "vote 2 3");
        bot.later(Duration.ofMinutes(1));
        bot.as("bob", "vote 2 1"); // changes the round-2 vote, as in any poll
        bot.as("carol", "vote 2 4");
        bot.as("dave", "vote 2 2");
        bot.as("frank", "vote 2 5");
    }

    @Test
    void round_one_says_it_is_the_first_of_two_and_round_two_asks_again_after_the_discussion() {
        Reply first = bot.as("alice", "poll c5 --rounds 2");
        assertThat(first.plainText()).contains("两轮中的第一轮：讨论之后会再问一次");
        Reply second = bot.as("alice", "round 1");
        assertThat(second.title()).isEqualTo("投票 #2");
        assertThat(second.plainText()).startsWith("投票 #2\n第二轮（第一轮是 #1）· 讨论之后，你的看法变了吗？");
        assertThat(second.buttons()).hasSize(5);
        assertThat(second.plainText()).doesNotContain("两轮中的第一轮");
        Reply english = bot.as("alice", "round 1 --lang en");
        assertThat(english.plainText()).contains("Poll #1 has its round 2 already: #2.");
    }

    @Test
    void round_two_closes_round_one_with_the_same_question_and_options() {
        twoRounds();
        Poll first = polls.find(1).orElseThrow();
        Poll second = polls.find(2).orElseThrow();
        assertThat(first.closedAt()).contains(TestBot.NOW.plus(Duration.ofDays(2)));
        assertThat(second.round()).isEqualTo(PollRound.second(1, first.round().salt()));
        assertThat(second.question()).isEqualTo(first.question());
        assertThat(second.options()).isEqualTo(first.options());
        assertThat(second.claimId()).contains("c5");
        assertThat(bot.as("erin", "vote 1 2").plainText()).contains("投票 #1 已经截止");
    }

    @Test
    void the_results_of_round_two_compare_both_rounds_exactly() {
        twoRounds();
        Reply results = bot.as("alice", "results 2");
        assertThat(results.title()).isEqualTo("投票 #2 的结果 · 讨论前后");
        assertThat(results.plainText()).contains("""
                讨论前后（第一轮 #1 → 第二轮 #2）""", """
                1. 强烈同意：0（0%）→ 1（25%），+25 个百分点
                2. 同意：3（75%）→ 1（25%），-50 个百分点
                3. 中立：0（0%）→ 0（0%），0 个百分点
                4. 不同意：1（25%）→ 1（25%），0 个百分点
                5. 强烈反对：0（0%）→ 1（25%），+25 个百分点""",
                "两轮都投的有 3 人，其中 2 人改了答案；只投第一轮的 1 人，只投第二轮的 1 人。",
                "净变化：50 个百分点（0：两轮分布相同；100：完全不同）。", """
                改了答案的人，从 → 到：
                同意 → 强烈同意：1 人
                同意 → 不同意：1 人""");
        assertThat(results.fields()).hasSize(5);
        Reply english = bot.as("alice", "results 2 --lang en");
        assertThat(english.plainText()).contains("1. Strongly agree: 0 (0%) → 1 (25%), +25 points",
                "3 voters answered both rounds; 2 changed their answer. 1 voted only in round 1, 1 only in round 2.",
                "Net shift: 50 points", "Agree → Disagree: 1");
    }

    @Test
    void the_results_of_round_one_point_to_round_two() {
        twoRounds();
        assertThat(bot.as("alice", "results 1").plainText())
                .contains("这个投票的第二轮是 #2：/article results 2 并列显示两轮。")
                .doesNotContain("讨论前后");
    }

    @Test
    void voters_are_stored_as_hashes_the_same_in_both_rounds_and_never_by_id() {
        twoRounds();
        List<String> voters = new java.util.ArrayList<>(polls.ballots(1).keySet());
        voters.addAll(polls.ballots(2).keySet());
        assertThat(voters).hasSize(8).allSatisfy(v -> assertThat(v).matches("console:v[0-9a-f]{64}"))
                .noneMatch(v -> v.contains("bob") || v.contains("carol") || v.contains("dave"));
        // bob, carol and dave are the same hashes in both rounds; erin and frank are not
        assertThat(polls.ballots(1).keySet()).filteredOn(polls.ballots(2)::containsKey).hasSize(3);
        assertThat(polls.voters(2).values().stream().flatMap(List::stream))
                .noneMatch(v -> List.of("bob", "carol", "dave", "frank").contains(v));
    }

    @Test
    void the_salt_is_forgotten_when_round_two_closes_and_the_shift_is_still_shown() {
        twoRounds();
        bot.as("alice", "close 2");
        assertThat(polls.find(1).orElseThrow().round().salt()).isEmpty();
        assertThat(polls.find(2).orElseThrow().round().salt()).isEmpty();
        assertThat(bot.as("alice", "results 2").plainText()).contains("净变化：50 个百分点");
        assertThat(bot.as("bob", "vote 2 2").plainText()).contains("投票 #2 已经截止");
    }

    @Test
    void each_pair_has_its_own_salt() {
        bot.as("alice", "poll c5 --rounds 2");
        bot.as("alice", "poll c6 --rounds 2");
        assertThat(polls.find(1).orElseThrow().round().salt()).isNotEqualTo(polls.find(2).orElseThrow().round().salt());
        bot.as("bob", "vote 1 1");
        bot.as("bob", "vote 2 1");
        assertThat(polls.ballots(1).keySet()).doesNotContainAnyElementsOf(polls.ballots(2).keySet());
    }

    @Test
    void bad_round_requests_get_a_short_answer() {
        assertThat(bot.as("alice", "poll c5 --rounds 2 --public").plainText())
                .contains("两轮投票是匿名的").contains("去掉 --public");
        assertThat(bot.as("alice", "poll c5 --rounds 3").plainText()).contains("“3”不是轮数：请给 1 或 2。");
        bot.as("alice", "poll c5");
        assertThat(bot.as("alice", "round 1").plainText()).contains("投票 #1 只有一轮。用 --rounds 2 发起投票");
        bot.as("alice", "poll c6 --rounds 2");
        assertThat(bot.as("bob", "round 2").plainText()).contains("只有投票 #2 的发起人或管理员可以开第二轮。");
        assertThat(bot.as("alice", "round").plainText()).contains("请给出一个投票编号");
        assertThat(bot.as("alice", "round 2 3").plainText()).contains("请给出一个投票编号");
        assertThat(bot.as("alice", "round 2 --hours x").plainText()).contains("“x”不是有效的小时数");
        assertThat(bot.as("alice", "round 2 --soon").plainText()).contains("没有选项");
        assertThat(bot.as("alice", "round 99").plainText()).contains("没有编号为 #99 的投票");
        assertThat(bot.as("admin", "round 2 --hours 3").title()).isEqualTo("投票 #3");
        assertThat(polls.find(3).orElseThrow().closesAt()).contains(TestBot.NOW.plus(Duration.ofHours(3)));
        assertThat(bot.as("alice", "round 3").plainText()).contains("投票 #3 已经是第二轮（第一轮是 #2）");
        bot.as("alice", "poll c7 --rounds 2");
        bot.as("alice", "close 4");
        assertThat(bot.as("alice", "round 4").plainText()).contains("投票 #4 已经截止，无法再开第二轮");
        assertThat(bot.failures).isEmpty();
    }
}
