package io.taolun.core.article;

import java.util.Objects;

/** The question an article ends on (你觉得呢?), which {@code discuss} puts to the channel. */
public record Closing(int line, String text, String gloss) {
    public Closing {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(gloss, "gloss");
        if (line < 1) {
            throw new IllegalArgumentException("line numbers start at 1");
        }
    }
}
