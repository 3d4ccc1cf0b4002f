package io.taolun.core.article;

import java.util.Objects;

/**
 * A memorable line of the article.
 *
 * @param number 1-based position, as users type it
 * @param text   a verbatim span of the article
 * @param gloss  its English gloss; empty when there is none (automatic quotes)
 * @param daily  whether it stands alone well enough to be a quote of the day
 */
public record Quote(String id, int number, Section section, String text, String gloss, boolean daily) {
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
