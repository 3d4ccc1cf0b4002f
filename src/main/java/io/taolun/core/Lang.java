package io.taolun.core;

import java.util.Locale;
import java.util.Optional;

/** The two languages Taolun answers in. */
public enum Lang {
    ZH("zh"),
    EN("en");

    private final String code;

    Lang(String code) {
        this.code = code;
    }

    /** The language code used in config files, flags and resource bundles. */
    public String code() {
        return code;
    }

    /** Parses a code such as {@code zh}, {@code EN} or {@code zh-CN}; empty when it names no language we speak. */
    public static Optional<Lang> parse(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String c = code.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (Lang lang : values()) {
            if (c.equals(lang.code) || c.startsWith(lang.code + "-")) {
                return Optional.of(lang);
            }
        }
        return Optional.empty();
    }

    /**
     * The language for a platform locale tag: any Chinese locale ({@code zh}, {@code zh-CN}, {@code zh-TW}) is
     * Chinese, any other non-empty locale is English, and no locale at all falls back to the given default.
     */
    public static Lang fromLocale(String locale, Lang fallback) {
        if (locale == null || locale.isBlank()) {
            return fallback;
        }
        String l = locale.trim().toLowerCase(Locale.ROOT);
        return l.equals("zh") || l.startsWith("zh-") || l.startsWith("zh_") ? ZH : EN;
    }
}
