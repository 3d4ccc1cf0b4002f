package io.taolun.core.article;

import java.util.ArrayList;
import java.util.List;

/**
 * A whole sentence of an article: a verbatim span of one line, ended by 。！？!? (with any closing quotes or brackets
 * after it) or by the end of the line. Commas never end one.
 *
 * @param line    the article line, 1-based
 * @param start   the offset of the span in the line
 * @param text    the span, without surrounding white space
 * @param section the section holding the line
 */
record Sentence(int line, int start, String text, Section section) {
    private static final String ENDS = "。！？!?";
    private static final String CLOSERS = "”’」』）)》\"'";

    /** The sentences of every content line of the article, in order. */
    static List<Sentence> of(Article article) {
        List<Sentence> out = new ArrayList<>();
        for (Section section : article.sections()) {
            for (Line line : article.contentLines(section)) {
                out.addAll(split(line.number(), line.text(), section));
            }
        }
        return out;
    }

    static List<Sentence> split(int line, String text, Section section) {
        List<Sentence> out = new ArrayList<>();
        int from = 0;
        int i = 0;
        while (i < text.length()) {
            if (ENDS.indexOf(text.charAt(i)) < 0) {
                i++;
                continue;
            }
            while (i < text.length() && (ENDS.indexOf(text.charAt(i)) >= 0 || CLOSERS.indexOf(text.charAt(i)) >= 0)) {
                i++;
            }
            add(out, line, text, from, i, section);
            from = i;
        }
        add(out, line, text, from, text.length(), section);
        return out;
    }

    private static void add(List<Sentence> out, int line, String text, int from, int to, Section section) {
        String span = text.substring(from, to);
        String stripped = span.strip();
        if (!stripped.isEmpty()) {
            out.add(new Sentence(line, from + span.indexOf(stripped), stripped, section));
        }
    }

    /** Length in characters (code points), as a reader counts them. */
    int length() {
        return text.codePointCount(0, text.length());
    }

    /** True when the sentence ends the way a sentence does, not cut off at the end of a line. */
    boolean complete() {
        return ENDS.indexOf(text.charAt(text.length() - 1)) >= 0
                || text.length() > 1 && ENDS.indexOf(text.charAt(text.length() - 2)) >= 0;
    }
}
