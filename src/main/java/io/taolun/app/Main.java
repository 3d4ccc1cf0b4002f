package io.taolun.app;

import io.taolun.console.ConsoleAdapter;
import io.taolun.core.ChannelRef;
import io.taolun.core.WebLinks;
import io.taolun.console.ConsoleGateway;
import io.taolun.console.ConsoleSession;
import io.taolun.core.CommandRouter;
import io.taolun.core.Lang;
import io.taolun.core.article.Library;
import io.taolun.core.article.SeedException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code taolun} command line: with no platform tokens it starts the console. */
@Command(name = "taolun", mixinStandardHelpOptions = true, version = "taolun 0.1.0",
        description = "A discussion bot around one article. With no subcommand: the interactive console.",
        subcommands = {Main.Console.class, Main.Serve.class, Main.Web.class, Main.CheckConfig.class})
public final class Main implements Callable<Integer> {
    static final int CONFIG_ERROR = 2;
    /** A stop that takes longer than this is cut short, inside a 10 s termination grace period. */
    static final long SHUTDOWN_LIMIT_MILLIS = 9_500;
    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    public static void main(String[] args) {
        System.exit(run(Utf8Args.recover(args, Utf8Args.CMDLINE), System.getenv()));
    }

    static int run(String[] args, Map<String, String> env) {
        return run(args, env, new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8),
                new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
    }

    /** Runs the command line printing to {@code out} and {@code err}, so tests can read what it says. */
    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        CommandLine cli = new CommandLine(new Main(env, out, err));
        cli.setOut(new java.io.PrintWriter(out, true));
        cli.setErr(new java.io.PrintWriter(err, true));
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            if (e instanceof ConfigException || e instanceof SeedException) {
                err.println("taolun: cannot start: " + e.getMessage());
                return CONFIG_ERROR;
            }
            throw e;
        });
        if (Utf8Args.anyLost(args)) {
            err.println("taolun: cannot read the command line: it holds characters this locale (LANG="
                    + env.getOrDefault("LANG", "") + ") cannot decode; run it under a UTF-8 locale, e.g. LANG=C.UTF-8");
            return CONFIG_ERROR;
        }
        boolean checking = args.length > 0 && args[0].equals("check-config");
        // checked as logback reads them: not stripped, and set-but-blank is wrong
        String format = env.getOrDefault("TAOLUN_LOG_FORMAT", "text");
        String level = env.getOrDefault("TAOLUN_LOG_LEVEL", "WARN");
        if (!checking && (!format.matches("text|json") || !ConfigCheck.LOG_LEVELS.contains(level))) {
            // logback would otherwise log nowhere (an unknown appender) or at DEBUG (an unknown level)
            err.println("taolun: cannot start: TAOLUN_LOG_FORMAT must be text or json and TAOLUN_LOG_LEVEL one of "
                    + String.join(", ", ConfigCheck.LOG_LEVELS));
            return CONFIG_ERROR;
        }
        return cli.execute(args);
    }

    private final Map<String, String> env;
    private final PrintStream out;
    private final PrintStream err;

    private Main(Map<String, String> env, PrintStream out, PrintStream err) {
        this.env = env;
        this.out = out;
        this.err = err;
    }

    @CommandLine.Mixin
    private ConsoleOptions options = new ConsoleOptions();

    @Override
    public Integer call() throws Exception {
        TaolunConfig config = new ConfigLoader().load(env);
        PlatformSettings platforms = PlatformSettings.from(env, config.discord());
        if (platforms.any()) {
            return serve(config, platforms);
        }
        return runConsole(config, options);
    }

    /** {@code taolun serve}: the platform adapters and HTTP endpoints, until the process is stopped. */
    @Command(name = "serve", mixinStandardHelpOptions = true,
            description = "Serve Slack (SLACK_BOT_TOKEN, or SLACK_CLIENT_ID to install in any workspace), Discord "
                    + "(DISCORD_TOKEN) and the HTTP endpoints until stopped.")
    static final class Serve implements Callable<Integer> {
        @CommandLine.ParentCommand
        private Main main;

        @Override
        public Integer call() throws Exception {
            TaolunConfig config = new ConfigLoader().load(main.env);
            PlatformSettings platforms = PlatformSettings.from(main.env, config.discord());
            if (!platforms.any()) {
                throw new ConfigException("SLACK_BOT_TOKEN, SLACK_CLIENT_ID, DISCORD_TOKEN: none is set, so there is "
                        + "no platform to serve (run without arguments for the console)");
            }
            return main.serve(config, platforms);
        }
    }

    private int serve(TaolunConfig config, PlatformSettings platforms) throws Exception {
        // taolun --data=DIR serve: the option before the subcommand is the one given; it was silently ignored
        Path dataDir = dataDir(options.data != null ? options.data : config.dataPath(),
                options.data != null ? "--data" : "dataDir");
        Library library = Seeds.load(config);
        library.warnings().forEach(w -> err.println("taolun: " + w));
        Composition app = new Composition(config, library, DatabaseSettings.from(env, dataDir), Clock.systemUTC(),
                new SecureRandom(), e -> LOG.error("command failed", e), Rituals.Timing.production(),
                Outbound.of(platforms), webLinks());
        Server server;
        try {
            server = new Server(app, config, platforms, Clock.systemUTC(), out);
        } catch (Exception e) {
            app.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // SIGTERM: stop within 10 s whatever hangs (every acknowledged vote is committed already)
            Thread watchdog = new Thread(() -> {
                try {
                    Thread.sleep(SHUTDOWN_LIMIT_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
                err.println("taolun: shutdown took over " + SHUTDOWN_LIMIT_MILLIS + " ms; stopping now");
                Runtime.getRuntime().halt(1);
            }, "taolun-shutdown-watchdog");
            watchdog.setDaemon(true);
            watchdog.start();
            try {
                server.close();
            } finally {
                try {
                    app.close();
                } finally {
                    watchdog.interrupt();
                    stopped.countDown();
                }
            }
        }, "taolun-shutdown"));
        stopped.await();
        return 0;
    }

    /** {@code taolun check-config}: the config file and the environment checked, without connecting anywhere. */
    @Command(name = "check-config", mixinStandardHelpOptions = true,
            description = "Check the config file and the environment without connecting anywhere: print what would "
                    + "start and every problem found; exit 2 if Taolun could not start.")
    static final class CheckConfig implements Callable<Integer> {
        @CommandLine.ParentCommand
        private Main main;

        @Override
        public Integer call() {
            ConfigCheck.Report report = ConfigCheck.run(main.env);
            report.text().forEach(main.out::println);
            return report.exitCode();
        }
    }

    /** {@code taolun console}: the console adapter, interactive or with {@code -e} commands. */
    @Command(name = "console", mixinStandardHelpOptions = true,
            description = "Talk to the bot in this terminal; with -e, run the commands and exit.")
    static final class Console implements Callable<Integer> {
        @CommandLine.ParentCommand
        private Main main;

        @CommandLine.Mixin
        private ConsoleOptions options = new ConsoleOptions();

        @Override
        public Integer call() throws IOException {
            return main.runConsole(new ConfigLoader().load(main.env), options);
        }
    }

    /** {@code taolun web}: the reading pages of the console's data directory, on this machine only. */
    @Command(name = "web", mixinStandardHelpOptions = true,
            description = "Serve the article's reading page and the poll pages of the console's data directory on "
                    + "http://127.0.0.1:<port>/ until stopped (Ctrl-C).")
    static final class Web implements Callable<Integer> {
        @CommandLine.ParentCommand
        private Main main;

        @Option(names = "--port", description = "The port on 127.0.0.1 (default 8080; 0 for any free one).")
        int port = 8080;

        @Option(names = "--data", description = "Data directory (default: the config's dataDir).")
        Path data;

        @Override
        public Integer call() throws Exception {
            return main.runWeb(new ConfigLoader().load(main.env), this);
        }
    }

    private int runWeb(TaolunConfig config, Web o) throws Exception {
        Library library = Seeds.load(config);
        library.warnings().forEach(w -> err.println("taolun: " + w));
        Path dataDir = dataDir(o.data != null ? o.data : config.dataPath(), o.data != null ? "--data" : "dataDir");
        try (Composition app = new Composition(config, library, DatabaseSettings.from(env, dataDir), Clock.systemUTC(),
                new SecureRandom(), e -> LOG.error("page failed", e))) {
            try (HttpEndpoints http = pages(app, o.port, "--port")) {
                out.println("taolun: Ctrl-C to stop");
                out.flush();
                CountDownLatch stopped = new CountDownLatch(1);
                Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "taolun-web-stop"));
                stopped.await();
            }
        }
        return 0;
    }

    /** The options of the console, taken both by {@code taolun} and by {@code taolun console}. */
    static final class ConsoleOptions {
        @Option(names = "--user", description = "Who you are (default: $USER).")
        String user;

        @Option(names = "--lang", description = "zh or en (default: the config's language).")
        String lang;

        @Option(names = "--channel", description = "The channel you are in (default: console).")
        String channel = "console";

        @Option(names = "--data", description = "Data directory (default: the config's dataDir).")
        Path data;

        @Option(names = {"-e", "--execute"}, description = "A command to run, e.g. \"/article quote\"; repeatable.")
        List<String> commands = new ArrayList<>();

        @Option(names = "--clock-start", description = "Pretend it is this time, e.g. 2026-11-30T08:59:00+08:00 "
                + "(to try schedules).")
        java.time.OffsetDateTime clockStart;

        @Option(names = "--clock-speed", description = "Run the clock this many times faster (default 1).")
        double clockSpeed = 1;

        @Option(names = "--wait", description = "With -e: keep running this many seconds after the commands, "
                + "printing scheduled posts (default 0).")
        int waitSeconds;
    }

    private static void sleep(int seconds) {
        try {
            Thread.sleep(seconds * 1000L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@code TAOLUN_PUBLIC_URL}: where the reading pages are on the web, for the links replies carry. */
    private WebLinks webLinks() {
        String url = env.get("TAOLUN_PUBLIC_URL");
        if (url == null || url.isBlank()) {
            return WebLinks.NONE;
        }
        try {
            return WebLinks.of(url);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("TAOLUN_PUBLIC_URL: " + e.getMessage());
        }
    }

    private static Path dataDir(Path dir, String key) {
        return DataDirectory.prepare(dir, key);
    }

    private int runConsole(TaolunConfig config, ConsoleOptions o) throws IOException {
        Optional<Lang> chosen = Optional.empty();
        if (o.lang != null) {
            chosen = Optional.of(Lang.parse(o.lang)
                    .orElseThrow(() -> new ConfigException("--lang: \"" + o.lang + "\" is not zh or en")));
        }
        String who = o.user != null ? o.user : env.getOrDefault("USER", "you");
        if (who.isBlank() || o.channel.isBlank()
                || who.length() > CommandRouter.MAX_ID || o.channel.length() > CommandRouter.MAX_ID) {
            throw new ConfigException("--user and --channel must be 1 to " + CommandRouter.MAX_ID + " characters");
        }
        Library library = Seeds.load(config);
        library.warnings().forEach(w -> err.println("taolun: " + w));
        Path dataDir = dataDir(o.data != null ? o.data : config.dataPath(), o.data != null ? "--data" : "dataDir");
        DatabaseSettings db = DatabaseSettings.from(env, dataDir);
        if (o.waitSeconds < 0 || o.waitSeconds > 86_400) {
            throw new ConfigException("--wait: " + o.waitSeconds + " is not between 0 and 86400 seconds");
        }
        Clock clock = o.clockStart == null && o.clockSpeed == 1 ? Clock.systemUTC()
                : new AcceleratedClock(Clock.systemUTC(),
                        o.clockStart == null ? Clock.systemUTC().instant() : o.clockStart.toInstant(), o.clockSpeed);
        ConsoleGateway posts = new ConsoleGateway(chosen.orElse(config.lang()), clock, config.zone(),
                dataDir.resolve("charts"),
                text -> {
                    synchronized (out) {
                        out.println(text);
                    }
                });
        try (Composition app = new Composition(config, library, db, clock, new SecureRandom(),
                e -> LOG.error("command failed", e), Rituals.Timing.forSpeed(o.clockSpeed), Outbound.console(posts),
                webLinks())) {
            boolean stays = o.commands.isEmpty() || o.waitSeconds > 0;
            // a session that stays records its polls' messages: their reminders and results are printed in time
            ChannelRef here = new ChannelRef("console", "local", o.channel);
            ConsoleSession.Shown shown = !stays ? ConsoleSession.Shown.NONE : (reply, lang) -> reply.pollShown()
                    .ifPresent(pollId -> app.followUps().posted(pollId, here, posts.shown(reply), lang));
            ConsoleSession session = new ConsoleSession(app.router(), who, o.channel, chosen, config.lang(),
                    ConsoleSession.COLUMNS, dataDir.resolve("exports"), config.polls().administersConsole(who), shown);
            if (stays || !db.embedded()) {
                // a server database (TAOLUN_DB_URL) that cannot be opened stops the console at once, in one line; the
                // embedded one is opened by a one-shot -e command only if the command needs it
                app.database().open();
            }
            if (stays) {
                // a session that stays prints scheduled posts: the rituals run; a one-shot command does not start them
                app.rituals().start();
            }
            if (clock instanceof AcceleratedClock accelerated) {
                accelerated.run();
            }
            converse(new ConsoleAdapter(session), o, dataDir, posts);
        }
        return 0;
    }

    /** The reading pages of this process's data on 127.0.0.1; a port in use is a one-line refusal. */
    private HttpEndpoints pages(Composition app, int port, String option) throws java.net.BindException {
        if (port < 0 || port > 65_535) {
            throw new ConfigException(option + ": " + port + " is not a port (0 to 65535)");
        }
        app.database().open();
        try {
            HttpEndpoints http = new HttpEndpoints(new Listen("127.0.0.1", port, port),
                    HttpEndpoints.Limits.production(), Optional.empty(), Optional.of(app.web()),
                    () -> new HttpEndpoints.Health(200, "{\"status\":\"ok\"}"), () -> "");
            out.println("taolun: reading pages on http://127.0.0.1:" + http.port() + "/");
            out.flush();
            return http;
        } catch (java.net.BindException e) {
            throw new ConfigException(option + ": " + port + " is in use; pick another port");
        }
    }

    private void converse(ConsoleAdapter console, ConsoleOptions o, Path dataDir, ConsoleGateway posts)
            throws IOException {
        if (!o.commands.isEmpty()) {
            synchronized (out) {
                console.runScript(o.commands, out);
            }
            sleep(o.waitSeconds);
        } else if (System.console() == null) {
            console.runLines(System.in, out);
        } else {
            console.runInteractive(dataDir, posts);
        }
    }
}
