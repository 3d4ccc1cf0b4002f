package io.taolun.console;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jline.utils.WCWidth;

/**
 * Wraps text to a terminal width, counting East Asian wide characters as two columns. Where a line may break comes
 * from the JDK's line {@link BreakIterator} (Unicode line breaking: closing punctuation such as ，。”） stays with the
 * text before it, opening punctuation such as “（《 with the text after it, CJK text breaks between characters, Latin
 * at spaces); on top of that, a placeholder ({@code <选项编号>}, {@code ‹选项编号›}), a URL and a {@code #12} are never
 * split. Only a piece wider than a whole line is cut, and then by columns.
 */
final class TextWrap {
    /**
     * Spans that must stay on one line. The JDK's rules (like UAX #14 itself) allow breaks inside a placeholder in
     * angle brackets and after the slashes of a URL.
     */
    private static final Pattern UNBREAKABLE = Pattern.compile(
            "<[^<>\\s]{1,40}>|‹[^‹›\\s]{1,40}›|〈[^〈〉\\s]{1,40}〉|https?://\\S+|#\\d+");

    private TextWrap() {
    }

    /** Display width of a string in terminal columns. */
    static int width(String s) {
        return s.codePoints().map(TextWrap::width).sum();
    }

    static int width(int codePoint) {
        return Math.max(0, WCWidth.wcwidth(codePoint));
    }

    /** Wraps each line of {@code text} to {@code columns}, prefixing every output line with {@code indent}. */
    static List<String> wrap(String text, int columns, String indent) {
        List<String> out = new ArrayList<>();
        int room = Math.max(10, columns - width(indent));
        for (String paragraph : text.split("\n", -1)) {
            for (String line : wrapLine(paragraph, room)) {
                out.add(line.isEmpty() ? "" : indent + line);
            }
        }
        return out;
    }

    private static List<String> wrapLine(String paragraph, int room) {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String piece : pieces(paragraph)) {
            String candidate = current + piece;
            if (width(candidate.stripTrailing()) <= room) {
                current.append(piece);
                continue;
            }
            if (!current.toString().isBlank()) {
                lines.add(current.toString().stripTrailing());
            }
            current.setLength(0);
            String rest = piece.stripLeading();
            while (width(rest.stripTrailing()) > room) {
                int cut = cutAt(rest, room);
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            current.append(rest);
        }
        lines.add(current.toString().stripTrailing());
        return lines;
    }

    /** Pieces between allowed line breaks, each with its trailing spaces; no piece breaks an unbreakable span. */
    private static List<String> pieces(String paragraph) {
        boolean[] kept = new boolean[paragraph.length() + 1];
        Matcher m = UNBREAKABLE.matcher(paragraph);
        while (m.find()) {
            for (int i = m.start() + 1; i < m.end(); i++) {
                kept[i] = true;
            }
        }
        BreakIterator breaks = BreakIterator.getLineInstance(Locale.CHINESE);
        breaks.setText(paragraph);
        List<String> pieces = new ArrayList<>();
        int start = 0;
        for (int end = breaks.next(); end != BreakIterator.DONE; end = breaks.next()) {
            if (end < paragraph.length() && kept[end]) {
                continue;
            }
            pieces.add(paragraph.substring(start, end));
            start = end;
        }
        return pieces;
    }

    /** Where to cut a piece too wide for any line: as many whole code points as fit, at least one. */
    private static int cutAt(String s, int room) {
        int col = 0;
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            if (col + width(cp) > room && i > 0) {
                break;
            }
            col += width(cp);
            i += Character.charCount(cp);
        }
        return i;
    }
}
