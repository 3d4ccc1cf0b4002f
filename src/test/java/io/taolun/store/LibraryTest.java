package io.taolun.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import io.taolun.core.ChatRequest;
import io.taolun.core.Command;
import io.taolun.core.CommandRouter;
import io.taolun.core.Lang;
import io.taolun.core.Reply;
import io.taolun.core.TestBot;
import io.taolun.core.article.Article;
import io.taolun.core.article.ClaimsCommand;
import io.taolun.core.article.Library;
import io.taolun.core.article.QuoteCommand;
import io.taolun.core.article.SecondArticle;
import io.taolun.core.article.SummaryCommand;
import io.taolun.core.library.LibraryRouter;
import io.taolun.core.library.ListArticlesCommand;
import io.taolun.core.library.Shelf;
import io.taolun.core.library.UseArticleCommand;
import io.taolun.core.poll.HistoryCommand;
import io.taolun.core.poll.OpenPollCommand;
import io.taolun.core.poll.PollPolicy;
import io.taolun.core.poll.PollReach;
import io.taolun.core.poll.PollService;
import io.taolun.core.poll.PollsCommand;
import io.taolun.core.poll.ResultsCommand;
import io.taolun.core.poll.VoteCommand;
import io.taolun.core.ritual.RitualService;
import io.taolun.testing.TouchesTime;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A library of two articles on a real H2: channels choose their article, and polls and history follow it. */
@TouchesTime
final class LibraryTest {
    @TempDir
    Path dir;

    private final List<RuntimeException> failures = new ArrayList<>();
    private final ExecutorService writer = Executors.newSingleThreadExecutor();
    private Database database;
    private GroupCommitVoteLedger ledger;
    private Article curated;
    private Article second;
    private LibraryRouter router;

    @BeforeEach
    void a_library_of_the_curated_article_and_an_uncurated_one() {
        curated = TestBot.library().defaultArticle().orElseThrow();
        second = SecondArticle.load(dir);
        database = TestDatabases.open(TestDatabases.Kind.H2);
        ledger = new GroupCommitVoteLedger(database.dataSource(), Duration.ofSeconds(1), writer);
        router = routerOn(database);
    }

    @AfterEach
    void close() {
        ledger.close();
        writer.shutdownNow();
        database.close();
    }

    @Test
    void list_shows_every_article_and_marks_the_one_this_channel_uses() {
        // WHEN alice lists the library in English
        String list = as("alice", "general", "list --lang en").plainText();

        // THEN both articles are there, the curated one marked as this channel's
        assertThat(list).contains(curated.id(), second.id(), "curated", "automatic", "● this channel");
        assertThat(list.indexOf("● this channel")).isLessThan(list.indexOf(second.id()));
    }

    @Test
    void a_non_admin_cannot_choose_the_channels_article() {
        // WHEN bob, no admin, asks for the second article
        Reply reply = as("bob", "general", "use " + second.id());

        // THEN he is refused and the channel keeps the curated article
        assertThat(reply.error()).isTrue();
        assertThat(reply.plainText()).contains("管理员");
        assertThat(as("bob", "general", "claims").plainText()).contains(curated.claims().get(0).statement().zh());
    }

    @Test
    void an_unknown_article_id_gets_a_short_answer() {
        Reply reply = as("admin", "general", "use nope");

        assertThat(reply.error()).isTrue();
        assertThat(reply.plainText()).contains("nope", "/article list");
    }

    @Test
    void an_admin_switches_one_channel_and_every_command_answers_from_its_article() {
        // WHEN the admin makes #batteries discuss the second article
        Reply done = as("admin", "batteries", "use " + second.id().toUpperCase());

        // THEN claims, summary and quotes there come from it, while #general keeps the curated article
        assertThat(done.error()).isFalse();
        assertThat(as("alice", "batteries", "claims").plainText()).contains(second.claims().get(0).statement().zh());
        assertThat(as("alice", "batteries", "summary").plainText())
                .contains(second.meta().title().in(Lang.ZH));
        assertThat(as("alice", "batteries", "quote 1").plainText()).contains(second.quotes().get(0).text());
        assertThat(as("alice", "general", "claims").plainText()).contains(curated.claims().get(0).statement().zh())
                .doesNotContain(second.claims().get(0).statement().zh());
        assertThat(as("alice", "batteries", "list").plainText()).contains("● 本频道");
        assertThat(failures).isEmpty();
    }

    @Test
    void polls_and_history_are_kept_per_article() {
        // GIVEN #general discusses the second article and a poll is open on its first claim
        as("admin", "general", "use " + second.id());
        as("alice", "general", "poll c1");
        as("bob", "general", "vote 1 4");

        String claim = second.claims().get(0).statement().zh().substring(0, 12);

        // WHEN the channel goes back to the curated article
        String pollsOnSecond = as("alice", "general", "polls").plainText();
        String historyOnSecond = as("alice", "general", "history c1").plainText();
        as("admin", "general", "use " + curated.id());

        // THEN the poll shows only while the channel uses its article, and votes by id still work
        assertThat(pollsOnSecond).contains(claim);
        assertThat(historyOnSecond).contains(claim);
        assertThat(as("alice", "general", "polls").plainText()).doesNotContain(claim);
        assertThat(as("alice", "general", "results").error()).isTrue();
        assertThat(as("alice", "general", "history c1").plainText()).doesNotContain(claim);
        assertThat(as("carol", "general", "vote 1 2").error()).isFalse();
        // AND shown by id, the poll still names its claim in the second article's section
        var c1 = second.claims().get(0);
        assertThat(as("alice", "general", "results 1").plainText())
                .contains("c1 · §" + c1.section().number() + " " + c1.section().title().zh());
        assertThat(failures).isEmpty();
    }

    @Test
    void a_choice_is_seen_by_another_replica_on_the_same_database_within_two_seconds() {
        // GIVEN a second router on the same database (a replica) that has already answered in this channel
        java.util.concurrent.atomic.AtomicLong nanos = new java.util.concurrent.atomic.AtomicLong();
        LibraryRouter replica = routerOn(database, nanos::get);
        ChatRequest claims = new ChatRequest("console", "local", "general", "alice", "", "claims");
        assertThat(replica.handle(claims).plainText()).contains(curated.claims().get(0).statement().zh());

        // WHEN the admin chooses the second article here through the first router
        as("admin", "general", "use " + second.id());

        // THEN the replica answers from its cache until two seconds have passed, then from the second article
        nanos.addAndGet(Duration.ofMillis(1_900).toNanos());
        assertThat(replica.handle(claims).plainText()).contains(curated.claims().get(0).statement().zh());
        nanos.addAndGet(Duration.ofMillis(200).toNanos());
        assertThat(replica.handle(claims).plainText()).contains(second.claims().get(0).statement().zh());
    }

    private Reply as(String user, String channel, String text) {
        return router.handle(new ChatRequest("console", "local", channel, user, "", text));
    }

    @Test
    void a_channels_choice_stays_in_its_workspace_even_where_another_has_a_channel_of_the_same_id() {
        // WHEN workspace T1's admin makes its channel C1 discuss the second article
        Reply done = router.handle(new ChatRequest("console", "T1", "C1", "admin", "", "use " + second.id()));
        assertThat(done.error()).isFalse();
        // THEN C1 of T1 answers from it, and a channel C1 of workspace T2 keeps the default article
        assertThat(router.handle(new ChatRequest("console", "T1", "C1", "alice", "", "summary")).plainText())
                .contains(second.meta().title().in(Lang.ZH));
        assertThat(router.handle(new ChatRequest("console", "T2", "C1", "zed", "", "summary")).plainText())
                .contains(curated.meta().title().in(Lang.ZH)).doesNotContain(second.meta().title().in(Lang.ZH));
        assertThat(failures).isEmpty();
    }

    private LibraryRouter routerOn(Database db) {
        return routerOn(db, Ticker.systemTicker());
    }

    private LibraryRouter routerOn(Database db, Ticker ticker) {
        Clock clock = Clock.fixed(TestBot.NOW, ZoneOffset.UTC);
        PollPolicy policy = TestBot.everyoneMayOpen();
        Library library = new Library(List.of(curated, second), List.of());
        Shelf shelf = new Shelf(library, new JdbcChannelArticles(db.dataSource(), Duration.ofSeconds(2), ticker));
        CachingPollStore store = new CachingPollStore(new JdbcPollStore(db.dataSource()), Duration.ofSeconds(2),
                Ticker.systemTicker());
        RitualService rituals = new RitualService(new JdbcRitualStore(db.dataSource()),
                new RitualHarness.RecordedScheduler(), policy, clock);
        Map<String, CommandRouter> routers = new LinkedHashMap<>();
        for (Article article : library.articles()) {
            PollService polls = new PollService(article, library, store, ledger, policy, clock, PollReach.NONE,
                    id -> { }, id -> { });
            List<Command> commands = List.of(
                    new SummaryCommand(article),
                    new QuoteCommand(article, clock, TestBot.ZONE, new Random(42)),
                    new ClaimsCommand(article),
                    new OpenPollCommand(polls, TestBot.ZONE),
                    new VoteCommand(polls, TestBot.ZONE),
                    new ResultsCommand(polls, TestBot.ZONE),
                    new PollsCommand(polls, TestBot.ZONE),
                    new HistoryCommand(polls, TestBot.ZONE),
                    new ListArticlesCommand(shelf),
                    new UseArticleCommand(shelf, rituals, policy, clock));
            routers.put(article.id(), new CommandRouter(commands, Lang.ZH, failures::add));
        }
        return new LibraryRouter(shelf, routers, Lang.ZH, failures::add);
    }
}
