package io.taolun.app;

import com.github.benmanes.caffeine.cache.Ticker;
import io.taolun.core.Answerer;
import io.taolun.core.ChannelRef;
import io.taolun.core.Command;
import io.taolun.core.CommandRouter;
import io.taolun.core.Lang;
import io.taolun.core.article.AboutCommand;
import io.taolun.core.article.Article;
import io.taolun.core.article.ClaimsCommand;
import io.taolun.core.article.DiscussCommand;
import io.taolun.core.article.Library;
import io.taolun.core.article.QuoteCommand;
import io.taolun.core.article.SectionCommand;
import io.taolun.core.article.SummaryCommand;
import io.taolun.core.library.LibraryRouter;
import io.taolun.core.library.ListArticlesCommand;
import io.taolun.core.library.Shelf;
import io.taolun.core.library.UseArticleCommand;
import io.taolun.core.poll.ClosePollCommand;
import io.taolun.core.poll.ExportCommand;
import io.taolun.core.poll.HistoryCommand;
import io.taolun.core.poll.OpenPollCommand;
import io.taolun.core.poll.PollMessages;
import io.taolun.core.poll.PollService;
import io.taolun.core.poll.PollStore;
import io.taolun.core.poll.PollsCommand;
import io.taolun.core.poll.ResultsCommand;
import io.taolun.core.poll.VoteCommand;
import io.taolun.core.ritual.RitualRunner;
import io.taolun.core.ritual.RitualService;
import io.taolun.core.ritual.ScheduleCommand;
import io.taolun.core.search.SearchCommand;
import io.taolun.store.CachingPollStore;
import io.taolun.store.Database;
import io.taolun.store.DbRitualScheduler;
import io.taolun.store.GroupCommitVoteLedger;
import io.taolun.store.JdbcChannelArticles;
import io.taolun.store.JdbcOutbox;
import io.taolun.store.JdbcPollStore;
import io.taolun.store.JdbcRitualStore;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * The one composition root: builds every part of Taolun by hand from the config and the side effects it is given,
 * and closes what it opened. The rituals' delivery side needs the platforms' gateways, which exist only once the
 * adapters do, so it is started afterwards with {@link #startRituals}.
 */
final class Composition implements AutoCloseable {
    /** How long another replica's close of a poll can go unseen here. */
    private static final Duration POLL_CACHE = Duration.ofSeconds(2);
    /** How long another replica's {@code /article use} can go unseen here. */
    private static final Duration CHOICE_CACHE = Duration.ofSeconds(2);

    private final Answerer router;
    private final Map<String, ArticleDesk> desks = new LinkedHashMap<>();
    private final Database database;
    private final ExecutorService voteWriter;
    private final GroupCommitVoteLedger ledger;
    private final PollMessages pollMessages;
    private final Article article;
    private final Shelf shelf;
    private final Rituals rituals;
    private final Metrics metrics = new Metrics();

    Composition(TaolunConfig config, Library library, DatabaseSettings db, Clock clock, RandomGenerator random,
            Consumer<RuntimeException> onFailure) {
        this(config, library, db, clock, random, onFailure, Rituals.Timing.production());
    }

    Composition(TaolunConfig config, Library library, DatabaseSettings db, Clock clock, RandomGenerator random,
            Consumer<RuntimeException> onFailure, Rituals.Timing timing) {
        this.article = library.defaultArticle()
                .orElseThrow(() -> new ConfigException("seeds: no article (*.txt) was found"));
        this.database = openDatabase(db, metrics);
        this.voteWriter = Executors.newSingleThreadExecutor(r -> new Thread(r, "taolun-vote-writer"));
        this.ledger = new GroupCommitVoteLedger(database.dataSource(), config.polls().doubleClick(), voteWriter);
        PollStore store = new CachingPollStore(new JdbcPollStore(database.dataSource()), POLL_CACHE, Ticker.systemTicker());
        JdbcOutbox outbox = new JdbcOutbox(database.dataSource());
        JdbcRitualStore ritualStore = new JdbcRitualStore(database.dataSource());
        DbRitualScheduler scheduler = new DbRitualScheduler(database.dataSource(), timing.scheduler(), clock);
        Rituals.Changes changes = new Rituals.Changes();
        RitualRunner runner = new RitualRunner(library, ritualStore, store, outbox, scheduler, clock,
                config.rituals().grace(), changes);
        MeteredVoteLedger votes = new MeteredVoteLedger(ledger, metrics);
        ZoneId zone = config.zone();
        this.pollMessages = new PollMessages(library, store, zone, clock, outbox, runner::pollPosted);
        RitualService ritualService = new RitualService(ritualStore, scheduler, config.polls().policy(), clock);
        Map<String, Lang> channelLanguages = config.channelLanguages();
        Function<ChannelRef, Lang> languages = where -> channelLanguages.getOrDefault(
                where.platform() + ":" + where.channel(), config.lang());
        this.rituals = new Rituals(library, store, outbox, scheduler, runner, pollMessages, languages, changes, clock,
                timing, metrics);
        metrics.outboxDepth(rituals::outboxDepth);
        this.shelf = new Shelf(library, new JdbcChannelArticles(database.dataSource(), CHOICE_CACHE,
                Ticker.systemTicker()));
        for (Article each : library.articles()) {
            PollService own = new PollService(each, library, store, votes, config.polls().policy(), clock, outbox,
                    changes, runner::pollClosedByHand);
            // in memory, built on first search (a server warms it once up)
            LazyIndex index = new LazyIndex(each);
            List<Command> commands = List.of(
                    new AboutCommand(each),
                    new SectionCommand(each),
                    new SummaryCommand(each),
                    new QuoteCommand(each, clock, zone, random, where -> runner.todaysQuote(where, each.id())),
                    new ClaimsCommand(each),
                    new SearchCommand(each, index),
                    new DiscussCommand(each),
                    new OpenPollCommand(own, zone),
                    new VoteCommand(own, zone),
                    new ResultsCommand(own, zone),
                    new ClosePollCommand(own, zone),
                    new PollsCommand(own, zone),
                    new HistoryCommand(own, zone),
                    new ExportCommand(own),
                    new ScheduleCommand(ritualService, each.id()),
                    new ListArticlesCommand(shelf),
                    new UseArticleCommand(shelf, ritualService, config.polls().policy(), clock));
            desks.put(each.id(), new ArticleDesk(each, new CommandRouter(commands, config.lang(), channelLanguages,
                    onFailure, metrics, System::nanoTime), index));
        }
        Map<String, CommandRouter> routers = new LinkedHashMap<>();
        desks.forEach((id, desk) -> routers.put(id, desk.router()));
        this.router = new LibraryRouter(shelf, routers, config.lang(), onFailure);
        try {
            ritualService.syncConfigured(config.rituals().schedules().stream().map(s -> s.spec(s.articleIn(library))).toList());
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    Answerer router() {
        return router;
    }

    Database database() {
        return database;
    }

    Article article() {
        return article;
    }

    /** The library and each channel's choice in it. */
    Shelf shelf() {
        return shelf;
    }

    PollMessages pollMessages() {
        return pollMessages;
    }

    Rituals rituals() {
        return rituals;
    }

    Metrics metrics() {
        return metrics;
    }

    /** Builds the search indexes now (a server calls it in the background once it is up). */
    void warmSearch() {
        for (ArticleDesk desk : desks.values()) {
            try {
                desk.search().warm();
            } catch (RuntimeException e) {
                if (e.getCause() instanceof InterruptedException || Thread.currentThread().isInterrupted()) {
                    return; // the server is stopping: the index is built on first search if ever needed
                }
                throw e;
            }
        }
    }

    /** Stops the rituals, commits the votes already queued, then closes the pool. */
    @Override
    public void close() {
        rituals.close();
        ledger.close();
        voteWriter.shutdown();
        try {
            voteWriter.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        database.close();
        metrics.close();
    }

    private static Database openDatabase(DatabaseSettings db, Metrics metrics) {
        try {
            return Database.open(db.url(), db.user(), db.password(), DatabaseSettings.POOL_SIZE, metrics.registry());
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            // the driver's words may hold the password (see DatabaseSettings.redact); they are printed
            String reason = db.redact(String.valueOf(root.getMessage()).lines().findFirst().orElse(""));
            String hint = db.credentialsInUrl()
                    ? " (the PostgreSQL driver reads no user:password@ in the URL: set TAOLUN_DB_USER and "
                            + "TAOLUN_DB_PASSWORD)"
                    : "";
            throw new ConfigException("database " + db.safeUrl() + " cannot be opened: " + reason + hint);
        }
    }
}
