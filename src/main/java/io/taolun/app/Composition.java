package io.taolun.app;

import com.github.benmanes.caffeine.cache.Ticker;
import io.taolun.core.Answerer;
import io.taolun.chart.PngResultChart;
import io.taolun.core.ChannelRef;
import io.taolun.core.ChatGateway;
import io.taolun.core.Completions;
import io.taolun.core.PollPosts;
import io.taolun.core.complete.OptionChoices;
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
import io.taolun.core.report.ReportCommand;
import io.taolun.core.report.ReportExport;
import io.taolun.core.poll.OpenPollCommand;
import io.taolun.core.poll.PollViews;
import io.taolun.core.ritual.OutboxDelivery;
import io.taolun.core.ritual.HandPollPosts;
import io.taolun.core.ritual.PollFanout;
import io.taolun.core.ritual.RitualPosts;
import io.taolun.core.poll.PollService;
import io.taolun.core.poll.PollStore;
import io.taolun.core.poll.PollsCommand;
import io.taolun.core.poll.ResultsCommand;
import io.taolun.core.poll.RoundCommand;
import io.taolun.core.poll.VoteCommand;
import io.taolun.core.poll.AddOptionCommand;
import io.taolun.core.poll.DeletePollCommand;
import io.taolun.core.poll.NonVotersCommand;
import io.taolun.core.poll.EditPollCommand;
import io.taolun.core.ritual.RitualRunner;
import io.taolun.core.ritual.RitualService;
import io.taolun.core.ritual.ScheduleCommand;
import io.taolun.core.search.SearchCommand;
import io.taolun.core.WebLinks;
import io.taolun.web.WebPages;
import io.taolun.store.CachingPollStore;
import io.taolun.store.Database;
import io.taolun.store.DbRitualScheduler;
import io.taolun.store.GroupCommitVoteLedger;
import io.taolun.store.JdbcChannelArticles;
import io.taolun.store.JdbcInstallations;
import io.taolun.store.JdbcOAuthStates;
import io.taolun.store.JdbcOutbox;
import io.taolun.store.JdbcPollReach;
import io.taolun.store.JdbcPollStore;
import io.taolun.store.JdbcRitualStore;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * The composition root: builds Taolun by hand, in one straight line, from the config and the side effects it is
 * given: the platforms' outbound gateways (given, built first), the thread pools, the stores, the services that post
 * through the gateways, the commands and the router. The inbound side (a {@link Server}'s adapters, or the console)
 * is built last, on what this exposes. Nothing is bound later. It closes what it opened.
 */
final class Composition implements AutoCloseable {
    /** How long another replica's close of a poll can go unseen here. */
    private static final Duration POLL_CACHE = Duration.ofSeconds(2);
    /** How long another replica's {@code /article use} can go unseen here. */
    private static final Duration CHOICE_CACHE = Duration.ofSeconds(2);

    private final Outbound outbound;
    private final Pools pools = new Pools();
    private final Metrics metrics = new Metrics();
    private final LazyDatabase database;
    private final GroupCommitVoteLedger ledger;
    private final PollFanout followUps;
    private final Completions completions;
    private final io.taolun.core.HomeTab home;
    private final Rituals rituals;
    private final Map<String, ArticleDesk> desks = new LinkedHashMap<>();
    private final Answerer router;
    private final WebPages web;
    private final io.taolun.core.poll.PollQueries queries;

    /** A composition that posts nowhere (no platform), at production timing. */
    Composition(TaolunConfig config, Library library, DatabaseSettings db, Clock clock, RandomGenerator random,
            Consumer<RuntimeException> onFailure) {
        this(config, library, db, clock, random, onFailure, Rituals.Timing.production(), Outbound.none());
    }

    Composition(TaolunConfig config, Library library, DatabaseSettings db, Clock clock, RandomGenerator random,
            Consumer<RuntimeException> onFailure, Outbound outbound) {
        this(config, library, db, clock, random, onFailure, Rituals.Timing.production(), outbound);
    }

    Composition(TaolunConfig config, Library library, DatabaseSettings db, Clock clock, RandomGenerator random,
            Consumer<RuntimeException> onFailure, Rituals.Timing timing, Outbound outbound) {
        this(config, library, db, clock, random, onFailure, timing, outbound, WebLinks.NONE);
    }

    /** @param links where the reading pages are on the web ({@code TAOLUN_PUBLIC_URL}): replies link to them */
    Composition(TaolunConfig config, Library library, DatabaseSettings db, Clock clock, RandomGenerator random,
            Consumer<RuntimeException> onFailure, Rituals.Timing timing, Outbound outbound, WebLinks links) {
        library.defaultArticle().orElseThrow(() -> new ConfigException("seeds: no article (*.txt) was found"));
        this.outbound = outbound;
        List<ChatGateway> gateways = outbound.gateways();
        io.taolun.core.ChannelMembers members = outbound.members();
        // stores
        this.database = new LazyDatabase(() -> openDatabase(db, metrics));
        DataSource data = database.dataSource();
        outbound.slack().ifPresent(s -> s.bind(new JdbcInstallations(data), new JdbcOAuthStates(data), clock));
        this.ledger = new GroupCommitVoteLedger(data, config.polls().doubleClick(), pools.voteWriter);
        PollStore store = new CachingPollStore(new JdbcPollStore(data), POLL_CACHE, Ticker.systemTicker());
        JdbcOutbox outbox = new JdbcOutbox(data);
        JdbcPollReach reach = new JdbcPollReach(data);
        JdbcRitualStore ritualStore = new JdbcRitualStore(data);
        DbRitualScheduler scheduler = new DbRitualScheduler(data, timing.scheduler(), clock);
        Shelf shelf = new Shelf(library, new JdbcChannelArticles(data, CHOICE_CACHE, Ticker.systemTicker()));
        // services that post: what each poll message shows, and the one owner of posted poll messages
        ZoneId zone = config.zone();
        Map<String, Lang> channelLanguages = config.channelLanguages();
        Function<ChannelRef, Lang> languages = where -> channelLanguages.getOrDefault(
                where.platform() + ":" + where.channel(), config.lang());
        PollViews views = new PollViews(library, store, zone, clock, links);
        this.queries = views.queries();
        // a reading page is rendered at most once a second: its claims' tallies may be a second behind
        this.web = new WebPages(library, queries, clock, java.time.Duration.ofSeconds(1),
                com.github.benmanes.caffeine.cache.Ticker.systemTicker());
        PngResultChart chart = new PngResultChart();
        RitualPosts posts = new RitualPosts(library, views, chart, languages);
        this.followUps = new PollFanout(outbox, gateways, store, posts,
                Optional.of(new HandPollPosts(store, ritualStore, outbox, scheduler, clock,
                        config.polls().reminders())), pools.refreshTimer,
                pools.refreshWork, clock, timing.refreshInterval());
        // the salts of polls of two rounds: each must be unguessable, or the voters' hashes could be recomputed
        java.security.SecureRandom salts = new java.security.SecureRandom();
        RitualRunner runner = new RitualRunner(library, ritualStore, store, outbox, scheduler, clock,
                config.rituals().grace(), followUps::changed, salts, config.polls().reminders());
        OutboxDelivery deliveries = new OutboxDelivery(outbox, gateways, posts::render, clock, timing.scheduler().name(),
                timing.claimLease(), metrics);
        this.rituals = new Rituals(outbox, scheduler, runner, deliveries, timing, pools.delivery,
                List.of(pools.refreshTimer, pools.refreshWork), clock);
        metrics.outboxDepth(rituals::outboxDepth);
        RitualService ritualService = new RitualService(ritualStore, scheduler, config.polls().policy(), clock);
        this.completions = new OptionChoices(shelf, views);
        this.home = new io.taolun.core.home.HomeView(() -> library.defaultArticle().orElseThrow(), views,
                ritualService, clock, zone);
        // commands, one router per article, and the library's router in front
        MeteredVoteLedger votes = new MeteredVoteLedger(ledger, metrics);
        for (Article each : library.articles()) {
            PollService own = new PollService(each, library, store, votes, config.polls().policy(), clock, reach,
                    followUps::changed, runner::pollClosedByHand, salts, links);
            // in memory, built on first search (in a server too: its dictionaries are most of an idle heap)
            LazyIndex index = new LazyIndex(each);
            ReportCommand report = new ReportCommand(own, zone, Optional.of(chart));
            List<Command> commands = List.of(
                    new AboutCommand(each, links),
                    new SectionCommand(each, links),
                    new SummaryCommand(each, links),
                    new QuoteCommand(each, clock, zone, random, where -> runner.todaysQuote(where, each.id())),
                    new ClaimsCommand(each),
                    new SearchCommand(each, index),
                    new DiscussCommand(each),
                    new OpenPollCommand(own, zone),
                    new VoteCommand(own, zone, followUps),
                    new AddOptionCommand(own),
                    new ResultsCommand(own, zone),
                    new ClosePollCommand(own, zone),
                    new EditPollCommand(own, zone),
                    new DeletePollCommand(own),
                    new NonVotersCommand(own, members),
                    new RoundCommand(own, zone),
                    new PollsCommand(own, zone),
                    new HistoryCommand(own, zone),
                    report,
                    new ReportExport(new ExportCommand(own), report),
                    new ScheduleCommand(ritualService, each.id(), runner::nextPick),
                    new ListArticlesCommand(shelf),
                    new UseArticleCommand(shelf, ritualService, config.polls().policy(), clock));
            desks.put(each.id(), new ArticleDesk(each, new CommandRouter(commands, config.lang(), channelLanguages,
                    onFailure, metrics, System::nanoTime), index));
        }
        Map<String, CommandRouter> routers = new LinkedHashMap<>();
        desks.forEach((id, desk) -> routers.put(id, desk.router()));
        this.router = new LibraryRouter(shelf, routers, config.lang(), onFailure);
        // the configured schedules are written when the database opens (a console command that reads only the
        // article never opens it)
        database.whenOpened(() -> ritualService.syncConfigured(config.rituals().schedules().stream()
                .map(s -> s.spec(s.articleIn(library))).toList()));
    }

    Answerer router() {
        return router;
    }

    LazyDatabase database() {
        return database;
    }

    /** Told where adapters posted polls and which messages votes were pressed on. */
    PollPosts followUps() {
        return followUps;
    }

    /** What adapters offer while a user types an option. */
    Completions completions() {
        return completions;
    }

    /** The app's home for a user (Slack's App Home). */
    io.taolun.core.HomeTab home() {
        return home;
    }

    Outbound outbound() {
        return outbound;
    }

    Pools pools() {
        return pools;
    }

    Rituals rituals() {
        return rituals;
    }

    /** What the pages read of the polls (a benchmark serves its own pages from it). */
    io.taolun.core.poll.PollQueries pollQueries() {
        return queries;
    }

    /** The reading pages, for the HTTP server. */
    WebPages web() {
        return web;
    }

    Metrics metrics() {
        return metrics;
    }

    /**
     * Stops the rituals, commits the votes already queued, then closes the database and the platforms' clients. (A
     * server stops its adapters and their pools first.)
     */
    @Override
    public void close() {
        if (rituals != null) {
            rituals.close();
        }
        if (ledger != null) {
            ledger.close();
        }
        Pools.stop(pools.voteWriter, System.nanoTime() + TimeUnit.SECONDS.toNanos(1));
        if (database != null) {
            database.close();
        }
        outbound.close();
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
