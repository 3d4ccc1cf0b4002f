package io.taolun.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.taolun.core.Reply;
import io.taolun.core.poll.Poll;
import io.taolun.core.poll.Tally;
import io.taolun.testing.TouchesTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Polls where each voter picks up to N options ({@code --max N}), on H2 and PostgreSQL through the real ledger: a
 * press toggles its option, a voter cannot pass N, a double click changes nothing, the tally counts voters and
 * choices and says which, and many voters pressing at once give the exact counts.
 */
@TouchesTime
final class MultipleChoiceTest {
    private static final String OPEN = "poll --question \"哪些方向值得投入？\" --options \"芯片|电力|数据中心|模型\" --max 2";

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void a_press_toggles_its_option_up_to_the_poll_s_maximum_and_the_tally_counts_voters_and_choices(
            TestDatabases.Kind kind) {
        try (PollHarness h = new PollHarness(kind)) {
            // GIVEN a poll of four options where each voter picks up to two
            Reply opened = h.bot.as("alice", OPEN);
            assertThat(opened.plainText()).contains("最多选 2 项：点一项选上，再点一次撤回。",
                    "0 人投票，共 0 个选择 · 每人最多 2 项").doesNotContain("{0}");
            assertThat(h.store.find(1).orElseThrow().maxChoices()).isEqualTo(2);

            // WHEN bob chooses 芯片 then 电力
            assertThat(h.bot.as("bob", "vote 1 1").plainText()).contains("已记录你在 #1 的选择：芯片",
                    "你现在选了：芯片（最多 2 项）");
            assertThat(h.bot.as("bob", "vote 1 2").plainText()).contains("你现在选了：芯片、电力（最多 2 项）");

            // AND then 数据中心, a third
            Reply full = h.bot.as("bob", "vote 1 3");

            // THEN he is told he has chosen two already, and nothing changed
            assertThat(full.error()).isFalse();
            assertThat(full.plainText()).contains("你在 #1 最多选 2 项，已经选满了：先点一个已选的选项撤回，再选「数据中心」。",
                    "你现在选了：芯片、电力");
            Poll poll = h.store.find(1).orElseThrow();
            assertThat(h.store.tally(poll)).isEqualTo(new Tally(List.of(1, 1, 0, 0), 1));

            // WHEN he presses 芯片 again at once (a double click), then again two seconds later
            assertThat(h.bot.as("bob", "vote 1 1").plainText()).contains("你在 #1 已经选了：芯片");
            h.bot.later(Duration.ofSeconds(2));
            Reply withdrawn = h.bot.as("bob", "vote 1 1");

            // THEN the first changes nothing, the second withdraws 芯片 and leaves 电力
            assertThat(withdrawn.plainText()).contains("已撤回你在 #1 的选择（芯片）", "你现在选了：电力（最多 2 项）");
            // AND now 数据中心 is taken
            assertThat(h.bot.as("bob", "vote 1 3").plainText()).contains("你现在选了：电力、数据中心");

            // WHEN carol chooses 电力 and 模型
            h.bot.as("carol", "vote 1 2");
            Reply carol = h.bot.as("carol", "vote 1 4");

            // THEN 2 voters made 4 choices: 电力 is chosen by both (100%), the others by one each (50%)
            Tally tally = h.store.tally(poll);
            assertThat(tally).isEqualTo(new Tally(List.of(0, 2, 1, 1), 2));
            assertThat(tally.percentages()).containsExactly(0, 100, 50, 50);
            assertThat(carol.plainText()).contains("2 人投票，共 4 个选择 · 每人最多 2 项",
                    "百分比是选了这一项的人占投票人数的比例");
            // AND the running counts equal the choices recounted from their rows
            assertThat(RunningTallyTest.running(h)).isEqualTo(RunningTallyTest.countedChoices(h))
                    .isEqualTo(java.util.Map.of("1/2", 2, "1/3", 1, "1/4", 1));
            assertThat(h.bot.failures).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void sixty_four_voters_choosing_two_options_each_at_once_give_the_exact_counts(TestDatabases.Kind kind)
            throws Exception {
        try (PollHarness h = new PollHarness(kind)) {
            h.bot.as("alice", OPEN);
            // WHEN 64 voters each press two options at the same moment (voter i: i % 4 + 1 and (i + 1) % 4 + 1),
            // and each presses a third
            ExecutorService pool = Executors.newFixedThreadPool(32);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<Reply>>> futures = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                int voter = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    List<Reply> replies = new ArrayList<>();
                    for (int k = 0; k < 3; k++) {
                        replies.add(h.bot.as("voter" + voter, "vote 1 " + ((voter + k) % 4 + 1)));
                    }
                    return replies;
                }));
            }
            start.countDown();
            List<Reply> replies = new ArrayList<>();
            for (Future<List<Reply>> f : futures) {
                replies.addAll(f.get(60, TimeUnit.SECONDS));
            }
            pool.shutdownNow();

            // THEN every press was answered, the third of each voter refused as full, and 64 voters made 128 choices
            assertThat(replies).allSatisfy(r -> assertThat(r.error()).as(r.plainText()).isFalse());
            assertThat(replies).filteredOn(r -> r.plainText().contains("已经选满了")).hasSize(64);
            Tally tally = h.store.tally(h.store.find(1).orElseThrow());
            assertThat(tally.voters()).isEqualTo(64);
            assertThat(tally.counts()).containsExactly(32, 32, 32, 32);
            assertThat(RunningTallyTest.running(h)).isEqualTo(RunningTallyTest.countedChoices(h));
            assertThat(h.bot.failures).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void a_public_poll_of_several_choices_exports_each_option_s_voters(TestDatabases.Kind kind) {
        try (PollHarness h = new PollHarness(kind)) {
            h.bot.as("alice", OPEN + " --public");
            h.bot.as("bob", "vote 1 1");
            h.bot.as("bob", "vote 1 2");
            h.bot.as("carol", "vote 1 2");
            h.bot.as("alice", "close 1");
            assertThat(h.bot.as("alice", "results 1").plainText()).contains("2 人投票，共 3 个选择 · 每人最多 2 项");
            assertThat(h.store.voters(1)).containsEntry(1, List.of("bob")).containsEntry(2, List.of("bob", "carol"));
            // AND the export lists them per option, with each option's share of the voters
            String csv = new String(h.bot.as("alice", "export 1").attachment().orElseThrow().bytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
            assertThat(csv).contains("\"#1\",,哪些方向值得投入？,1,芯片,芯片,1,50,bob\n",
                    "\"#1\",,哪些方向值得投入？,2,电力,电力,2,100,\"bob carol\"\n");
        }
    }
}
