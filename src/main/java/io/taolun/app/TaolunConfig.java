package io.taolun.app;

import io.taolun.core.Lang;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The settings in {@code config/taolun.yaml}. Each value is checked here, so a bad one stops start-up with its key
 * named. Secrets never live here: they come from the environment.
 *
 * @param language default answer language, {@code zh} or {@code en}
 * @param timeZone IANA zone whose calendar day decides {@code quote today}
 * @param dataDir  where Taolun keeps its files (console history; the database in later versions)
 * @param seedsDir where the articles are, all of them; empty: the copy inside the jar with the articles of
 *                 {@code ./seeds} (if present) added, an id in both taken from {@code ./seeds}
 * @param polls    who may open polls, and how long they run
 * @param discord  where to register Discord commands
 * @param channels channels whose answers are in a set language
 * @param rituals  the grace period of missed slots, and schedules declared in the file
 */
record TaolunConfig(String language, String timeZone, String dataDir, String seedsDir, PollsConfig polls,
        DiscordConfig discord, List<ChannelConfig> channels, RitualsConfig rituals) {
    TaolunConfig {
        rituals = rituals == null ? RitualsConfig.defaults() : rituals;
        channels = channels == null ? List.of() : List.copyOf(channels);
        polls = polls == null ? PollsConfig.defaults() : polls;
        discord = discord == null ? DiscordConfig.defaults() : discord;
        language = language == null ? "zh" : language;
        timeZone = timeZone == null ? "Asia/Shanghai" : timeZone;
        dataDir = dataDir == null ? "data" : dataDir;
        if (Lang.parse(language).isEmpty()) {
            throw new ConfigException("language: \"" + language + "\" is not zh or en");
        }
        try {
            ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw new ConfigException("timeZone: \"" + timeZone + "\" is not an IANA time zone such as Asia/Shanghai");
        }
        checkPath(dataDir, "dataDir");
        if (seedsDir != null) {
            checkPath(seedsDir, "seedsDir");
        }
    }

    static TaolunConfig defaults() {
        return new TaolunConfig(null, null, null, null, null, null, null, null);
    }

    /** The channel languages, keyed {@code platform:channel}. */
    Map<String, Lang> channelLanguages() {
        Map<String, Lang> out = new HashMap<>();
        for (ChannelConfig c : channels) {
            if (out.put(c.key(), c.lang()) != null) {
                throw new ConfigException("channels: " + c.key() + " is listed twice");
            }
        }
        return out;
    }

    Lang lang() {
        return Lang.parse(language).orElseThrow();
    }

    ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    Path dataPath() {
        return Path.of(dataDir);
    }

    Optional<Path> seedsPath() {
        return Optional.ofNullable(seedsDir).map(Path::of);
    }

    private static void checkPath(String value, String key) {
        if (value.isBlank()) {
            throw new ConfigException(key + ": must not be empty");
        }
        try {
            Path.of(value);
        } catch (InvalidPathException e) {
            throw new ConfigException(key + ": \"" + value + "\" is not a usable path");
        }
    }
}
