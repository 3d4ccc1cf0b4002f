package io.taolun.app;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.taolun.core.article.SeedLoader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ConfigCheckTest {
    private static final Path SEEDS = Path.of("seeds").toAbsolutePath();
    private static final String SLACK_TOKEN = "xoxb-check-token-0123456789";
    private static final String SIGNING_SECRET = "check-signing-secret-0123456789";
    private static final String APP_TOKEN = "xapp-check-app-token-0123456789";
    private static final String DISCORD_TOKEN = "check-discord-token-0123456789";
    private static final String DB_PASSWORD = "check-db-password-0123456789";
    private static final String URL_PASSWORD = "check-url-password-0123456789";
    private static final String QUERY_PASSWORD = "check-query-password-0123456789";
    private static final String WEEKLY_ON_BOTH = """
            rituals:
              schedules:
                - name: weekly
                  kind: weekly-poll
                  day: mon
                  time: "09:00"
                  zone: %s
                  closeAfter: 2d
                  channels:
                    - {platform: slack, workspace: T1, channel: C1}
                    - {platform: discord, workspace: "111", channel: "222"}
            """;

    @TempDir
    Path dir;

    @Test
    void a_good_config_with_slack_over_http_discord_and_postgresql_is_reported_in_full_without_any_secret() {
        // GIVEN a config in English with a guild and a weekly poll on both platforms, and every variable set well
        Path config = write("language: en\ntimeZone: Europe/Berlin\ndiscord:\n  guilds: [\"123456789012345678\"]\n"
                + WEEKLY_ON_BOTH.formatted("Europe/Berlin"));
        Map<String, String> env = env(config, "SLACK_BOT_TOKEN", SLACK_TOKEN, "SLACK_SIGNING_SECRET", SIGNING_SECRET,
                "DISCORD_TOKEN", DISCORD_TOKEN, "TAOLUN_PORT", "8080", "TAOLUN_LOG_FORMAT", "json",
                "TAOLUN_DB_URL", "jdbc:postgresql://taolun:" + URL_PASSWORD + "@db.example:5432/taolun?password="
                        + QUERY_PASSWORD,
                "TAOLUN_DB_USER", "taolun", "TAOLUN_DB_PASSWORD", DB_PASSWORD);

        // WHEN it is checked
        ConfigCheck.Report report = ConfigCheck.run(env);

        // THEN everything that would start is said, there is no problem, and no secret is shown
        String defaultArticle = new SeedLoader().load(SEEDS).defaultArticle().orElseThrow().id();
        assertThat(report.exitCode()).isZero();
        assertThat(report.problems()).isEmpty();
        assertThat(report.text()).contains(
                "config file: " + config.toAbsolutePath(),
                "language: en",
                "time zone: Europe/Berlin",
                "articles: 1 (default: " + defaultArticle + ")",
                "slack: over HTTP on port 8080 at /slack/events (SLACK_BOT_TOKEN set, SLACK_SIGNING_SECRET set)",
                "discord: gateway, commands registered in guild 123456789012345678 (DISCORD_TOKEN set)",
                "http: port 8080 of 0.0.0.0 (/healthz, /readyz, /metrics)",
                "database: PostgreSQL at jdbc:postgresql://…@db.example:5432/taolun?…, user taolun, "
                        + "TAOLUN_DB_PASSWORD set",
                "log format: json",
                "schedule weekly: weekly-poll, mon 09:00 Europe/Berlin, closes after 2d, to slack T1/C1, "
                        + "discord 111/222",
                "ok: Taolun can start with this config and environment");
        assertThat(String.join("\n", report.text())).doesNotContain(
                SLACK_TOKEN, SIGNING_SECRET, DISCORD_TOKEN, DB_PASSWORD, URL_PASSWORD, QUERY_PASSWORD, "warning:");
    }

    @Test
    void a_bad_zone_in_a_schedule_is_an_error_naming_the_schedule_key() {
        // GIVEN a weekly poll in a zone that does not exist
        Path config = write(WEEKLY_ON_BOTH.formatted("Mars/Olympus_Mons"));

        // WHEN it is checked
        ConfigCheck.Report report = ConfigCheck.run(env(config));

        // THEN the check fails naming the schedule's zone key
        assertThat(report.exitCode()).isEqualTo(Main.CONFIG_ERROR);
        assertThat(report.problems()).singleElement().asString().contains("rituals.schedules[weekly].zone");
    }

    @Test
    void a_schedule_naming_an_article_missing_from_the_seeds_is_an_error_listing_the_library() {
        // GIVEN a weekly poll from an article that is not in seeds/, and one from the curated article
        Path config = write(WEEKLY_ON_BOTH.formatted("Europe/Berlin").replace("      closeAfter: 2d\n",
                "      closeAfter: 2d\n      article: 001_missing\n"));
        Path good = writeString(dir.resolve("good.yaml"), Files.exists(config) ? readString(config)
                .replace("001_missing", "000_A8E75D267BB866EB") : "");

        // WHEN they are checked
        ConfigCheck.Report bad = ConfigCheck.run(env(config));
        ConfigCheck.Report fine = ConfigCheck.run(env(good));

        // THEN the missing one is an error naming the key and the articles there are; an id in other case is fine
        assertThat(bad.exitCode()).isEqualTo(Main.CONFIG_ERROR);
        assertThat(bad.problems()).singleElement().asString()
                .contains("rituals.schedules[weekly].article", "001_missing", "000_a8e75d267bb866eb");
        assertThat(bad.text()).anyMatch(line -> line.contains("from article 001_missing"));
        assertThat(fine.problems()).isEmpty();
    }

    @Test
    void a_bad_top_level_time_zone_is_an_error_naming_the_key() {
        // GIVEN a config whose time zone does not exist
        Path config = write("timeZone: Asia/Atlantis\n");

        // WHEN it is checked
        ConfigCheck.Report report = ConfigCheck.run(env(config));

        // THEN the check fails naming timeZone, and still says which file it read
        assertThat(report.exitCode()).isEqualTo(Main.CONFIG_ERROR);
        assertThat(report.text()).contains("config file: " + config.toAbsolutePath());
        assertThat(report.problems()).singleElement().asString().contains("timeZone: \"Asia/Atlantis\"");
    }

    @Test
    void every_problem_in_the_config_file_is_listed_each_with_its_key_not_only_the_first() {
        // GIVEN a config with a bad time zone, an unknown key, a bad poll length, a value of the wrong shape, a bad
        // guild id and a schedule in a zone that does not exist
        Path config = write("""
                timeZone: Mars/Base
                unknownKey: 1
                polls:
                  maxHours: 0
                  doubleClickMillis: soon
                discord:
                  guilds: [not-a-guild]
                """ + WEEKLY_ON_BOTH.formatted("Mars/Olympus_Mons"));

        // WHEN it is checked
        ConfigCheck.Report report = ConfigCheck.run(env(config));

        // THEN each is an error of its own, naming its key, and none is listed twice
        assertThat(report.exitCode()).isEqualTo(Main.CONFIG_ERROR);
        assertThat(report.problems()).hasSize(6).doesNotHaveDuplicates().allSatisfy(p -> assertThat(p).startsWith(
                config.toString() + ": "));
        assertThat(String.join("\n", report.problems())).contains(
                "timeZone: \"Mars/Base\" is not an IANA time zone",
                "unknownKey: unknown key \"unknownKey\"",
                "polls.maxHours: 0 is not between 1 and",
                "polls.doubleClickMillis: has the wrong shape",
                "discord.guilds: \"not-a-guild\" is not a guild id",
                "rituals.schedules[weekly].zone: \"Mars/Olympus_Mons\" is not a time zone");
        assertThat(report.text()).last().isEqualTo("6 problems: fix before starting Taolun");
    }

    @Test
    void a_bound_between_two_keys_is_checked_once_each_key_alone_is_good() {
        // GIVEN a poll length longer than the longest allowed, beside an unknown key in the same section
        Path config = write("polls:\n  maxHours: 10\n  defaultHours: 20\n  colour: red\n");

        // WHEN it is checked
        ConfigCheck.Report report = ConfigCheck.run(env(config));

        // THEN both are listed
        assertThat(String.join("\n", report.problems())).contains("polls.colour: unknown key \"colour\"",
                "polls.defaultHours: 20 is not between 1 and maxHours (10)");
        assertThat(report.problems()).hasSize(2);
    }

    @Test
    void a_reminder_that_would_come_before_its_poll_opens_or_after_the_longest_poll_is_refused_in_one_line() {
        // GIVEN reminders 48 hours before the deadline for polls open more than 24 hours, and a negative one
        ConfigCheck.Report early = ConfigCheck.run(env(write("polls:\n  reminderHours: 48\n  reminderIfOpenHours: 24\n")));
        ConfigCheck.Report negative = ConfigCheck.run(env(write("polls:\n  reminderHours: -1\n")));

        // THEN each is one problem naming its key and the bound
        assertThat(early.problems()).singleElement().asString().contains(
                "polls.reminderIfOpenHours: 24 is not between reminderHours (48) and 8784 (a year)");
        assertThat(negative.problems()).singleElement().asString().contains(
                "polls.reminderHours: -1 is not between 0 (no reminders) and 8784 (a year)");
        // AND 0 turns reminders off, which is accepted
        assertThat(ConfigCheck.run(env(write("polls:\n  reminderHours: 0\n"))).problems()).isEmpty();
        // AND a config written before reminders, whose polls are all shorter than the default reminder, still starts
        assertThat(ConfigCheck.run(env(write("polls:\n  maxHours: 12\n  defaultHours: 10\n"))).problems()).isEmpty();
    }

    @Test
    void serve_still_stops_at_the_first_problem_in_the_config_file() {
        // GIVEN a config with two problems
        Map<String, String> env = env(write("timeZone: Mars/Base\nunknownKey: 1\n"));

        // WHEN taolun serve starts
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"serve"}, env, System.out, new PrintStream(err, true, UTF_8));

        // THEN it refuses with the config error code, naming a problem
        assertThat(code).isEqualTo(Main.CONFIG_ERROR);
        assertThat(err.toString(UTF_8)).containsAnyOf("timeZone", "unknownKey");
    }

    @Test
    void slack_over_http_without_a_signing_secret_is_an_error_naming_SLACK_SIGNING_SECRET() {
        // GIVEN a Slack bot token, no app token and no signing secret: requests over HTTP could not be verified
        Map<String, String> env = env(write(""), "SLACK_BOT_TOKEN", SLACK_TOKEN);

        // WHEN it is checked
        ConfigCheck.Report report = ConfigCheck.run(env);

        // THEN the check fails naming the signing secret
        assertThat(report.exitCode()).isEqualTo(Main.CONFIG_ERROR);
        assertThat(report.text()).contains("slack: over HTTP on port 3000 at /slack/events (SLACK_BOT_TOKEN set, "
                + "SLACK_SIGNING_SECRET not set)");
        assertThat(report.problems()).singleElement().asString().startsWith("SLACK_SIGNING_SECRET: not set");
    }

    @Test
    void slack_over_socket_mode_needs_no_signing_secret() {
        // GIVEN a Slack bot token and an app token, no signing secret
        Map<String, String> env = env(write(""), "SLACK_BOT_TOKEN", SLACK_TOKEN, "SLACK_APP_TOKEN", APP_TOKEN);

        // WHEN it is checked
        ConfigCheck.Report report = ConfigCheck.run(env);

        // THEN Socket Mode would start and nothing is wrong
        assertThat(report.exitCode()).isZero();
        assertThat(report.text()).contains("slack: Socket Mode (SLACK_BOT_TOKEN set, SLACK_APP_TOKEN set, "
                + "SLACK_SIGNING_SECRET not set, not needed)");
        assertThat(String.join("\n", report.text())).doesNotContain(SLACK_TOKEN, APP_TOKEN);
    }

    @Test
    void slack_installed_through_oauth_is_said_and_each_missing_secret_named_without_showing_any() {
        // GIVEN the OAuth variables, all usable
        Map<String, String> good = new java.util.HashMap<>(env(write(""), "SLACK_SIGNING_SECRET", "signing-secret"));
        good.putAll(SlackInstallTest.oauthEnv());
        ConfigCheck.Report report = ConfigCheck.run(good);
        // THEN the install, redirect and events paths are said, and no secret is shown
        assertThat(report.exitCode()).isZero();
        assertThat(String.join("\n", report.text())).contains("slack: installed in any workspace through OAuth, over "
                + "HTTP on port 3000 (install at /slack/install, Slack redirects to /slack/oauth_redirect, events at "
                + "/slack/events; SLACK_CLIENT_SECRET set, SLACK_STATE_SECRET set, TAOLUN_SECRET_KEY set)")
                .doesNotContain(good.get("SLACK_CLIENT_SECRET"), good.get("SLACK_STATE_SECRET"),
                        good.get("TAOLUN_SECRET_KEY"));

        // GIVEN a client id alongside a bot token, and no key or state secret
        ConfigCheck.Report bad = ConfigCheck.run(env(write(""), "SLACK_BOT_TOKEN", SLACK_TOKEN,
                "SLACK_SIGNING_SECRET", "signing-secret", "SLACK_CLIENT_ID", "123.456", "SLACK_CLIENT_SECRET", "cs"));
        // THEN each problem is named, and serving would refuse to start
        assertThat(bad.exitCode()).isEqualTo(Main.CONFIG_ERROR);
        assertThat(String.join("\n", bad.problems())).contains("SLACK_BOT_TOKEN, SLACK_CLIENT_ID: both set",
                "SLACK_STATE_SECRET: not set", "TAOLUN_SECRET_KEY: not set").doesNotContain(SLACK_TOKEN);

        // GIVEN one bot token, and a leftover OAuth secret: it is said to be ignored, and nothing is wrong
        ConfigCheck.Report single = ConfigCheck.run(env(write(""), "SLACK_BOT_TOKEN", SLACK_TOKEN,
                "SLACK_SIGNING_SECRET", "signing-secret", "TAOLUN_SECRET_KEY", "x"));
        assertThat(single.exitCode()).isZero();
        assertThat(single.text()).contains("warning: TAOLUN_SECRET_KEY: set, but SLACK_CLIENT_ID is not, so it is "
                + "ignored (Slack serves the one SLACK_BOT_TOKEN)");
    }

    @Test
    void the_bind_address_and_a_management_port_are_said() {
        // GIVEN Slack over HTTP bound to loopback, with health and metrics on a port of their own
        Map<String, String> env = env(write(""), "SLACK_BOT_TOKEN", SLACK_TOKEN, "SLACK_SIGNING_SECRET",
                SIGNING_SECRET, "TAOLUN_BIND", "127.0.0.1", "TAOLUN_MANAGEMENT_PORT", "9090");

        // WHEN it is checked
        ConfigCheck.Report report = ConfigCheck.run(env);

        // THEN both are said
        assertThat(report.exitCode()).isZero();
        assertThat(report.text()).contains("http: port 3000 of 127.0.0.1; /healthz, /readyz, /metrics on port 9090 only");
    }

    @Test
    void a_bad_port_database_url_and_log_format_are_listed_together() {
        // GIVEN three variables wrong at once
        Map<String, String> env = env(write(""), "TAOLUN_PORT", "70000", "TAOLUN_DB_URL", "mysql://db/taolun",
                "TAOLUN_LOG_FORMAT", "xml");

        // WHEN it is checked
        ConfigCheck.Report report = ConfigCheck.run(env);

        // THEN each is reported, naming its variable
        assertThat(report.exitCode()).isEqualTo(Main.CONFIG_ERROR);
        assertThat(report.problems()).containsExactly(
                "TAOLUN_PORT: \"70000\" is not a port number (0 to 65535)",
                "TAOLUN_DB_URL: \"mysql://db/taolun\" is not a jdbc:postgresql: or jdbc:h2: URL",
                "TAOLUN_LOG_FORMAT: \"xml\" is not text or json");
        assertThat(report.text()).contains("error: TAOLUN_LOG_FORMAT: \"xml\" is not text or json",
                "3 problems: fix before starting Taolun");
    }

    @Test
    void taolun_config_pointing_at_a_missing_file_is_reported_and_the_environment_still_checked() {
        // GIVEN TAOLUN_CONFIG naming a file that does not exist, and a bad port
        Path missing = dir.resolve("nowhere.yaml");
        Map<String, String> env = env(missing, "TAOLUN_PORT", "http");

        // WHEN it is checked
        ConfigCheck.Report report = ConfigCheck.run(env);

        // THEN both are reported
        assertThat(report.exitCode()).isEqualTo(Main.CONFIG_ERROR);
        assertThat(report.text()).contains("config file: none read");
        assertThat(report.problems()).containsExactly(
                "TAOLUN_CONFIG: \"" + missing + "\" is not a readable file",
                "TAOLUN_PORT: \"http\" is not a port number (0 to 65535)");
    }

    @Test
    void a_seeds_directory_that_does_not_exist_is_an_error() {
        // GIVEN a config whose seedsDir is missing
        Path config = dir.resolve("no-seeds.yaml");
        writeString(config, "seedsDir: " + dir.resolve("no-seeds") + "\n");

        // WHEN it is checked
        ConfigCheck.Report report = ConfigCheck.run(Map.of("TAOLUN_CONFIG", config.toString()));

        // THEN the check fails naming seedsDir
        assertThat(report.exitCode()).isEqualTo(Main.CONFIG_ERROR);
        assertThat(report.problems()).singleElement().asString().startsWith("seedsDir: ");
    }

    @Test
    void a_schedule_on_a_platform_with_no_adapter_is_a_warning_not_an_error() {
        // GIVEN a weekly poll on Slack and Discord, and only Slack configured
        Map<String, String> env = env(write(WEEKLY_ON_BOTH.formatted("UTC")), "SLACK_BOT_TOKEN", SLACK_TOKEN,
                "SLACK_SIGNING_SECRET", SIGNING_SECRET);

        // WHEN it is checked
        ConfigCheck.Report report = ConfigCheck.run(env);

        // THEN the Discord posts are said to wait in the outbox, and Taolun can still start
        assertThat(report.exitCode()).isZero();
        assertThat(report.text()).contains("discord: off (DISCORD_TOKEN not set)",
                "warning: rituals.schedules[weekly]: no discord adapter (DISCORD_TOKEN not set): its discord posts "
                        + "would wait in the outbox");
    }

    @Test
    void the_check_config_subcommand_prints_the_report_and_exits_with_its_code() {
        // GIVEN a good environment, and the same with a bad log format
        Map<String, String> good = env(write(""));
        Map<String, String> bad = env(write(""), "TAOLUN_LOG_FORMAT", "yaml");

        // WHEN taolun check-config runs with each
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int ok = Main.run(new String[] {"check-config"}, good, new PrintStream(out, true, UTF_8), System.err);
        int failed = Main.run(new String[] {"check-config"}, bad, new PrintStream(new ByteArrayOutputStream()),
                System.err);

        // THEN the report is printed and the exit code says whether Taolun could start
        assertThat(ok).isZero();
        assertThat(out.toString(UTF_8)).contains("console only:", "ok: Taolun can start");
        assertThat(failed).isEqualTo(Main.CONFIG_ERROR);
    }

    @Test
    void serve_refuses_slack_over_http_without_a_signing_secret() {
        // GIVEN a Slack bot token with neither a signing secret nor an app token
        Map<String, String> env = env(write(""), "SLACK_BOT_TOKEN", SLACK_TOKEN);

        // WHEN taolun serve starts
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"serve"}, env, System.out, new PrintStream(err, true, UTF_8));

        // THEN it stops before connecting anywhere, naming the missing variable
        assertThat(code).isEqualTo(Main.CONFIG_ERROR);
        assertThat(err.toString(UTF_8)).contains("cannot start: SLACK_SIGNING_SECRET: not set");
    }

    /** TAOLUN_CONFIG, the repository's seeds, a data directory in the test's folder, and {@code pairs}. */
    private Map<String, String> env(Path config, String... pairs) {
        Map<String, String> env = new HashMap<>();
        env.put("TAOLUN_CONFIG", config.toString());
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    /** A config file using the repository's seeds and a data directory here, followed by {@code yaml}. */
    private Path write(String yaml) {
        return writeString(dir.resolve("taolun.yaml"),
                "seedsDir: " + SEEDS + "\ndataDir: " + dir.resolve("data") + "\n" + yaml);
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file, UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path writeString(Path file, String text) {
        try {
            return Files.writeString(file, text, UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
