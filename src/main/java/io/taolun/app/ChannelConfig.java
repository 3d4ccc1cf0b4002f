package io.taolun.app;

import io.taolun.core.Lang;
import java.util.Set;

/**
 * One entry of the config's {@code channels:} list: a channel whose answers are in a set language, whatever the
 * users' locales.
 *
 * @param platform {@code slack}, {@code discord} or {@code console}
 * @param channel  the platform's channel id
 * @param language {@code zh} or {@code en}
 */
record ChannelConfig(String platform, String channel, String language) {
    private static final Set<String> PLATFORMS = Set.of("console", "slack", "discord");

    ChannelConfig {
        if (platform == null || !PLATFORMS.contains(platform)) {
            throw new ConfigException("channels[].platform: \"" + platform + "\" is not console, slack or discord");
        }
        if (channel == null || channel.isBlank()) {
            throw new ConfigException("channels[].channel: missing");
        }
        if (Lang.parse(language).isEmpty()) {
            throw new ConfigException("channels[].language: \"" + language + "\" is not zh or en");
        }
    }

    String key() {
        return platform + ":" + channel;
    }

    Lang lang() {
        return Lang.parse(language).orElseThrow();
    }
}
