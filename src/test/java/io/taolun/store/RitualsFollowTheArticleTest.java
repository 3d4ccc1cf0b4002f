package io.taolun.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import io.taolun.core.ChannelRef;
import io.taolun.core.ChatRequest;
import io.taolun.core.Command;
import io.taolun.core.CommandRouter;
import io.taolun.core.Lang;
import io.taolun.core.TestBot;
import io.taolun.core.article.Article;
import io.taolun.core.article.Library;
import io.taolun.core.article.Quote;
import io.taolun.core.article.QuoteCommand;
import io.taolun.core.article.SecondArticle;
import io.taolun.core.library.LibraryRouter;
import io.taolun.core.library.Shelf;
import io.taolun.core.library.UseArticleCommand;
import io.taolun.core.poll.Poll;
import io.taolun.core.ritual.OutboxPost;
import io.taolun.core.ritual.Ritual;
import io.taolun.core.ritual.RitualKind;
import io.taolun.core.ritual.RitualService;
import io.taolun.core.ritual.Run;
import io.taolun.core.ritual.ScheduleCommand;
import io.taolun.testing.TouchesTime;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rituals in a library of two articles, on a real H2: a channel's schedules post from the article it discusses,
 * move with it when an admin switches, and config-file schedules keep the article they name.
 */
@TouchesTime
final class RitualsFollowTheArticleTest {
    private static final Instant SUNDAY_NOON_SHANGHAI = Instant.parse("2026-11-29T04:00:00Z");
    private static final Instant MONDAY_0900_SHANGHAI = Instant.parse("2026-11-30T01:00:00Z");
    private static final ChannelRef GENERAL = new ChannelRef("console", "local", "general");

    @TempDir
    Path dir;

    private final List<RuntimeException> failures = new ArrayList<>();
    private RitualHarness h;
    private Article curated;
    private Article second;
    private RitualService service;
    private LibraryRouter router;

    @BeforeEach
    void a_library_of_the_curated_article_and_an_uncurated_one() {
        curated = TestBot.library().defaultArticle().orElseThrow();
        second = SecondArticle.load(dir);
        Library library = new Library(List.of(curated, second), List.of());
        h = new RitualHarness(TestDatabases.fresh(TestDatabases.Kind.H2), SUNDAY_NOON_SHANGHAI, library);
        service = new RitualService(h.rituals, h.scheduler, TestBot.everyoneMayOpen(), h.clock);
        Shelf shelf = new Shelf(library, new JdbcChannelArticles(h.database.dataSource(), Duration.ofSeconds(2),
                Ticker.systemTicker()));
        Map<String, CommandRouter> routers = new LinkedHashMap<>();
        for (Article article : library.articles()) {
            List<Command> commands = List.of(
                    new ScheduleCommand(service, article.id()),
                    new QuoteCommand(article, h.clock, ZoneId.of("Asia/Shanghai"), new Random(1),
                            where -> h.runner.todaysQuote(where, article.id())),
                    new UseArticleCommand(shelf, service, TestBot.everyoneMayOpen(), h.clock));
            routers.put(article.id(), new CommandRouter(commands, Lang.EN, Map.of(), failures::add));
        }
        router = new LibraryRouter(shelf, routers, Lang.EN, failures::add);
    }

    @AfterEach
    void close() {
        assertThat(failures).isEmpty();
        h.close();
    }

    @Test
    void a_channels_quote_of_the_day_moves_with_it_and_posts_the_new_articles_quotes() {
        // GIVEN a quote of the day at 09:00 Shanghai, made while the channel discussed the curated article
        assertThat(say("schedule qotd 09:00 Asia/Shanghai")).contains("Scheduled #1");

        // WHEN an admin switches the channel to the second article, twice (a double click)
        String use = say("use " + second.id());
        String again = say("use " + second.id());

        // THEN the schedule follows, once, keeping its id and time
        assertThat(use).contains(second.id(), "Schedule #1 follows it", "09:00 Asia/Shanghai");
        assertThat(again).doesNotContain("Schedule #1");
        Ritual ritual = h.rituals.find(1).orElseThrow();
        assertThat(ritual.active()).isTrue();
        assertThat(ritual.spec().articleId()).isEqualTo(second.id());
        assertThat(h.rituals.in(GENERAL)).hasSize(1);

        // WHEN Monday's slot fires and its post is delivered
        h.runner.runSlot(1, MONDAY_0900_SHANGHAI);
        RecordingGateway console = new RecordingGateway("console");
        h.deliveries("w1", console).deliverDue();

        // THEN one quote is posted, from the second article, and quote today in the channel shows the same one
        assertThat(console.posts()).hasSize(1);
        Quote posted = quoteOf(second, h.rituals.run(1, "2026-11-30").orElseThrow());
        assertThat(console.posts().get(0).reply().plainText()).contains(posted.text());
        h.clock.set(MONDAY_0900_SHANGHAI.plus(Duration.ofMinutes(5)));
        assertThat(say("quote today")).contains(posted.text(), "2026-11-30");
    }

    @Test
    void a_switch_after_todays_quote_shows_the_new_articles_next_quote_and_starts_its_rotation_afresh() {
        // GIVEN Monday's quote was posted from the curated article
        say("schedule qotd 09:00 Asia/Shanghai");
        h.runner.runSlot(1, MONDAY_0900_SHANGHAI);
        Quote mondays = quoteOf(curated, h.rituals.run(1, "2026-11-30").orElseThrow());
        assertThat(h.rituals.postedItems(1)).containsExactly(String.valueOf(mondays.number()));

        // WHEN at 10:00 the channel switches to the second article
        h.clock.set(MONDAY_0900_SHANGHAI.plus(Duration.ofHours(1)));
        say("use " + second.id());

        // THEN the curated quote no longer counts in the rotation, and quote today shows the second article's quote
        // that Tuesday will post, not the second article's quote with Monday's number
        assertThat(h.rituals.postedItems(1)).isEmpty();
        String today = say("quote today");
        h.runner.runSlot(1, MONDAY_0900_SHANGHAI.plus(Duration.ofDays(1)));
        Quote tuesdays = quoteOf(second, h.rituals.run(1, "2026-12-01").orElseThrow());
        assertThat(today).contains(tuesdays.text());
        assertThat(h.rituals.run(1, "2026-11-30").orElseThrow().articleId()).isEqualTo(curated.id());
        assertThat(h.rituals.run(1, "2026-12-01").orElseThrow().articleId()).isEqualTo(second.id());
    }

    private static Quote quoteOf(Article article, Run run) {
        int number = Integer.parseInt(run.item().orElseThrow());
        return article.quotes().stream().filter(q -> q.number() == number).findFirst().orElseThrow();
    }

    @Test
    void a_weekly_poll_of_the_new_article_polls_its_claims_and_threads_its_sections() {
        // GIVEN the channel discusses the second article and has a weekly poll on Mondays
        say("use " + second.id());
        assertThat(say("schedule weekly-poll mon 09:00 Asia/Shanghai --close-after 1d")).contains("Scheduled #1");
        assertThat(h.rituals.find(1).orElseThrow().spec().articleId()).isEqualTo(second.id());

        // WHEN the slot runs, its posts go out, and the poll closes a day later
        h.runner.runSlot(1, MONDAY_0900_SHANGHAI);
        RecordingGateway console = new RecordingGateway("console");
        h.deliveries("w1", console).deliverDue();
        Poll poll = h.polls.find(h.rituals.run(1, "2026-11-30").orElseThrow().pollId().orElseThrow())
                .orElseThrow();
        h.clock.set(MONDAY_0900_SHANGHAI.plus(Duration.ofDays(1)));
        h.runner.closeRun(1, "2026-11-30");
        h.deliveries("w1", console).deliverDue();

        // THEN the poll is on one of the second article's claims, named with its section
        var claim = second.claims().stream().filter(c -> c.id().equals(poll.claimId().orElseThrow())).findFirst()
                .orElseThrow();
        assertThat(poll.articleId()).isEqualTo(second.id());
        List<String> texts = console.posts().stream().map(p -> p.reply().plainText()).toList();
        assertThat(texts).hasSize(4);
        assertThat(texts.get(0)).contains(claim.statement().zh(), claim.section().title().in(Lang.ZH));
        // AND the thread under it introduces that claim's section of the second article
        assertThat(console.posts().get(1).threadOf()).isPresent();
        assertThat(texts.get(1)).contains("你觉得呢", claim.section().title().in(Lang.ZH));
        // AND the results come in the channel and the thread, with the chart
        assertThat(console.posts().subList(2, 4)).allSatisfy(p -> assertThat(p.reply().attachment()).isPresent());
    }

    @Test
    void a_config_schedule_keeps_the_article_it_names_and_use_says_so() {
        // GIVEN the config file posts the curated article's quote of the day in this channel
        service.syncConfigured(List.of(new Ritual.Spec(RitualKind.QOTD, curated.id(), Optional.empty(),
                LocalTime.of(9, 0), ZoneId.of("Asia/Shanghai"), Duration.ZERO, List.of(GENERAL),
                Optional.of("daily"), "config")));

        // WHEN an admin switches the channel to the second article
        String use = say("use " + second.id());

        // THEN the config's schedule stays on the curated article, and both the answer and the list say so
        assertThat(use).contains("Schedule #1 comes from the config file and keeps posting from " + curated.id())
                .doesNotContain("follows");
        assertThat(h.rituals.find(1).orElseThrow().spec().articleId()).isEqualTo(curated.id());
        assertThat(say("schedule list")).contains("#1", "posts from article " + curated.id());
        // AND quote today on the second article does not take the curated ritual's quote (only the curated one does)
        h.runner.runSlot(1, MONDAY_0900_SHANGHAI);
        h.clock.set(MONDAY_0900_SHANGHAI.plus(Duration.ofMinutes(5)));
        assertThat(h.runner.todaysQuote(GENERAL, second.id())).isEmpty();
        assertThat(h.runner.todaysQuote(GENERAL, curated.id())).isPresent();
        String today = say("quote today");
        assertThat(second.quotes().stream().anyMatch(q -> today.contains(q.text()))).isTrue();
    }

    @Test
    void a_quote_queued_before_the_library_names_no_article_and_shows_the_default_ones() {
        // GIVEN a quote post queued by a version that did not name the article in its payload
        Quote third = curated.quotes().get(2);
        h.outbox.enqueue(new OutboxPost("r9s20261130q0", OutboxPost.PostKind.QUOTE, GENERAL, Optional.empty(),
                Optional.empty(), third.number() + " 2026-11-30"), SUNDAY_NOON_SHANGHAI);

        // WHEN it is delivered
        RecordingGateway console = new RecordingGateway("console");
        h.deliveries("w1", console).deliverDue();

        // THEN it shows the default article's quote
        assertThat(console.posts()).singleElement()
                .satisfies(p -> assertThat(p.reply().plainText()).contains(third.text()));
    }

    @Test
    void a_schedule_whose_article_left_the_seeds_posts_from_the_default_article() {
        // GIVEN a weekly poll stored for an article whose seed has since been removed
        Ritual ritual = h.rituals.create(new Ritual.Spec(RitualKind.WEEKLY_POLL, "002_removed",
                Optional.of(DayOfWeek.MONDAY), LocalTime.of(9, 0), ZoneId.of("Asia/Shanghai"), Duration.ofDays(1),
                List.of(GENERAL), Optional.empty(), "admin"), SUNDAY_NOON_SHANGHAI);

        // WHEN its slot runs
        h.runner.runSlot(ritual.id(), MONDAY_0900_SHANGHAI);

        // THEN the poll is on a claim of the default article, as the channel itself now discusses that one
        Poll poll = h.polls.find(h.rituals.run(ritual.id(), "2026-11-30").orElseThrow().pollId().orElseThrow())
                .orElseThrow();
        assertThat(poll.articleId()).isEqualTo(curated.id());
        assertThat(curated.claims()).anyMatch(c -> c.id().equals(poll.claimId().orElseThrow())
                && c.statement().zh().equals(poll.question()));
    }

    @Test
    void posts_of_an_article_that_left_the_seeds_are_not_shown_with_another_articles_text() {
        // GIVEN a poll on an article whose seed is gone, with its thread queued, and a quote post naming that article
        Poll poll = h.polls.open(new io.taolun.core.poll.NewPoll("002_removed", Optional.of("c1"), "一个问题",
                io.taolun.core.poll.OptionSets.likert(), GENERAL, "taolun", true, false, SUNDAY_NOON_SHANGHAI,
                Optional.of(MONDAY_0900_SHANGHAI)));
        h.outbox.enqueue(new OutboxPost("r9s20261130p0", OutboxPost.PostKind.POLL, GENERAL, Optional.empty(),
                Optional.of(poll.id()), ""), SUNDAY_NOON_SHANGHAI);
        h.outbox.enqueue(new OutboxPost("r9s20261130t0", OutboxPost.PostKind.THREAD, GENERAL,
                Optional.of("r9s20261130p0"), Optional.of(poll.id()), "c1"), SUNDAY_NOON_SHANGHAI);
        h.outbox.enqueue(new OutboxPost("r8s20261130q0", OutboxPost.PostKind.QUOTE, GENERAL, Optional.empty(),
                Optional.empty(), "1 2026-11-30 002_removed"), SUNDAY_NOON_SHANGHAI);

        // WHEN they are delivered
        RecordingGateway console = new RecordingGateway("console");
        h.deliveries("w1", console).deliverDue();
        h.deliveries("w1", console).deliverDue();

        // THEN the thread asks the question without a section (c1 of the default article is not this claim), and
        // the quote, whose text is gone, is not posted at all
        assertThat(console.posts()).hasSize(2);
        assertThat(console.posts().get(1).reply().plainText()).contains("你觉得呢")
                .doesNotContain(curated.claims().get(0).section().title().zh());
        assertThat(h.outbox.failed("r8s20261130q0")).isTrue();
    }

    @Test
    void a_run_written_by_a_version_before_runs_named_their_article_reads_as_its_rituals() throws Exception {
        // GIVEN a quote run stored without an article, as a replica not yet upgraded writes it
        say("schedule qotd 09:00 Asia/Shanghai");
        try (var c = h.database.dataSource().getConnection(); var st = c.createStatement()) {
            st.executeUpdate("INSERT INTO ritual_run (ritual_id, slot, slot_at, state, item) "
                    + "VALUES (1, '2026-11-30', TIMESTAMP WITH TIME ZONE '2026-11-30 01:00:00+00', 'posted', '3')");
        }

        // THEN it is read, and counted in the rotation, as a run of the ritual's article
        assertThat(h.rituals.run(1, "2026-11-30").orElseThrow().articleId()).isEqualTo(curated.id());
        assertThat(h.rituals.postedItems(1)).containsExactly("3");
        // AND running that slot again keeps it
        h.runner.runSlot(1, MONDAY_0900_SHANGHAI);
        assertThat(h.rituals.run(1, "2026-11-30").orElseThrow().item()).contains("3");
    }

    private String say(String text) {
        return router.handle(new ChatRequest("console", "local", "general", "admin", "en", text)).plainText();
    }
}
