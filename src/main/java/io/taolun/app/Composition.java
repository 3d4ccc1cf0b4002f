package io.taolun.app;

import io.taolun.core.Command;
import io.taolun.core.CommandRouter;
import io.taolun.core.article.AboutCommand;
import io.taolun.core.article.Article;
import io.taolun.core.article.ClaimsCommand;
import io.taolun.core.article.DiscussCommand;
import io.taolun.core.article.Library;
import io.taolun.core.article.QuoteCommand;
import io.taolun.core.article.SectionCommand;
import io.taolun.core.article.SummaryCommand;
import io.taolun.core.poll.ClosePollCommand;
import io.taolun.core.poll.ExportCommand;
import io.taolun.core.poll.HistoryCommand;
import io.taolun.core.poll.OpenPollCommand;
import io.taolun.core.poll.PollMessages;
import io.taolun.core.poll.PollService;
import io.taolun.core.poll.PollsCommand;
import io.taolun.core.poll.ResultsCommand;
import io.taolun.core.poll.VoteCommand;
import io.taolun.core.search.SearchCommand;
import com.github.benmanes.caffeine.cache.Ticker;
import io.taolun.core.poll.PollStore;
import io.taolun.store.CachingPollStore;
import io.taolun.store.Database;
import io.taolun.store.GroupCommitVoteLedger;
import io.taolun.store.JdbcPollStore;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * The one composition root: builds every part of Taolun by hand from the config and the side effects it is given,
 * and closes what it opened.
 */
final class Composition implements AutoCloseable {
    /** How long another replica's close of a poll can go unseen here. */
    private static final Duration POLL_CACHE = Duration.ofSeconds(2);

    private final CommandRouter router;
    private final Database database;
    private final ExecutorService voteWriter;
    private final GroupCommitVoteLedger ledger;
    private final PollMessages pollMessages;
    private final Article article;

    Composition(TaolunConfig config, Library library, DatabaseSettings db, Clock clock, RandomGenerator random,
            Consumer<RuntimeException> onFailure) {
        this.article = library.defaultArticle()
                .orElseThrow(() -> new ConfigException("seeds: no article (*.txt) was found"));
        this.database = openDatabase(db);
        this.voteWriter = Executors.newSingleThreadExecutor(r -> new Thread(r, "taolun-vote-writer"));
        this.ledger = new GroupCommitVoteLedger(database.dataSource(), config.polls().doubleClick(), voteWriter);
        PollStore store = new CachingPollStore(new JdbcPollStore(database.dataSource()), POLL_CACHE, Ticker.systemTicker());
        PollService polls = new PollService(article, store, ledger, config.polls().policy(), clock);
        this.pollMessages = new PollMessages(polls, store, config.zone(), clock);
        ZoneId zone = config.zone();
        List<Command> commands = List.of(
                new AboutCommand(article),
                new SectionCommand(article),
                new SummaryCommand(article),
                new QuoteCommand(article, clock, zone, random),
                new ClaimsCommand(article),
                new SearchCommand(article),
                new DiscussCommand(article),
                new OpenPollCommand(polls, zone),
                new VoteCommand(polls, zone),
                new ResultsCommand(polls, zone),
                new ClosePollCommand(polls, zone),
                new PollsCommand(polls, zone),
                new HistoryCommand(polls, zone),
                new ExportCommand(polls));
        this.router = new CommandRouter(commands, config.lang(), config.channelLanguages(), onFailure);
    }

    CommandRouter router() {
        return router;
    }

    Database database() {
        return database;
    }

    Article article() {
        return article;
    }

    PollMessages pollMessages() {
        return pollMessages;
    }

    /** Commits the votes already queued, then closes the pool. */
    @Override
    public void close() {
        ledger.close();
        voteWriter.shutdown();
        try {
            voteWriter.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        database.close();
    }

    private static Database openDatabase(DatabaseSettings db) {
        try {
            return Database.open(db.url(), db.user(), db.password(), DatabaseSettings.POOL_SIZE);
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            String reason = String.valueOf(root.getMessage()).lines().findFirst().orElse("");
            throw new ConfigException("database " + db.safeUrl() + " cannot be opened: " + reason);
        }
    }
}
