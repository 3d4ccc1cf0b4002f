package io.taolun.core.article;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds an article from bare text: paragraphs grouped into sections ({@link Sectioning}), its disclaimer marked
 * ({@link Disclaimers}), nothing curated.
 */
final class UncuratedArticles {
    static final int LINES_PER_SECTION = 4;
    /** A section is named by the start of its first line; the article by the start of its own. */
    private static final int TITLE_CHARS = 16;
    private static final int HEADING_CHARS = 40;

    private UncuratedArticles() {
    }

    static Article of(String id, List<String> lines, Segmenter segmenter) {
        return of(id, lines, Sectioning.starts(Disclaimers.blanked(lines, Disclaimers.find(lines)), segmenter));
    }

    /** The baseline sections are measured against: every {@value #LINES_PER_SECTION} non-blank lines. */
    static List<Integer> everyFewLines(List<String> lines) {
        List<Integer> starts = new ArrayList<>();
        int inSection = 0;
        for (int n = 1; n <= lines.size(); n++) {
            if (lines.get(n - 1).isBlank()) {
                continue;
            }
            if (inSection == 0) {
                starts.add(n);
            }
            inSection = (inSection + 1) % LINES_PER_SECTION;
        }
        return starts;
    }

    /** An article whose sections start at these lines (the first section always starts at line 1). */
    static Article of(String id, List<String> lines, List<Integer> sectionStarts) {
        List<Integer> starts = new ArrayList<>(sectionStarts);
        if (starts.isEmpty()) {
            throw new IllegalArgumentException("no text");
        }
        starts.set(0, 1);
        List<Section> sections = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            int first = starts.get(i);
            int last = i + 1 < starts.size() ? starts.get(i + 1) - 1 : lines.size();
            String opening = firstNonBlank(lines, first, TITLE_CHARS);
            Localized title = Localized.both(opening);
            sections.add(new Section("s" + (i + 1), i + 1, title, first, last, Optional.empty()));
        }
        String heading = firstNonBlank(lines, 1, HEADING_CHARS);
        ArticleMeta meta = new ArticleMeta(Localized.both(heading), Localized.both(id + ".txt"), Optional.empty(), "zh");
        return new Article(id, meta, lines, sections, List.of(), List.of(), Optional.empty(), Optional.empty(),
                Disclaimers.find(lines), false, java.util.Map.of());
    }

    private static String firstNonBlank(List<String> lines, int from, int max) {
        for (int n = from; n <= lines.size(); n++) {
            String line = lines.get(n - 1).strip();
            if (!line.isEmpty()) {
                return line.codePointCount(0, line.length()) > max
                        ? line.substring(0, line.offsetByCodePoints(0, max)) + "…"
                        : line;
            }
        }
        return "";
    }
}
