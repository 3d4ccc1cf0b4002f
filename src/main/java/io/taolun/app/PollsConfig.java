package io.taolun.app;

import io.taolun.core.poll.PollPolicy;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code polls:} section of the config.
 *
 * @param openers           {@code everyone} or {@code admins}: who may open polls
 * @param admins            admin user ids per platform ({@code console}, {@code slack}, {@code discord})
 * @param defaultHours      how long a poll runs without {@code --hours}
 * @param maxHours          the longest {@code --hours} accepted
 * @param doubleClickMillis a repeat of the same option within this time is a double click, not a retraction
 * @param reminderHours     a poll's reminder is posted in its thread this many hours before its deadline; 0: never
 * @param reminderIfOpenHours only polls whose deadline is more than this many hours after they open get one
 */
record PollsConfig(String openers, Map<String, List<String>> admins, Integer defaultHours, Integer maxHours,
        Integer doubleClickMillis, Integer reminderHours, Integer reminderIfOpenHours) {
    private static final Set<String> PLATFORMS = Set.of("console", "slack", "discord");

    PollsConfig {
        openers = openers == null ? "everyone" : openers.toLowerCase(Locale.ROOT);
        admins = admins == null ? Map.of() : admins;
        defaultHours = defaultHours == null ? 168 : defaultHours;
        maxHours = maxHours == null ? 2160 : maxHours;
        doubleClickMillis = doubleClickMillis == null ? 1000 : doubleClickMillis;
        reminderHours = reminderHours == null ? 24 : reminderHours;
        reminderIfOpenHours = reminderIfOpenHours == null ? 48 : reminderIfOpenHours;
        if (!openers.equals("everyone") && !openers.equals("admins")) {
            throw new ConfigException("polls.openers: \"" + openers + "\" is not everyone or admins");
        }
        for (var entry : admins.entrySet()) {
            if (!PLATFORMS.contains(entry.getKey())) {
                throw new ConfigException("polls.admins." + entry.getKey() + ": unknown platform (known: "
                        + String.join(", ", PLATFORMS.stream().sorted().toList()) + ")");
            }
            if (entry.getValue() == null || entry.getValue().stream().anyMatch(u -> u == null || u.isBlank())) {
                throw new ConfigException("polls.admins." + entry.getKey() + ": must be a list of user ids");
            }
        }
        if (maxHours < 1 || maxHours > 24 * 366) {
            throw new ConfigException("polls.maxHours: " + maxHours + " is not between 1 and " + 24 * 366);
        }
        if (defaultHours < 1 || defaultHours > maxHours) {
            throw new ConfigException("polls.defaultHours: " + defaultHours + " is not between 1 and maxHours ("
                    + maxHours + ")");
        }
        if (doubleClickMillis < 0 || doubleClickMillis > 10_000) {
            throw new ConfigException("polls.doubleClickMillis: " + doubleClickMillis + " is not between 0 and 10000");
        }
        // bounded by a year, not by maxHours: a reminder longer than every poll is never posted, and a config
        // written before reminders (maxHours under 24) still starts
        if (reminderHours < 0 || reminderHours > 24 * 366) {
            throw new ConfigException("polls.reminderHours: " + reminderHours + " is not between 0 (no reminders) and "
                    + 24 * 366 + " (a year)");
        }
        if (reminderIfOpenHours < reminderHours || reminderIfOpenHours > 24 * 366) {
            throw new ConfigException("polls.reminderIfOpenHours: " + reminderIfOpenHours + " is not between "
                    + "reminderHours (" + reminderHours + ") and " + 24 * 366
                    + " (a year): a reminder comes after the poll opens");
        }
    }

    static PollsConfig defaults() {
        return new PollsConfig(null, null, null, null, null, null, null);
    }

    PollPolicy policy() {
        Map<String, Set<String>> byPlatform = new HashMap<>();
        admins.forEach((platform, users) -> byPlatform.put(platform, Set.copyOf(users)));
        return new PollPolicy(openers.equals("admins") ? PollPolicy.Openers.ADMINS : PollPolicy.Openers.EVERYONE,
                byPlatform, Duration.ofHours(defaultHours), Duration.ofHours(maxHours));
    }

    /**
     * Whether the console's user administers the console: with no {@code polls.admins.console} listed, the one
     * person at the terminal does; once some are listed, only they do, so the opener rule can be tried there.
     */
    boolean administersConsole(String user) {
        List<String> listed = admins.getOrDefault("console", List.of());
        return listed.isEmpty() || listed.contains(user);
    }

    /** When a poll's reminder is posted in its thread. */
    io.taolun.core.ritual.ReminderRule reminders() {
        return new io.taolun.core.ritual.ReminderRule(Duration.ofHours(reminderHours),
                Duration.ofHours(reminderIfOpenHours));
    }

    Duration doubleClick() {
        return Duration.ofMillis(doubleClickMillis);
    }
}
