package io.taolun.core.poll;

import static org.assertj.core.api.Assertions.assertThat;

import io.taolun.core.AddOptionAction;
import io.taolun.core.Block;
import io.taolun.core.ChatRequest;
import io.taolun.core.Form;
import io.taolun.core.Reply;
import io.taolun.core.TestBot;
import io.taolun.testing.TouchesTime;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The rules of {@code --open} on the in-memory ports: which polls take voters' options, the form a press opens, the
 * cap of ten, duplicates, closed polls, and who is named as an option's author.
 */
@TouchesTime
final class VotersOptionsRulesTest {
    private final InMemoryPolls polls = new InMemoryPolls(Duration.ofSeconds(1));
    private final TestBot bot = TestBot.withPolls(polls, polls, TestBot.everyoneMayOpen());

    @Test
    void only_a_question_and_options_of_ones_own_in_one_round_with_room_left_take_voters_options() {
        for (String typed : List.of("poll c1 --open", "poll --question \"读什么？\" --open",
                "poll --question \"读什么？\" --options agree --open", "poll c1 --options \"甲|乙\" --open")) {
            Reply r = bot.as("alice", typed);
            assertThat(r.error()).as(typed).isTrue();
            assertThat(r.plainText()).as(typed).contains("--open 用于你自己的问题和选项");
        }
        assertThat(bot.as("alice", "poll --question \"读什么？\" --options \"书|论文\" --open --rounds 2").plainText())
                .contains("--open 和 --rounds 2 不能一起用");
        assertThat(bot.askInEnglish("poll --question \"What?\" --options \"1|2|3|4|5|6|7|8|9|10\" --open")
                .plainText()).contains("A poll with --open has at most 10 options in all, so give at most 9");
        assertThat(polls.find(1)).isEmpty();

        // a poll without --open takes none
        bot.as("alice", "poll --question \"读什么？\" --options \"书|论文\"");
        assertThat(bot.as("bob", "add-option 1 \"博客\"").plainText()).contains("投票 #1 不接受投票者添加选项");
        assertThat(polls.find(1).orElseThrow().options()).hasSize(2);
        assertThat(bot.failures).isEmpty();
    }

    @Test
    void the_add_button_opens_a_form_whose_submission_adds_the_option_to_every_message_and_it_takes_votes() {
        Reply opened = bot.as("alice", "poll --question \"下次读什么？\" --options \"书|论文\" --open --public");
        assertThat(opened.plainText()).contains("投票者可以添加自己的选项，总共最多 10 个：点 ➕ 按钮，或输入 "
                + "/article add-option 1 \"选项\"。");
        assertThat(opened.buttons()).extracting(b -> b.actionId())
                .containsExactly("vote 1 1", "vote 1 2", "add-option 1");
        assertThat(opened.buttons().get(2).label()).isEqualTo("➕ 添加选项");

        // WHEN bob presses ➕: the answer is a form, with what to type where there are no forms
        Reply press = bot.handle(new ChatRequest("console", "local", "general", "bob", "", "add-option 1")
                .pressing(new AddOptionAction(1, Optional.empty())));
        Form form = press.form().orElseThrow();
        assertThat(form.action()).isEqualTo("add-option 1");
        assertThat(form.title()).isEqualTo("添加选项");
        assertThat(form.label()).isEqualTo("你给投票 #1 加的选项");
        assertThat(form.maxLength()).isEqualTo(PollOption.MAX_LABEL);
        assertThat(press.plainText()).contains("输入 /article add-option 1 \"你的选项\"（最多 75 个字）");

        // AND submits "  博客   文章 " (spaces tidied)
        Reply added = bot.handle(new ChatRequest("console", "local", "general", "bob", "", "")
                .pressing(io.taolun.core.Action.submitted(form.action(), "  博客   文章 ").orElseThrow()));
        assertThat(added.error()).isFalse();
        assertThat(added.plainText()).contains("已把「博客 文章」加到投票 #1，是第 3 个选项。");
        assertThat(added.buttons()).extracting(b -> b.actionId()).containsExactly("vote 1 3");

        // THEN the poll has it, named as bob's in the public poll's message, and a vote for it counts
        Poll poll = polls.find(1).orElseThrow();
        assertThat(poll.options()).extracting(PollOption::zh).containsExactly("书", "论文", "博客 文章");
        assertThat(poll.options().get(2).addedBy()).contains("bob");
        assertThat(bot.as("carol", "vote 1 3").plainText()).contains("博客 文章");
        Reply message = new PollViews(bot_article(), polls, TestBot.ZONE, bot.clock())
                .message(polls.find(1).orElseThrow(), io.taolun.core.Lang.ZH);
        assertThat(message.buttons()).extracting(b -> b.actionId())
                .containsExactly("vote 1 1", "vote 1 2", "vote 1 3", "add-option 1");
        assertThat(message.blocks()).contains(new Block.Credit("选项 3「博客 文章」由 ", "bob", " 添加。"));
        assertThat(message.fields()).extracting(f -> f.name()).contains("3. 博客 文章");
        assertThat(bot.failures).isEmpty();
    }

    @Test
    void an_anonymous_poll_names_no_author_and_duplicates_closed_polls_and_an_eleventh_option_are_refused() {
        bot.askInEnglish("poll --question \"Next?\" --options \"Books|Papers|A|B|C|D|E|F\" --open");
        // the same label in another case or width is a duplicate
        assertThat(bot.askInEnglish("add-option 1 \" books \"").plainText())
                .contains("Poll #1 already has the option \"books\": vote for it instead.");
        assertThat(bot.askInEnglish("add-option 1 \"Blogs\"").plainText())
                .contains("Added \"Blogs\" to poll #1 as option 9. Everyone can vote for it now.");
        // a mention typed as an option reaches no one
        Reply everyone = bot.as("bob", "add-option 1 \"@everyone\"");
        assertThat(everyone.error()).isFalse();
        assertThat(polls.find(1).orElseThrow().options().get(9).zh()).doesNotContain("@everyone").contains("everyone");
        Reply full = bot.askInEnglish("add-option 1 \"Talks\"");
        assertThat(full.plainText()).contains("Poll #1 has 10 options already, the most a poll can have.");
        Reply formWhenFull = bot.handle(TestBot.request("general", "en-US", "")
                .pressing(new AddOptionAction(1, Optional.empty())));
        assertThat(formWhenFull.form()).isEmpty();
        assertThat(formWhenFull.plainText()).contains("Poll #1 has 10 options already");
        assertThat(bot.askInEnglish("add-option 1 \"\"").plainText()).contains("Each option needs 1 to 75 characters.");
        assertThat(bot.askInEnglish("add-option 1").form()).isEmpty();

        // an anonymous poll's message has the buttons but names no one
        Reply message = new PollViews(bot_article(), polls, TestBot.ZONE, bot.clock())
                .message(polls.find(1).orElseThrow(), io.taolun.core.Lang.EN);
        assertThat(message.blocks()).noneMatch(Block.Credit.class::isInstance);
        assertThat(message.buttons()).hasSize(10).noneMatch(b -> b.actionId().startsWith("add-option"));

        // a closed poll takes no option, and its message offers none
        bot.askInEnglish("poll --question \"Later?\" --options \"X|Y\" --open");
        bot.later(Duration.ofDays(8));
        assertThat(bot.askInEnglish("add-option 2 \"Z\"").plainText()).contains("#2");
        assertThat(polls.find(2).orElseThrow().options()).hasSize(2);
        assertThat(bot.askInEnglish("add-option").plainText()).contains("Say which poll and what to add");
        assertThat(bot.failures).isEmpty();
    }

    private static io.taolun.core.article.Article bot_article() {
        return TestBot.library().articles().get(0);
    }
}
