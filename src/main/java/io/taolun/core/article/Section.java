package io.taolun.core.article;

import io.taolun.core.Messages;
import java.util.Objects;
import java.util.Optional;

/**
 * A run of lines of an article.
 *
 * @param id        {@code s1}, {@code s2}, ...
 * @param number    1-based position, as users type it
 * @param firstLine first line, 1-based, inclusive
 * @param lastLine  last line, inclusive
 * @param summary   the curated summary; empty for an uncurated article
 */
public record Section(String id, int number, Localized title, int firstLine, int lastLine, Optional<Localized> summary) {
    public Section {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(summary, "summary");
        if (number < 1 || firstLine < 1 || lastLine < firstLine) {
            throw new IllegalArgumentException("bad section " + id + ": " + firstLine + ".." + lastLine);
        }
    }

    /** How replies name the section, e.g. {@code §3 AI时代的两大变化}. */
    public String label(Messages m) {
        return m.get("section.name", number, title.in(m.lang()));
    }

    public boolean contains(int line) {
        return line >= firstLine && line <= lastLine;
    }
}
