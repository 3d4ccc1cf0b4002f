package io.taolun.core.search;

import io.taolun.core.Reply;
import java.util.List;

/** Marks every occurrence of the query's words in a paragraph, and cuts long paragraphs down around the first hit. */
final class Highlighter {
    static final int CONTEXT = 60;

    private Highlighter() {
    }

    static String mark(String text, List<String> words) {
        boolean[] hit = new boolean[text.length()];
        for (String word : words) {
            for (int at = 0; !word.isEmpty() && at + word.length() <= text.length(); at++) {
                if (text.regionMatches(true, at, word, 0, word.length())) {
                    java.util.Arrays.fill(hit, at, at + word.length(), true);
                }
            }
        }
        int first = 0;
        while (first < hit.length && !hit[first]) {
            first++;
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
