package io.taolun.core.search;

import io.taolun.core.Reply;
import java.util.ArrayList;
import java.util.List;

/** Marks the matched ranges of a paragraph, and cuts long paragraphs down around the first of them. */
final class Highlighter {
    static final int CONTEXT = 60;

    private Highlighter() {
    }

    /** Every case-insensitive occurrence of the words in the text, compared on the original text. */
    static List<SearchHit.Span> occurrences(String text, List<String> words) {
        List<SearchHit.Span> spans = new ArrayList<>();
        for (String word : words) {
            for (int at = 0; !word.isEmpty() && at + word.length() <= text.length(); at++) {
                if (text.regionMatches(true, at, word, 0, word.length())) {
                    spans.add(new SearchHit.Span(at, at + word.length()));
                }
            }
        }
        return spans;
    }

    /**
     * The marks, plus each occurrence of a typed word that overlaps one of them: a typed word widens a mark
     * ({@code GPT-4} over the analyzer's {@code gpt} and {@code 4}) but never makes one of its own.
     */
    static List<SearchHit.Span> widen(String text, List<SearchHit.Span> marks, List<String> words) {
        List<SearchHit.Span> out = new ArrayList<>(marks);
        for (SearchHit.Span typed : occurrences(text, words)) {
            if (marks.stream().anyMatch(m -> m.start() < typed.end() && typed.start() < m.end())) {
                out.add(typed);
            }
        }
        return out;
    }

    /** The text with touching or overlapping spans marked as one, cut to the context around the first mark. */
    static String mark(String text, List<SearchHit.Span> spans) {
        boolean[] hit = new boolean[text.length()];
        for (SearchHit.Span span : spans) {
            // an index may report offsets of a text it saw differently; never trust them past the end
            int from = Math.min(span.start(), text.length());
            int to = Math.min(span.end(), text.length());
            java.util.Arrays.fill(hit, from, to, true);
        }
        int first = 0;
        while (first < hit.length && !hit[first]) {
            first++;
        }
        if (first == hit.length) {
            first = 0;
        }
        int from = Math.max(0, first - CONTEXT);
        int to = Math.min(text.length(), first + 2 * CONTEXT);
        StringBuilder sb = new StringBuilder(from > 0 ? "…" : "");
        for (int i = from; i < to; i++) {
            boolean starts = hit[i] && (i == from || !hit[i - 1]);
            boolean ends = hit[i] && (i + 1 == to || !hit[i + 1]);
            if (starts) {
                sb.append(Reply.MARK_OPEN);
            }
            sb.append(text.charAt(i));
            if (ends) {
                sb.append(Reply.MARK_CLOSE);
            }
        }
        return sb.append(to < text.length() ? "…" : "").toString();
    }
}
