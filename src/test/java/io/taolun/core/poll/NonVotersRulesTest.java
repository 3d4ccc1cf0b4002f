package io.taolun.core.poll;

import static org.assertj.core.api.Assertions.assertThat;

import io.taolun.core.Block;
import io.taolun.core.ChannelMembers;
import io.taolun.core.ChannelRef;
import io.taolun.core.DeliveryException;
import io.taolun.core.Reply;
import io.taolun.core.TestBot;
import io.taolun.core.Visibility;
import io.taolun.testing.TouchesTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The rules of {@code nonvoters} on the in-memory ports: only a public poll's opener sees the list, privately; it names
 * the channel's members with no vote standing (a withdrawn vote, or one on a removed option, does not stand); and a
 * platform that cannot list members, or fails to, gets a short answer.
 */
@TouchesTime
final class NonVotersRulesTest {
    private final InMemoryPolls polls = new InMemoryPolls(Duration.ofSeconds(1));
    private final TestBot bot = TestBot.withPolls(polls, polls, TestBot.everyoneMayOpen());
    private final List<ChannelRef> asked = new ArrayList<>();

    private void channelHas(String... users) {
        bot.members = where -> {
            asked.add(where);
            return Optional.of(new ChannelMembers.Members(List.of(users), true));
        };
    }

    private static List<String> named(Reply reply) {
        return reply.blocks().stream().filter(Block.People.class::isInstance).map(Block.People.class::cast)
                .flatMap(p -> p.users().stream()).toList();
    }

    @Test
    void the_opener_of_a_public_poll_alone_sees_who_in_its_channel_has_no_vote_standing() {
        channelHas("alice", "bob", "carol", "dave", "erin");
        bot.as("alice", "poll --question \"读什么？\" --options \"书|论文|博客\" --public");
        bot.as("bob", "vote 1 1");
        bot.as("carol", "vote 1 3");
        bot.as("dave", "vote 1 2");
        bot.later(Duration.ofMinutes(1)).as("dave", "vote 1 2"); // pressed again, past a double click: withdrawn

        Reply list = bot.as("alice", "nonvoters 1");
        assertThat(list.error()).isFalse();
        assertThat(list.visibility()).isEqualTo(Visibility.EPHEMERAL);
        assertThat(list.title()).isEqualTo("投票 #1 还有谁没投");
        assertThat(list.plainText()).contains("频道 5 名成员中，还有 3 人没投票（这份名单只有你看得到）：");
        assertThat(named(list)).containsExactly("alice", "dave", "erin");
        assertThat(asked).containsExactly(new ChannelRef("console", "local", "general"));

        // WHEN carol's option is removed (confirmed), her vote no longer stands: she is listed again
        bot.as("alice", "edit 1 --remove 3 --confirm");
        assertThat(named(bot.as("alice", "nonvoters 1"))).containsExactly("alice", "carol", "dave", "erin");

        // AND anyone else, even a voter, is refused, and the channel's members are not even read
        asked.clear();
        Reply refused = bot.as("bob", "nonvoters 1");
        assertThat(refused.error()).isTrue();
        assertThat(refused.plainText()).contains("只有投票 #1 的发起人能看谁还没投票");
        assertThat(asked).isEmpty();
        assertThat(bot.failures).isEmpty();
    }

    @Test
    void everyone_voted_a_long_list_is_cut_and_a_partial_read_is_said() {
        channelHas("alice", "bob");
        bot.as("alice", "poll --question \"读什么？\" --options \"书|论文\" --public");
        bot.as("alice", "vote 1 1");
        bot.as("bob", "vote 1 2");
        Reply all = bot.as("alice", "nonvoters 1");
        assertThat(all.plainText()).contains("频道里的成员（共 2 人）都投过票了。");
        assertThat(named(all)).isEmpty();

        List<String> crowd = IntStream.rangeClosed(1, 130).mapToObj(i -> "u" + i).toList();
        bot.members = where -> Optional.of(new ChannelMembers.Members(crowd, false));
        Reply english = bot.handle(new io.taolun.core.ChatRequest("console", "local", "general", "alice", "en-US",
                "nonvoters 1"));
        assertThat(named(english)).hasSize(NonVotersCommand.MAX_NAMED).startsWith("u1", "u2");
        assertThat(english.plainText()).contains(
                "130 members of 130 in the channel have not voted yet (only you see this list):",
                "… and 30 more.",
                "only the first 130 were checked");
    }

    @Test
    void anonymous_polls_other_platforms_and_failures_get_a_short_answer() {
        channelHas("alice", "bob");
        bot.as("alice", "poll --question \"读什么？\" --options \"书|论文\"");
        Reply anonymous = bot.as("alice", "nonvoters 1");
        assertThat(anonymous.error()).isTrue();
        assertThat(anonymous.plainText()).contains("投票 #1 是匿名的");

        bot.as("alice", "poll --question \"读什么？\" --options \"书|论文\" --public");
        bot.members = ChannelMembers.NONE;
        assertThat(bot.as("alice", "nonvoters 2").plainText()).contains("这个平台不让讨论机器人列出频道成员");
        bot.members = where -> {
            throw DeliveryException.permanent("conversations.members failed: not_in_channel", null);
        };
        Reply failed = bot.as("alice", "nonvoters 2");
        assertThat(failed.error()).isTrue();
        assertThat(failed.plainText()).contains("Slack 暂时没有列出这个投票所在频道的成员");
        assertThat(bot.as("alice", "nonvoters").plainText()).contains("请只写一个投票编号");
        assertThat(bot.as("alice", "nonvoters 99").plainText()).contains("#99");
        assertThat(bot.as("alice", "nonvoters 2 3").plainText()).contains("请只写一个投票编号");
        assertThat(bot.failures).isEmpty();
    }
}
