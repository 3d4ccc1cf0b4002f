package io.taolun.core.search;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One paragraph found by an {@link ArticleIndex}.
 *
 * @param line  the paragraph's 1-based line number in the article
 * @param score the index's relevance score; only the order of hits means anything
 * @param marks where the query matched in the line's text, as character ranges; the command marks them
 * @param translationMarks where the query matched in the line's English translation, if the article has one
 */
public record SearchHit(int line, double score, List<Span> marks, List<Span> translationMarks) {
    public SearchHit {
        Objects.requireNonNull(marks, "marks");
        marks = List.copyOf(marks);
        translationMarks = List.copyOf(translationMarks);
        if (line < 1) {
            throw new IllegalArgumentException("line numbers start at 1");
        }
    }

    /** A hit in the line's text alone. */
    public SearchHit(int line, double score, List<Span> marks) {
        this(line, score, marks, List.of());
    }

    /** Characters {@code start} (inclusive) to {@code end} (exclusive) of a line. */
    public record Span(int start, int end) {
        public Span {
            if (start < 0 || end < start) {
                throw new IllegalArgumentException("bad span " + start + ".." + end);
            }
        }
    }

    /** A query's words as a user typed them: split on white space, blanks dropped. */
    static List<String> words(String query) {
        return Arrays.stream(query.strip().split("\\s+")).filter(w -> !w.isBlank()).toList();
    }
}
