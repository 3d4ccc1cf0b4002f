package io.taolun.core.poll;

import io.taolun.core.Lang;
import java.util.Objects;
import java.util.Optional;

/**
 * One choice of a poll, labelled in both languages (custom options carry the same label twice).
 *
 * @param addedBy the voter who added it to a poll open to voters' options; empty for the opener's own
 */
public record PollOption(int number, String zh, String en, Optional<String> addedBy) {
    /** Longest label, in characters (Slack's button text limit, below Discord's 80). */
    public static final int MAX_LABEL = 75;

    /** An option of the poll's opener. */
    public PollOption(int number, String zh, String en) {
        this(number, zh, en, Optional.empty());
    }

    public PollOption {
        Objects.requireNonNull(addedBy, "addedBy");
        Objects.requireNonNull(zh, "zh");
        Objects.requireNonNull(en, "en");
        if (number < 1 || zh.isBlank() || en.isBlank() || zh.length() > MAX_LABEL || en.length() > MAX_LABEL) {
            throw new IllegalArgumentException("bad option " + number);
        }
    }

    public String label(Lang lang) {
        return lang == Lang.ZH ? zh : en;
    }
}
