package io.taolun.core.ritual;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a ritual posts. */
public enum RitualKind {
    QOTD("qotd"),
    WEEKLY_POLL("weekly-poll");

    private final String word;

    RitualKind(String word) {
        this.word = word;
    }

    /** The word users type and the database stores. */
    public String word() {
        return word;
    }

    public static Optional<RitualKind> parse(String text) {
        String w = text.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.word.equals(w)).findFirst();
    }
}
