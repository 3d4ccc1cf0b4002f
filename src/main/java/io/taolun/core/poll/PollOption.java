package io.taolun.core.poll;

import io.taolun.core.Lang;
import java.util.Objects;

/** One choice of a poll, labelled in both languages (custom options carry the same label twice). */
public record PollOption(int number, String zh, String en) {
    /** Longest label, in characters (Slack's button text limit, below Discord's 80). */
    public static final int MAX_LABEL = 75;

    public PollOption {
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
