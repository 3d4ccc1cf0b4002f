package io.taolun.app;

import io.taolun.core.article.Article;
import io.taolun.core.article.Library;
import java.util.stream.Collectors;

import io.taolun.core.BadInputException;
import io.taolun.core.ChannelRef;
import io.taolun.core.Lang;
import io.taolun.core.Messages;
import io.taolun.core.ritual.Pick;
import io.taolun.core.ritual.Ritual;
import io.taolun.core.ritual.RitualKind;
import io.taolun.core.ritual.ScheduleWords;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code rituals:} section of the config: how late a missed slot may still be posted, and the schedules the
 * file declares (managed here, not by {@code /article schedule off}).
 *
 * @param graceHours a slot missed by more than this many hours (the bot was down) is skipped, not posted late
 * @param schedules  the declared schedules, each with a unique name
 */
record RitualsConfig(Integer graceHours, List<ScheduleConfig> schedules) {
    RitualsConfig {
        graceHours = graceHours == null ? 6 : graceHours;
        schedules = schedules == null ? List.of() : List.copyOf(schedules);
        if (graceHours < 0 || graceHours > 72) {
            throw new ConfigException("rituals.graceHours: " + graceHours + " is not between 0 and 72");
        }
        Set<String> names = new HashSet<>();
        Set<TargetConfig> quoted = new HashSet<>();
        for (ScheduleConfig s : schedules) {
            if (s == null) {
                throw new ConfigException("rituals.schedules[]: an entry is empty");
            }
            if (!names.add(s.name())) {
                throw new ConfigException("rituals.schedules[].name: \"" + s.name() + "\" is used twice");
            }
            if (s.kind().equals("qotd")) {
                for (TargetConfig t : s.channels()) {
                    if (!quoted.add(t)) {
                        throw new ConfigException("rituals.schedules[" + s.name() + "].channels: " + t.platform() + " "
                                + t.channel() + " has a quote of the day already (one per channel)");
                    }
                }
            }
        }
    }

    static RitualsConfig defaults() {
        return new RitualsConfig(null, null);
    }

    Duration grace() {
        return Duration.ofHours(graceHours);
    }

    /** One declared schedule. */
    record ScheduleConfig(String name, String kind, String day, String time, String zone, String closeAfter,
            List<TargetConfig> channels, String article, Integer rounds, String roundTwoAfter, String pick) {
        /** One of one round. */
        ScheduleConfig(String name, String kind, String day, String time, String zone, String closeAfter,
                List<TargetConfig> channels, String article) {
            this(name, kind, day, time, zone, closeAfter, channels, article, null, null, null);
        }

        /** One picking its claims the default way. */
        ScheduleConfig(String name, String kind, String day, String time, String zone, String closeAfter,
                List<TargetConfig> channels, String article, Integer rounds, String roundTwoAfter) {
            this(name, kind, day, time, zone, closeAfter, channels, article, rounds, roundTwoAfter, null);
        }

        /** One that posts from the default article. */
        ScheduleConfig(String name, String kind, String day, String time, String zone, String closeAfter,
                List<TargetConfig> channels) {
            this(name, kind, day, time, zone, closeAfter, channels, null);
        }

        ScheduleConfig {
            String at = "rituals.schedules[" + name + "]";
            if (name == null || !name.matches("[A-Za-z0-9_-]{1,60}")) {
                throw new ConfigException("rituals.schedules[].name: \"" + name
                        + "\" must be 1 to 60 letters, digits, - or _");
            }
            RitualKind parsed = RitualKind.parse(String.valueOf(kind)).orElseThrow(() -> new ConfigException(
                    at + ".kind: \"" + kind + "\" is not qotd or weekly-poll"));
            if (parsed == RitualKind.WEEKLY_POLL && day == null) {
                throw new ConfigException(at + ".day: a weekly poll needs a day (mon..sun)");
            }
            if (parsed == RitualKind.QOTD && (day != null || closeAfter != null)) {
                throw new ConfigException(at + ": the quote of the day takes no day and no closeAfter");
            }
            if (channels == null || channels.isEmpty()) {
                throw new ConfigException(at + ".channels: list one or more channels");
            }
            channels = List.copyOf(channels);
            if (Set.copyOf(channels).size() != channels.size()) {
                throw new ConfigException(at + ".channels: a channel is listed twice");
            }
            word(at + ".time", () -> ScheduleWords.time(String.valueOf(time)));
            word(at + ".zone", () -> ScheduleWords.zone(String.valueOf(zone)));
            if (day != null) {
                word(at + ".day", () -> ScheduleWords.day(day));
            }
            if (closeAfter != null) {
                word(at + ".closeAfter", () -> ScheduleWords.closeAfter(closeAfter));
            }
            if (rounds != null && rounds != 1 && rounds != 2) {
                throw new ConfigException(at + ".rounds: " + rounds + " is not 1 or 2");
            }
            if (parsed == RitualKind.QOTD && (rounds != null || roundTwoAfter != null)) {
                throw new ConfigException(at + ": the quote of the day has no rounds");
            }
            if (roundTwoAfter != null && !Objects.equals(rounds, 2)) {
                throw new ConfigException(at + ".roundTwoAfter: set rounds: 2 for a poll of two rounds");
            }
            if (pick != null && (parsed == RitualKind.QOTD || Pick.parse(pick).isEmpty())) {
                throw new ConfigException(at + ".pick: \"" + pick + "\" is not order, undiscussed, divisive or mixed"
                        + (parsed == RitualKind.QOTD ? " (and the quote of the day picks no claim)" : ""));
            }
            if (roundTwoAfter != null) {
                word(at + ".roundTwoAfter", () -> ScheduleWords.span(roundTwoAfter));
            }
            if (Objects.equals(rounds, 2)) {
                Duration open = closeAfter == null ? Ritual.DEFAULT_CLOSE_AFTER : ScheduleWords.closeAfter(closeAfter);
                Duration after = roundTwoAfter == null ? Ritual.defaultRoundTwoAfter(open)
                        : ScheduleWords.span(roundTwoAfter);
                if (!Ritual.roundTwoFits(after, open)) {
                    throw new ConfigException(at + (roundTwoAfter == null ? ".rounds" : ".roundTwoAfter")
                            + ": round 2 opens at least 1 hour after the poll opens and at least 1 hour before it "
                            + "closes (closeAfter " + open.toHours() + "h)");
                }
            }
        }

        /**
         * The article it posts from: the one named by {@code article}, else the library's default.
         *
         * @throws ConfigException when the named article is not in the library
         */
        String articleIn(Library library) {
            Article fallback = library.defaultArticle().orElseThrow(() -> new ConfigException("seeds: no article"));
            if (article == null) {
                return fallback.id();
            }
            return library.find(article).map(Article::id).orElseThrow(() -> new ConfigException(
                    "rituals.schedules[" + name + "].article: \"" + article + "\" is not in the library ("
                            + library.articles().stream().map(Article::id).collect(Collectors.joining(", ")) + ")"));
        }

        Ritual.Spec spec(String articleId) {
            RitualKind k = RitualKind.parse(kind).orElseThrow();
            Optional<DayOfWeek> d = Optional.ofNullable(day).map(ScheduleWords::day);
            LocalTime t = ScheduleWords.time(time);
            ZoneId z = ScheduleWords.zone(zone);
            Duration close = k == RitualKind.QOTD ? Duration.ZERO
                    : closeAfter == null ? Ritual.DEFAULT_CLOSE_AFTER : ScheduleWords.closeAfter(closeAfter);
            Optional<Duration> roundTwo = Objects.equals(rounds, 2) ? Optional.of(roundTwoAfter == null
                    ? Ritual.defaultRoundTwoAfter(close) : ScheduleWords.span(roundTwoAfter)) : Optional.empty();
            return new Ritual.Spec(k, articleId, d, t, z, close,
                    channels.stream().map(TargetConfig::ref).toList(), Optional.of(name), "config", roundTwo,
                    pick == null ? Pick.MIXED : Pick.parse(pick).orElseThrow());
        }

        private static void word(String key, Runnable parse) {
            try {
                parse.run();
            } catch (BadInputException e) {
                throw new ConfigException(key + ": " + Messages.of(Lang.EN).get(e.key(), e.args()));
            }
        }
    }

    /** A channel a declared schedule posts to. */
    record TargetConfig(String platform, String workspace, String channel) {
        private static final Set<String> PLATFORMS = Set.of("console", "slack", "discord");

        TargetConfig {
            if (platform == null || !PLATFORMS.contains(platform)) {
                throw new ConfigException("rituals.schedules[].channels[].platform: \"" + platform
                        + "\" is not console, slack or discord");
            }
            if (workspace == null || workspace.isBlank() || channel == null || channel.isBlank()) {
                throw new ConfigException("rituals.schedules[].channels[]: give workspace (Slack team id, Discord "
                        + "guild id, or local for the console) and channel");
            }
        }

        ChannelRef ref() {
            return new ChannelRef(platform, workspace, channel);
        }
    }
}
