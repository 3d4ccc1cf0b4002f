package io.taolun.core.article;

import io.taolun.core.Lang;
import java.util.Objects;

/** A text in Chinese and English. */
public record Localized(String zh, String en) {
    public Localized {
        Objects.requireNonNull(zh, "zh");
        Objects.requireNonNull(en, "en");
    }

    /** The same text in both languages. */
    public static Localized both(String text) {
        return new Localized(text, text);
    }

    public String in(Lang lang) {
        return lang == Lang.ZH ? zh : en;
    }
}
