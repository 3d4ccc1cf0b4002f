package io.taolun.core.article;

/** One line of an article's text, with its 1-based number. */
public record Line(int number, String text) {
}
