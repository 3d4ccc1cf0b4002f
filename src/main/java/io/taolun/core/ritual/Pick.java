package io.taolun.core.ritual;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How a weekly poll picks its claim. Never a fact, and never the claim of the ritual's poll before (unless the
 * article has one debatable claim).
 */
public enum Pick {
    /** The article's order, going round: the claim after the one polled last. */
    ORDER("order"),
    /** The claims never polled in the channel first, in the article's order; then the least polled. */
    UNDISCUSSED("undiscussed"),
    /** The claim the channel is most divided on (50 or more), again, as a poll of two rounds; else undiscussed. */
    DIVISIVE("divisive"),
    /** Undiscussed, and every third week the most divisive claim again, as a poll of two rounds (the default). */
    MIXED("mixed");

    private final String word;

    Pick(String word) {
        this.word = word;
    }

    /** The word users type and the database stores. */
    public String word() {
        return word;
    }

    public static Optional<Pick> parse(String text) {
        String w = text.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(p -> p.word.equals(w)).findFirst();
    }
}
