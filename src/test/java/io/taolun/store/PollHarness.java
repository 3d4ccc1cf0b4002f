package io.taolun.store;

import io.taolun.core.TestBot;
import io.taolun.core.article.Article;
import io.taolun.core.poll.PollPolicy;
import io.taolun.testing.Await;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A bot with polls on a fresh real database of the given kind; close it after the test. */
final class PollHarness implements AutoCloseable {
    final Database database;
    final JdbcPollStore store;
    final GroupCommitVoteLedger ledger;
    final TestBot bot;
    private final ExecutorService writer = Executors.newSingleThreadExecutor();

    PollHarness(TestDatabases.Kind kind) {
        this(kind, TestBot.everyoneMayOpen());
    }

    PollHarness(TestDatabases.Kind kind, PollPolicy policy) {
        this(TestDatabases.fresh(kind), policy);
    }

    /** A bot on an existing database: two harnesses on one URL are two replicas. */
    PollHarness(TestDatabases.Url url, PollPolicy policy) {
        this(url, policy, TestBot.library().defaultArticle().orElseThrow());
    }

    /** A bot with polls on any article. */
    PollHarness(TestDatabases.Kind kind, Article article) {
        this(TestDatabases.fresh(kind), TestBot.everyoneMayOpen(), article);
    }

    private PollHarness(TestDatabases.Url url, PollPolicy policy, Article article) {
        this.database = Database.open(url.url(), url.user(), url.password(), 16);
        this.store = new JdbcPollStore(database.dataSource());
        // a vote waits for the writer as long as the tests wait for it: a loaded machine is slow, not broken
        this.ledger = new GroupCommitVoteLedger(database.dataSource(), Duration.ofSeconds(1), writer, Await.CEILING);
        this.bot = TestBot.withPolls(article, new CachingPollStore(store, java.time.Duration.ofSeconds(2),
                com.github.benmanes.caffeine.cache.Ticker.systemTicker()), ledger, policy);
    }

    @Override
    public void close() {
        ledger.close();
        writer.shutdownNow();
        database.close();
    }
}
