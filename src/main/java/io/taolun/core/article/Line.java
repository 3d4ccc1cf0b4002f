package io.taolun.core.article;

/** One line of an article's text, with its 1-based number. */
public record Line(int number, String text) {
    public Line {
        java.util.Objects.requireNonNull(text, "text");
        if (number < 1) {
            throw new IllegalArgumentException("line numbers start at 1");
        }
    }
}
