package io.taolun.core;

import io.taolun.core.article.AboutCommand;
import io.taolun.core.article.Article;
import io.taolun.core.article.ClaimsCommand;
import io.taolun.core.article.DiscussCommand;
import io.taolun.core.article.Library;
import io.taolun.core.article.QuoteCommand;
import io.taolun.core.article.SectionCommand;
import io.taolun.core.article.SeedLoader;
import io.taolun.core.article.SummaryCommand;
import io.taolun.core.poll.ClosePollCommand;
import io.taolun.core.poll.ExportCommand;
import io.taolun.core.poll.HistoryCommand;
import io.taolun.core.report.ReportCommand;
import io.taolun.core.report.ReportExport;
import io.taolun.core.poll.OpenPollCommand;
import io.taolun.core.poll.PollPolicy;
import io.taolun.core.poll.PollService;
import io.taolun.core.poll.PollStore;
import io.taolun.core.poll.PollsCommand;
import io.taolun.core.poll.ResultsCommand;
import io.taolun.core.poll.RoundCommand;
import io.taolun.core.poll.VoteCommand;
import io.taolun.core.poll.VoteLedger;
import io.taolun.core.search.ArticleIndex;
import io.taolun.core.search.SearchCommand;
import io.taolun.lucene.LuceneIndex;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Test fixture: the real article behind a router, with a fixed clock and seeded randomness; failures are recorded. */
public final class TestBot {
    /** 2026-11-28 09:00 in Shanghai. */
    public static final Instant NOW = Instant.parse("2026-11-28T01:00:00Z");
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static Library library;
    /** One index per article object: building it for each of hundreds of small tests took seconds. */
    private static final Map<Article, ArticleIndex> INDEXES = Collections.synchronizedMap(new IdentityHashMap<>());

    public final List<RuntimeException> failures = new ArrayList<>();
    /** Who is in each channel, as {@code nonvoters} asks: no platform can say, unless a test says otherwise. */
    public volatile io.taolun.core.ChannelMembers members = io.taolun.core.ChannelMembers.NONE;
    private final CommandRouter router;
    private Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    /** The bot's clock as its commands see it: follows {@link #later} and the like. */
    private final Clock seen;

    private TestBot(Article article) {
        this(article, null, null, null);
    }

    private TestBot(Article article, PollStore store, VoteLedger ledger, PollPolicy policy) {
        Clock ticking = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return clock.withZone(zone);
            }

            @Override
            public Instant instant() {
                return clock.instant();
            }
        };
        this.seen = ticking;
        List<Command> commands = new ArrayList<>(List.of(
                new AboutCommand(article),
                new SectionCommand(article),
                new SummaryCommand(article),
                new QuoteCommand(article, ticking, ZONE, new Random(42)),
                new ClaimsCommand(article),
                new SearchCommand(article, INDEXES.computeIfAbsent(article,
                        a -> LuceneIndex.build(List.of(a)).of(a))),
                new DiscussCommand(article)));
        if (store != null) {
            PollService polls = new PollService(article, store, ledger, policy, ticking);
            ReportCommand report = new ReportCommand(polls, ZONE);
            commands.addAll(List.of(
                    new OpenPollCommand(polls, ZONE),
                    new VoteCommand(polls, ZONE),
                    new io.taolun.core.poll.AddOptionCommand(polls),
                    new ResultsCommand(polls, ZONE),
                    new ClosePollCommand(polls, ZONE),
                    new io.taolun.core.poll.EditPollCommand(polls, ZONE),
                    new io.taolun.core.poll.DeletePollCommand(polls),
                    new io.taolun.core.poll.NonVotersCommand(polls, where -> members.of(where)),
                    new RoundCommand(polls, ZONE),
                    new PollsCommand(polls, ZONE),
                    new HistoryCommand(polls, ZONE),
                    report,
                    new ReportExport(new ExportCommand(polls), report)));
        }
        this.router = new CommandRouter(commands, Lang.ZH, failures::add);
    }

    /** A bot on the curated article in {@code seeds/}. */
    public static TestBot curated() {
        return new TestBot(library().defaultArticle().orElseThrow());
    }

    /** A bot on the curated article that also runs polls on the given store and ledger. */
    public static TestBot withPolls(PollStore store, VoteLedger ledger, PollPolicy policy) {
        return new TestBot(library().defaultArticle().orElseThrow(), store, ledger, policy);
    }

    /** A bot on any article that also runs polls on the given store and ledger. */
    public static TestBot withPolls(Article article, PollStore store, VoteLedger ledger, PollPolicy policy) {
        return new TestBot(article, store, ledger, policy);
    }

    /** Everyone may open polls, which run 7 days by default; {@code admin} is the console admin. */
    public static PollPolicy everyoneMayOpen() {
        return new PollPolicy(PollPolicy.Openers.EVERYONE, java.util.Map.of("console", java.util.Set.of("admin")),
                java.time.Duration.ofDays(7), java.time.Duration.ofDays(90));
    }

    /** A bot on any article. */
    public static TestBot on(Article article) {
        return new TestBot(article);
    }

    public static synchronized Library library() {
        if (library == null) {
            library = new SeedLoader().load(Path.of("seeds"));
        }
        return library;
    }

    /** Moves the bot's clock forward. */
    public TestBot later(java.time.Duration by) {
        this.clock = Clock.fixed(clock.instant().plus(by), ZoneOffset.UTC);
        return this;
    }

    /** {@code user} types {@code text} in {@code channel}, with no locale. */
    /** The clock the bot's commands read. */
    public Clock clock() {
        return seen;
    }

    public Reply as(String user, String channel, String text) {
        return router.handle(new ChatRequest("console", "local", channel, user, "", text));
    }

    /** {@code user} types {@code text} in #general. */
    public Reply as(String user, String text) {
        return as(user, "general", text);
    }

    /** Moves the bot's clock. */
    public TestBot at(Instant instant) {
        this.clock = Clock.fixed(instant, ZoneOffset.UTC);
        return this;
    }

    /** Alice types {@code text} in #general with no locale (the default language, Chinese). */
    public Reply ask(String text) {
        return router.handle(request("general", "", text));
    }

    /** Alice, with an English locale, types {@code text}. */
    public Reply askInEnglish(String text) {
        return router.handle(request("general", "en-US", text));
    }

    public Reply handle(ChatRequest request) {
        return router.handle(request);
    }

    public static ChatRequest request(String channel, String locale, String text) {
        return new ChatRequest("console", "local", channel, "alice", locale, text);
    }
}
