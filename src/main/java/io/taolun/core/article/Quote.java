package io.taolun.core.article;

import java.util.Objects;

/**
 * A memorable line of the article.
 *
 * @param number 1-based position, as users type it
 * @param text   a verbatim span of the article
 * @param gloss  its English gloss
 */
public record Quote(String id, int number, Section section, String text, String gloss) {
    public Quote {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(gloss, "gloss");
        if (number < 1) {
            throw new IllegalArgumentException("quote numbers start at 1");
        }
    }
}
