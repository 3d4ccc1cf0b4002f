package io.taolun.console;

import java.util.ArrayList;
import java.util.List;
import org.jline.utils.WCWidth;

/**
 * Wraps text to a terminal width, counting East Asian wide characters as two columns. Latin words break at spaces,
 * CJK text between any two characters, and closing punctuation (，。、」 ...) never starts a line.
 */
final class TextWrap {
    private static final String NO_LINE_START = "，。、：；！？）」』”’》〉】…,.:;!?)]}";

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
        List<String> current = new ArrayList<>();
        int col = 0;
        for (String token : tokens(paragraph, room)) {
            boolean space = token.equals(" ");
            int w = width(token);
            if (col + w > room && !current.isEmpty()) {
                if (space) {
                    lines.add(String.join("", current).stripTrailing());
                    current.clear();
                    col = 0;
                    continue;
                }
                List<String> carried = new ArrayList<>();
                if (NO_LINE_START.indexOf(token.codePointAt(0)) >= 0 && current.size() > 1) {
                    carried.add(current.remove(current.size() - 1));
                }
                lines.add(String.join("", current).stripTrailing());
                current.clear();
                current.addAll(carried);
                col = carried.stream().mapToInt(TextWrap::width).sum();
            }
            if (space && current.isEmpty()) {
                continue;
            }
            current.add(token);
            col += w;
        }
        lines.add(String.join("", current).stripTrailing());
        return lines;
    }

    /** Spaces, runs of narrow non-space characters (words), and single wide characters; words longer than room split. */
    private static List<String> tokens(String s, int room) {
        List<String> tokens = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int wordWidth = 0;
        for (int i = 0; i < s.length(); i += Character.charCount(s.codePointAt(i))) {
            int cp = s.codePointAt(i);
            int w = width(cp);
            if (Character.isWhitespace(cp) || w == 2 || wordWidth + w > room) {
                if (word.length() > 0) {
                    tokens.add(word.toString());
                    word.setLength(0);
                    wordWidth = 0;
                }
            }
            if (Character.isWhitespace(cp)) {
                tokens.add(" ");
            } else if (w == 2) {
                tokens.add(new String(Character.toChars(cp)));
            } else {
                word.appendCodePoint(cp);
                wordWidth += w;
            }
        }
        if (word.length() > 0) {
            tokens.add(word.toString());
        }
        return tokens;
    }
}
