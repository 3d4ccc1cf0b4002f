package io.taolun.core.poll;

import static org.assertj.core.api.Assertions.assertThat;

import io.taolun.core.Reply;
import io.taolun.core.TestBot;
import io.taolun.testing.TouchesTime;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules of {@code --max N} on the in-memory ports: what may have several choices, and what each voter is told. */
@TouchesTime
final class SeveralChoicesRulesTest {
    private final InMemoryPolls polls = new InMemoryPolls(Duration.ofSeconds(1));
    private final TestBot bot = TestBot.withPolls(polls, polls, TestBot.everyoneMayOpen());

    @Test
    void several_choices_need_a_question_and_options_of_ones_own_a_maximum_within_the_options_and_one_round() {
        String own = "poll --question \"哪个？\" --options \"甲|乙|丙\"";
        for (String typed : List.of("poll c1 --max 2", "poll --question \"哪个？\" --max 2",
                "poll c1 --options \"甲|乙|丙\" --max 2")) {
            Reply r = bot.as("alice", typed);
            assertThat(r.error()).as(typed).isTrue();
            assertThat(r.plainText()).as(typed).contains("--max 只用于自定义问题和自定义选项");
        }
        assertThat(bot.as("alice", own + " --max 4").plainText()).contains("从 2 到选项数（3）");
        assertThat(bot.as("alice", own + " --max two").plainText()).contains("“two”不是选项数");
        assertThat(bot.as("alice", own + " --max 2 --rounds 2").plainText()).contains("--max 和 --rounds 2 不能同时使用");
        assertThat(bot.as("alice", own + " --max 2 --max 3").plainText()).contains("--max");
        assertThat(bot.askInEnglish(own + " --max 9").plainText())
                .contains("--max is how many options each voter may choose: 2 up to the number of options (3).");
        assertThat(bot.as("alice", own + " --max 1").plainText()).contains("从 2 到选项数（3）");
        assertThat(bot.as("alice", own + " --max 0").plainText()).contains("从 2 到选项数（3）");
        // a named scale's answers exclude each other
        assertThat(bot.as("alice", "poll --question \"哪个？\" --options agree --max 2").plainText())
                .contains("不用于观点或 likert 等量表");
        assertThat(bot.as("alice", "poll --question \"哪个？\" --options likert --max 5").plainText())
                .contains("不用于观点或 likert 等量表");
        // nothing was opened by any of them
        assertThat(polls.find(1)).isEmpty();
        assertThat(bot.failures).isEmpty();
    }

    @Test
    void an_english_voter_is_told_each_choice_and_when_they_are_full_and_the_message_counts_voters_and_choices() {
        Reply opened = bot.askInEnglish("poll --question \"Which?\" --options \"A|B|C\" --max 2");
        assertThat(opened.plainText()).contains("Pick up to 2: press an option to choose it, press it again to "
                + "withdraw it.", "0 voters, 0 choices · up to 2 each").doesNotContain("{0}", "{1}");
        assertThat(bot.askInEnglish("vote 1 1").plainText()).contains("Your choice on #1: A", "Your choices now: A (up to 2)");
        assertThat(bot.askInEnglish("vote 1 3").plainText()).contains("Your choices now: A, C (up to 2)",
                "1 voter, 2 choices · up to 2 each", "Each percentage is the share of voters");
        Reply full = bot.askInEnglish("vote 1 2");
        assertThat(full.error()).isFalse();
        assertThat(full.plainText()).contains("You can choose up to 2 options in #1, and you have: press one of your "
                + "choices to withdraw it, then choose “B”.", "Your choices now: A, C (up to 2)");
        bot.later(Duration.ofSeconds(2));
        assertThat(bot.askInEnglish("vote 1 1").plainText()).contains("Your choice on #1 (A) is withdrawn",
                "Your choices now: C (up to 2)");
        bot.later(Duration.ofSeconds(2));
        assertThat(bot.askInEnglish("vote 1 3").plainText()).contains("You have chosen nothing now (up to 2)");
        // AND the list of open polls counts voters
        bot.askInEnglish("vote 1 2");
        assertThat(bot.askInEnglish("polls").plainText()).contains("#1 · - · \"Which?\" · 1 voter · ");
    }

    @Test
    void shares_of_several_choices_are_of_the_voters_and_of_one_choice_add_up_to_a_hundred() {
        assertThat(new Tally(List.of(1, 2, 1), 2).percentages()).containsExactly(50, 100, 50);
        assertThat(new Tally(List.of(1, 2, 1), 2).severalEach()).isTrue();
        assertThat(new Tally(List.of(1, 1, 1)).percentages()).containsExactly(34, 33, 33);
        // a poll of several choices where each voter chose one reads like a poll of one choice
        assertThat(new Tally(List.of(1, 1, 1), 3).percentages()).containsExactly(34, 33, 33);
        assertThat(Tally.empty(3).voters()).isZero();
    }
}
