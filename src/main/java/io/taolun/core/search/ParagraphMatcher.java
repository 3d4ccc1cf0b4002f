package io.taolun.core.search;

import io.taolun.core.article.Article;
import io.taolun.core.article.Line;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The simple matcher: a paragraph matches when it contains at least one of the query's words (case-insensitive
 * substring); paragraphs with more distinct words, then more occurrences, come first. What the Lucene index replaced;
 * kept as {@link ArticleIndex#substring} for the benchmark's baseline.
 */
final class ParagraphMatcher {
    private ParagraphMatcher() {
    }

    private record Candidate(Line line, int words, int occurrences) {
    }

    static List<SearchHit> search(Article article, List<String> words, int limit) {
        List<String> needles = words.stream().distinct().toList();
        List<Candidate> found = new ArrayList<>();
        for (Line line : article.contentLines()) {
            String hay = line.text();
            int matched = 0;
            int occurrences = 0;
            for (String needle : needles) {
                int count = count(hay, needle);
                if (count > 0) {
                    matched++;
                    occurrences += count;
                }
            }
            if (matched > 0) {
                found.add(new Candidate(line, matched, occurrences));
            }
        }
        found.sort(Comparator.comparingInt(Candidate::words).reversed()
                .thenComparing(Comparator.comparingInt(Candidate::occurrences).reversed())
                .thenComparingInt(c -> c.line().number()));
        return found.subList(0, Math.min(limit, found.size())).stream()
                .map(c -> new SearchHit(c.line().number(), c.words() + c.occurrences() / 1000.0,
                        Highlighter.occurrences(c.line().text(), needles)))
                .toList();
    }

    /** Occurrences of needle in hay, ignoring case, compared on the original text (no case-mapped copies). */
    private static int count(String hay, String needle) {
        int n = 0;
        for (int at = 0; !needle.isEmpty() && at + needle.length() <= hay.length(); at++) {
            if (hay.regionMatches(true, at, needle, 0, needle.length())) {
                n++;
                at += needle.length() - 1;
            }
        }
        return n;
    }
}
