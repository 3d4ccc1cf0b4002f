package io.taolun.core.search;

import io.taolun.core.article.Article;
import io.taolun.core.article.Line;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A simple matcher: a paragraph matches when it contains at least one of the query's words (case-insensitive
 * substring); paragraphs with more distinct words, then more occurrences, come first. Ranking proper comes later.
 */
final class ParagraphMatcher {
    private ParagraphMatcher() {
    }

    record Hit(Line line, int words, int occurrences) {
    }

    static List<Hit> search(Article article, List<String> words, int limit) {
        List<String> needles = words.stream().distinct().toList();
        List<Hit> hits = new ArrayList<>();
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
                hits.add(new Hit(line, matched, occurrences));
            }
        }
        hits.sort(Comparator.comparingInt(Hit::words).reversed()
                .thenComparing(Comparator.comparingInt(Hit::occurrences).reversed())
                .thenComparingInt(h -> h.line().number()));
        return hits.subList(0, Math.min(limit, hits.size()));
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
