package io.taolun.core.article;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * What an article is: its title, where it comes from, the date it refers to and the language it is written in.
 */
public record ArticleMeta(Localized title, Localized source, Optional<LocalDate> date, String language) {
    public ArticleMeta {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(language, "language");
    }
}
