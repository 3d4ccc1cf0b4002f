package io.taolun.store;

import static io.taolun.store.RitualHarness.discord;
import static io.taolun.store.RitualHarness.slack;
import static org.assertj.core.api.Assertions.assertThat;

import io.taolun.core.ChannelRef;
import io.taolun.core.Lang;
import io.taolun.core.article.Claim;
import io.taolun.core.ritual.OutboxDelivery;
import io.taolun.core.ritual.Ritual;
import io.taolun.core.ritual.RitualKind;
import io.taolun.core.ritual.RitualPosts;
import io.taolun.testing.TouchesTime;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import io.taolun.core.article.Library;
import io.taolun.core.article.SecondArticle;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The prompts in a weekly poll's thread on both databases: the thread opens with the claim's paragraph and its first
 * prompt; each next prompt follows a day later in each thread where nobody has replied yet, and is skipped where
 * someone has, once the poll has closed, or when its day has passed unmade.
 */
@TouchesTime
final class DiscussionPromptsTest {
    private static final Instant MONDAY_0900_BERLIN = Instant.parse("2026-11-30T08:00:00Z");
    private static final String SLOT = "2026-11-30";

    private static Ritual.Spec weekly(ChannelRef... where) {
        return new Ritual.Spec(RitualKind.WEEKLY_POLL, "a8e75d267bb866eb", Optional.of(DayOfWeek.MONDAY),
                LocalTime.of(9, 0), ZoneId.of("Europe/Berlin"), Duration.ofDays(6), List.of(where), Optional.empty(),
                "admin");
    }

    private static Claim claimOf(RitualHarness h, Ritual ritual) {
        String id = h.rituals.run(ritual.id(), SLOT).orElseThrow().item().orElseThrow();
        return h.article.claims().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void the_next_prompt_follows_a_day_later_only_in_threads_where_nobody_has_replied(TestDatabases.Kind kind) {
        try (RitualHarness h = new RitualHarness(kind, MONDAY_0900_BERLIN)) {
            // GIVEN a weekly poll posted to a Slack and a Discord channel, with its threads
            Ritual ritual = h.rituals.create(weekly(slack("C1"), discord("D1")), h.clock.instant());
            RecordingGateway slack = new RecordingGateway("slack");
            RecordingGateway discord = new RecordingGateway("discord");
            OutboxDelivery deliveries = h.deliveries("w1", slack, discord);
            h.runner.runSlot(ritual.id(), MONDAY_0900_BERLIN);
            deliveries.deliverDue();
            Claim claim = claimOf(h, ritual);
            assertThat(claim.prompts()).hasSize(3);

            // THEN each thread quotes the claim's paragraph in the article's words, cited by section and line, and
            // asks the claim's first prompt
            for (RecordingGateway platform : List.of(slack, discord)) {
                assertThat(platform.posts()).hasSize(2);
                RecordingGateway.Post thread = platform.posts().get(1);
                assertThat(thread.threadOf()).contains(platform.posts().get(0).messageId());
                String paragraph = h.article.lines().get(claim.line() - 1).strip();
                assertThat(paragraph).contains(claim.text());
                assertThat(thread.reply().plainText()).contains(paragraph,
                        claim.section().label(io.taolun.core.Messages.of(Lang.ZH)) + " · 第 " + claim.line() + " 行",
                        "讨论题 1/3：" + claim.prompts().get(0).text().zh(), "欢迎在这里回复")
                        .doesNotContain("自动生成", claim.prompts().get(1).text().zh());
            }

            // WHEN someone replies in the Discord thread, and a day passes
            discord.replyIn(discord.posts().get(0).messageId());
            h.clock.advance(Duration.ofHours(23));
            deliveries.deliverDue();
            assertThat(slack.posts()).hasSize(2);
            h.clock.advance(Duration.ofHours(1).plusSeconds(1));
            deliveries.deliverDue();

            // THEN the quiet Slack thread gets the second prompt under the poll; the Discord thread nothing
            assertThat(slack.posts()).hasSize(3);
            RecordingGateway.Post second = slack.posts().get(2);
            assertThat(second.threadOf()).contains(slack.posts().get(0).messageId());
            assertThat(second.reply().plainText()).contains("讨论题 2/3：" + claim.prompts().get(1).text().zh(),
                    "还没有人回复");
            assertThat(discord.posts()).hasSize(2);
            assertThat(discord.threadsRead()).containsExactly(discord.posts().get(0).messageId());

            // WHEN the Slack thread stays quiet another day
            h.clock.advance(Duration.ofDays(1));
            deliveries.deliverDue();

            // THEN it gets the third and last prompt; Discord's is skipped again, and both skips are recorded
            assertThat(slack.posts()).hasSize(4);
            assertThat(slack.posts().get(3).reply().plainText())
                    .contains("讨论题 3/3：" + claim.prompts().get(2).text().zh());
            assertThat(discord.posts()).hasSize(2);
            assertThat(h.outbox.describe()).filteredOn(row -> row.matches("r\\d+s\\d+q\\d1 .*"))
                    .hasSize(2).allSatisfy(row -> assertThat(row).contains(" skipped "));
            assertThat(h.outbox.describe()).filteredOn(row -> row.matches("r\\d+s\\d+q\\d0 .*"))
                    .hasSize(2).allSatisfy(row -> assertThat(row).contains(" sent "));

            // AND nothing more comes later in the week
            h.clock.advance(Duration.ofDays(3));
            deliveries.deliverDue();
            assertThat(slack.posts()).hasSize(4);
            assertThat(h.outbox.depth(h.clock.instant())).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void no_prompt_follows_once_the_poll_has_closed_or_its_day_has_passed(TestDatabases.Kind kind) {
        try (RitualHarness h = new RitualHarness(kind, MONDAY_0900_BERLIN)) {
            // GIVEN two weekly polls in two Slack channels
            Ritual early = h.rituals.create(weekly(slack("C1")), h.clock.instant());
            Ritual late = h.rituals.create(weekly(slack("C2")), h.clock.instant());
            RecordingGateway slack = new RecordingGateway("slack");
            OutboxDelivery deliveries = h.deliveries("w1", slack);
            h.runner.runSlot(early.id(), MONDAY_0900_BERLIN);
            h.runner.runSlot(late.id(), MONDAY_0900_BERLIN);
            deliveries.deliverDue();
            assertThat(slack.posts()).hasSize(4);

            // WHEN the first poll closes early, and a day passes
            h.clock.advance(Duration.ofHours(12));
            h.runner.closeRun(early.id(), SLOT);
            deliveries.deliverDue();
            int afterResults = slack.posts().size();
            h.clock.advance(Duration.ofHours(12).plusSeconds(1));
            deliveries.deliverDue();

            // THEN the closed poll's thread gets no prompt, the open one's does
            List<RecordingGateway.Post> prompts = slack.posts().subList(afterResults, slack.posts().size());
            assertThat(prompts).singleElement().satisfies(p -> {
                assertThat(p.where().channel()).isEqualTo("C2");
                assertThat(p.reply().plainText()).contains("讨论题 2/3");
            });

            // WHEN no process delivers for two days (an outage), then one does
            h.clock.advance(Duration.ofDays(2).plusHours(1));
            deliveries.deliverDue();

            // THEN the prompt whose day passed is not made late
            assertThat(slack.posts()).hasSize(afterResults + 1);
            assertThat(h.outbox.describe()).filteredOn(row -> row.contains("q3"))
                    .hasSize(2).allSatisfy(row -> assertThat(row).contains(" skipped "));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void an_english_channel_reads_the_paragraph_in_translation_and_the_english_prompts(TestDatabases.Kind kind) {
        try (RitualHarness h = new RitualHarness(kind, MONDAY_0900_BERLIN)) {
            // GIVEN a weekly poll in a channel whose language is English
            Ritual ritual = h.rituals.create(weekly(slack("C1")), h.clock.instant());
            RecordingGateway slack = new RecordingGateway("slack");
            RitualPosts posts = new RitualPosts(h.library, h.pollMessages, RitualHarness.CHART, where -> Lang.EN);
            OutboxDelivery deliveries = new OutboxDelivery(h.outbox, List.of(slack), posts::render, h.clock, "w1",
                    Duration.ofMinutes(2));
            h.runner.runSlot(ritual.id(), MONDAY_0900_BERLIN);
            deliveries.deliverDue();
            h.clock.advance(Duration.ofDays(1).plusSeconds(1));
            deliveries.deliverDue();
            Claim claim = claimOf(h, ritual);

            // THEN the thread shows the paragraph with its English translation, cited by line, and the first prompt
            String thread = slack.posts().get(1).reply().plainText();
            assertThat(thread).contains(h.article.translationOf(claim.line()).orElseThrow(),
                    " · line " + claim.line(), "Prompt 1 of 3: " + claim.prompts().get(0).text().en(), "Reply here")
                    .doesNotContain("{0}", "{1}", "讨论题");
            // AND the next prompt is in English too
            assertThat(slack.posts().get(2).reply().plainText()).contains(
                    "Prompt 2 of 3: " + claim.prompts().get(1).text().en(), "Nobody has replied yet.")
                    .doesNotContain("{0}");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void an_uncurated_articles_weekly_thread_asks_its_kinds_template_prompt_marked_automatic(TestDatabases.Kind kind,
            @TempDir Path dir) {
        // GIVEN a library whose second article has no sidecar, and a weekly poll from it
        io.taolun.core.article.Article second = SecondArticle.load(dir);
        io.taolun.core.article.Article curated = io.taolun.core.TestBot.library().defaultArticle().orElseThrow();
        Library library = new Library(List.of(curated, second), List.of());
        try (RitualHarness h = new RitualHarness(TestDatabases.fresh(kind), MONDAY_0900_BERLIN, library)) {
            Ritual.Spec spec = weekly(slack("C1"));
            Ritual ritual = h.rituals.create(new Ritual.Spec(spec.kind(), second.id(), spec.day(), spec.time(),
                    spec.zone(), spec.closeAfter(), spec.targets(), spec.configName(), spec.createdBy()),
                    h.clock.instant());
            RecordingGateway slack = new RecordingGateway("slack");
            OutboxDelivery deliveries = h.deliveries("w1", slack);
            h.runner.runSlot(ritual.id(), MONDAY_0900_BERLIN);
            deliveries.deliverDue();
            String claimId = h.rituals.run(ritual.id(), SLOT).orElseThrow().item().orElseThrow();
            Claim claim = second.claims().stream().filter(c -> c.id().equals(claimId)).findFirst().orElseThrow();

            // THEN its thread asks the first of its kind's prompts, marked as automatic
            assertThat(claim.prompts()).allMatch(io.taolun.core.article.Prompt::automatic);
            assertThat(slack.posts().get(1).reply().plainText()).contains(
                    "讨论题 1/" + claim.prompts().size() + "：" + claim.prompts().get(0).text().zh()
                            + "（自动生成：按这类说法的模板提问）");
        }
    }
}
