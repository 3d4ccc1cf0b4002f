package io.taolun.app;

import io.taolun.core.article.Library;
import io.taolun.core.article.SeedException;
import io.taolun.core.ritual.Ritual;
import io.taolun.slack.SlackOAuth;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What {@code taolun check-config} finds: the config file and the environment, checked without connecting anywhere (no
 * database opened, no platform called, no port bound). The report says what would start and lists every problem it
 * can; it never shows a token, a signing secret or a password, only whether each is set.
 */
final class ConfigCheck {
    private static final Set<String> LOG_FORMATS = Set.of("text", "json");
    static final List<String> LOG_LEVELS = List.of("ERROR", "WARN", "INFO", "DEBUG", "TRACE", "OFF");
    private static final List<String> OAUTH_ONLY = List.of("SLACK_CLIENT_SECRET", "SLACK_STATE_SECRET",
            "TAOLUN_SECRET_KEY", "SLACK_REDIRECT_URI");
    private static final List<String> SLACK_WITHOUT_TOKEN = List.of("SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN",
            "SLACK_CLIENT_SECRET", "SLACK_STATE_SECRET", "SLACK_REDIRECT_URI");

    /**
     * The outcome of a check.
     *
     * @param lines    what would be used, one line each, with {@code warning:} lines among them
     * @param problems what would stop Taolun, each {@code <key or variable>: <what is wrong>}
     */
    record Report(List<String> lines, List<String> problems) {
        Report {
            lines = List.copyOf(lines);
            problems = List.copyOf(problems);
        }

        int exitCode() {
            return problems.isEmpty() ? 0 : Main.CONFIG_ERROR;
        }

        /** The lines, an {@code error:} line per problem, and the verdict: what {@code check-config} prints. */
        List<String> text() {
            List<String> text = new ArrayList<>(lines);
            problems.forEach(p -> text.add("error: " + p));
            int n = problems.size();
            text.add(n == 0 ? "ok: Taolun can start with this config and environment"
                    : n + (n == 1 ? " problem" : " problems") + ": fix before starting Taolun");
            return text;
        }
    }

    private final Map<String, String> env;
    private final List<String> lines = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    /** The seeds as read, when they could be; the schedules name their articles in it. */
    private Library library;

    private ConfigCheck(Map<String, String> env) {
        this.env = env;
    }

    /** Checks the config file that {@code env} selects and the variables in {@code env}. */
    static Report run(Map<String, String> env) {
        ConfigCheck check = new ConfigCheck(env);
        Optional<TaolunConfig> config = check.config();
        config.ifPresent(check::seeds);
        check.platforms(config.map(TaolunConfig::discord).orElseGet(DiscordConfig::defaults));
        check.database(config);
        check.logFormat();
        config.ifPresent(check::schedules);
        return new Report(check.lines, check.problems);
    }

    private Optional<TaolunConfig> config() {
        ConfigLoader loader = new ConfigLoader();
        ConfigLoader.Source source;
        try {
            source = loader.locate(env);
        } catch (ConfigException e) {
            lines.add("config file: none read");
            problems.add(e.getMessage());
            return Optional.empty();
        }
        lines.add("config file: " + source);
        TaolunConfig config;
        try {
            config = loader.load(source);
        } catch (ConfigException e) {
            // start-up stops at the first error; the file is read again leaving out each bad value, to list them all
            List<String> all = loader.problems(source);
            if (!all.contains(e.getMessage())) {
                problems.add(e.getMessage());
            }
            problems.addAll(all);
            return Optional.empty();
        }
        lines.add("language: " + config.language());
        lines.add("time zone: " + config.timeZone());
        try {
            config.channelLanguages();
        } catch (ConfigException e) {
            problems.add(e.getMessage());
        }
        return Optional.of(config);
    }

    private void seeds(TaolunConfig config) {
        Library library;
        try {
            library = Seeds.load(config);
        } catch (ConfigException | SeedException e) {
            problems.add(e.getMessage());
            return;
        }
        this.library = library;
        library.warnings().forEach(w -> lines.add("warning: " + w));
        if (!library.added().isEmpty()) {
            lines.add("./seeds adds " + String.join(", ", new TreeSet<>(library.added()))
                    + (library.replaced().isEmpty() ? "" : " (in place of the bundled "
                            + String.join(", ", new TreeSet<>(library.replaced())) + ")"));
        }
        library.defaultArticle().ifPresentOrElse(
                article -> lines.add("articles: " + library.articles().size() + " (default: " + article.id() + ")"),
                () -> problems.add("seeds: no article (*.txt) was found"));
    }

    private void platforms(DiscordConfig discordConfig) {
        problems.addAll(PlatformSettings.problems(env, discordConfig));
        String portText = env.getOrDefault("TAOLUN_PORT", String.valueOf(PlatformSettings.DEFAULT_PORT)).strip();
        String port = portText.matches("\\d{1,5}") && Integer.parseInt(portText) <= 65535 ? "port " + portText
                : "an unusable TAOLUN_PORT";
        boolean slack = PlatformSettings.slackOn(env);
        boolean discord = set("DISCORD_TOKEN");
        if (set("SLACK_CLIENT_ID")) {
            lines.add("slack: installed in any workspace through OAuth, over HTTP on " + port + " (install at "
                    + SlackOAuth.INSTALL_PATH + ", Slack redirects to " + SlackOAuth.REDIRECT_PATH + ", events at "
                    + "/slack/events; SLACK_CLIENT_SECRET " + setOrNot("SLACK_CLIENT_SECRET") + ", SLACK_STATE_SECRET "
                    + setOrNot("SLACK_STATE_SECRET") + ", TAOLUN_SECRET_KEY " + setOrNot("TAOLUN_SECRET_KEY") + ")");
        } else if (slack && set("SLACK_APP_TOKEN")) {
            lines.add("slack: Socket Mode (SLACK_BOT_TOKEN set, SLACK_APP_TOKEN set, SLACK_SIGNING_SECRET "
                    + setOrNot("SLACK_SIGNING_SECRET") + ", not needed)");
        } else if (slack) {
            lines.add("slack: over HTTP on " + port + " at /slack/events (SLACK_BOT_TOKEN set, "
                    + "SLACK_SIGNING_SECRET " + setOrNot("SLACK_SIGNING_SECRET") + ")");
        } else {
            lines.add("slack: off (neither SLACK_BOT_TOKEN nor SLACK_CLIENT_ID is set)");
            SLACK_WITHOUT_TOKEN.stream().filter(this::set).forEach(name -> lines.add("warning: " + name
                    + ": set, but neither SLACK_BOT_TOKEN nor SLACK_CLIENT_ID is, so Slack will not start"));
        }
        if (slack && !set("SLACK_CLIENT_ID")) {
            OAUTH_ONLY.stream().filter(this::set).forEach(name -> lines.add("warning: " + name
                    + ": set, but SLACK_CLIENT_ID is not, so it is ignored (Slack serves the one SLACK_BOT_TOKEN)"));
        }
        if (discord) {
            List<String> guilds = discordConfig.guilds();
            lines.add("discord: gateway, commands registered " + (guilds.isEmpty() ? "globally"
                    : "in guild" + (guilds.size() == 1 ? " " : "s ") + String.join(", ", guilds))
                    + " (DISCORD_TOKEN set)");
        } else {
            lines.add("discord: off (DISCORD_TOKEN not set)");
        }
        if (slack || discord) {
            lines.add("http: " + port + listening());
        } else {
            lines.add("console only: no platform token is set (taolun starts the console; taolun serve refuses)");
        }
    }

    /** Where health and metrics answer and which address is bound, when the listen variables are good. */
    private String listening() {
        if (!Listen.problems(env).isEmpty()) {
            return " (/healthz, /readyz, /metrics)";
        }
        Listen listen = Listen.from(env);
        return " of " + listen.bind() + (listen.separateManagement()
                ? "; /healthz, /readyz, /metrics on port " + listen.managementPort() + " only"
                : " (/healthz, /readyz, /metrics)");
    }

    private void database(Optional<TaolunConfig> config) {
        if (set("TAOLUN_DB_URL")) {
            DatabaseSettings db;
            try {
                db = DatabaseSettings.from(env, Path.of("."));
            } catch (ConfigException e) {
                lines.add("database: none usable (TAOLUN_DB_URL is wrong)");
                problems.add(e.getMessage());
                return;
            }
            if (db.url().startsWith("jdbc:h2:")) {
                lines.add("database: H2 at " + db.safeUrl() + " (TAOLUN_DB_URL)");
            } else {
                lines.add("database: PostgreSQL at " + db.safeUrl() + ", user "
                        + (db.user().isBlank() ? "not set" : db.user()) + ", TAOLUN_DB_PASSWORD "
                        + setOrNot("TAOLUN_DB_PASSWORD"));
            }
            return;
        }
        if (config.isEmpty()) {
            lines.add("database: embedded H2 in the config's dataDir (not known: the config file has an error)");
            return;
        }
        Path dataDir = config.get().dataPath().toAbsolutePath();
        if (Files.exists(dataDir) && !Files.isDirectory(dataDir)) {
            problems.add("dataDir: \"" + config.get().dataDir() + "\" exists and is not a directory");
        }
        lines.add("database: embedded H2, file " + dataDir.resolve("taolun.mv.db"));
    }

    private void logFormat() {
        // as logback reads them: not stripped, and set-but-blank is wrong
        Optional<String> format = Optional.ofNullable(env.get("TAOLUN_LOG_FORMAT"));
        if (format.isEmpty()) {
            lines.add("log format: text (TAOLUN_LOG_FORMAT not set)");
        } else if (LOG_FORMATS.contains(format.get())) {
            lines.add("log format: " + format.get());
        } else {
            lines.add("log format: none usable (TAOLUN_LOG_FORMAT is wrong)");
            problems.add("TAOLUN_LOG_FORMAT: \"" + format.get() + "\" is not text or json");
        }
        Optional<String> level = Optional.ofNullable(env.get("TAOLUN_LOG_LEVEL"));
        if (level.isPresent() && !LOG_LEVELS.contains(level.get())) {
            problems.add("TAOLUN_LOG_LEVEL: \"" + level.get() + "\" is not one of " + String.join(", ", LOG_LEVELS));
        } else {
            lines.add("log level: " + level.orElse("WARN"));
        }
    }

    private void schedules(TaolunConfig config) {
        List<RitualsConfig.ScheduleConfig> schedules = config.rituals().schedules();
        if (schedules.isEmpty()) {
            lines.add("schedules: none declared");
            return;
        }
        boolean slack = PlatformSettings.slackOn(env);
        boolean discord = set("DISCORD_TOKEN");
        for (RitualsConfig.ScheduleConfig s : schedules) {
            lines.add("schedule " + s.name() + ": " + describe(s));
            if (library != null && library.defaultArticle().isPresent()) {
                try {
                    s.articleIn(library);
                } catch (ConfigException e) {
                    problems.add(e.getMessage());
                }
            }
            Set<String> platforms = s.channels().stream().map(RitualsConfig.TargetConfig::platform)
                    .collect(Collectors.toCollection(TreeSet::new));
            for (String platform : platforms) {
                String missing = switch (platform) {
                    case "slack" -> slack ? null : "neither SLACK_BOT_TOKEN nor SLACK_CLIENT_ID set";
                    case "discord" -> discord ? null : "DISCORD_TOKEN not set";
                    default -> slack || discord ? "the console runs only when no platform token is set" : null;
                };
                if (missing != null) {
                    lines.add("warning: rituals.schedules[" + s.name() + "]: no " + platform + " adapter (" + missing
                            + "): its " + platform + " posts would wait in the outbox");
                }
            }
        }
    }

    private static String describe(RitualsConfig.ScheduleConfig s) {
        boolean weekly = s.day() != null;
        String when = (weekly ? s.day() : "daily") + " " + s.time() + " " + s.zone();
        String close = weekly ? ", closes after " + (s.closeAfter() != null ? s.closeAfter()
                : span(Ritual.DEFAULT_CLOSE_AFTER)) : "";
        String rounds = Integer.valueOf(2).equals(s.rounds()) ? ", two rounds (round 2 after "
                + span(s.spec("-").roundTwoAfter().orElseThrow()) + ")" : "";
        String to = s.channels().stream().map(t -> t.platform() + " " + t.workspace() + "/" + t.channel())
                .collect(Collectors.joining(", "));
        return s.kind() + ", " + when + close + rounds + ", to " + to
                + (s.article() == null ? "" : ", from article " + s.article());
    }

    private static String span(Duration d) {
        return d.toHours() % 24 == 0 ? d.toDays() + "d" : d.toHours() + "h";
    }

    private boolean set(String name) {
        return PlatformSettings.variable(env, name).isPresent();
    }

    private String setOrNot(String name) {
        return set(name) ? "set" : "not set";
    }
}
