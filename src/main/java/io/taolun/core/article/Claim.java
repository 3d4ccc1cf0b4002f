package io.taolun.core.article;

import java.util.Objects;

/**
 * A statement of the article that people can agree or disagree with; what polls are about.
 *
 * @param text  a verbatim span of the article
 * @param line  the article line the span is on
 * @param gloss its English gloss
 */
public record Claim(String id, Section section, ClaimKind kind, String text, int line, String gloss) {
    public Claim {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(gloss, "gloss");
        if (!section.contains(line)) {
            throw new IllegalArgumentException("claim " + id + " is not in section " + section.id());
        }
    }
}
