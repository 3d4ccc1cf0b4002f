package io.taolun.chart;

import java.awt.FontMetrics;
import java.util.ArrayList;
import java.util.List;

/** Fits text into a width in pixels: shortened with an ellipsis, or wrapped onto a few lines. */
final class TextFit {
    static final String ELLIPSIS = "…";

    private TextFit() {
    }

    /** The text itself if it fits, else its longest prefix that fits with an ellipsis after it. */
    static String ellipsize(String text, FontMetrics metrics, int maxWidth) {
        if (metrics.stringWidth(text) <= maxWidth) {
            return text;
        }
        int end = text.length();
        while (end > 0) {
            end = text.offsetByCodePoints(end, -1);
            String candidate = text.substring(0, end).stripTrailing() + ELLIPSIS;
            if (metrics.stringWidth(candidate) <= maxWidth) {
                return candidate;
            }
        }
        return ELLIPSIS;
    }

    /**
     * Greedy line breaking that works for Chinese (a break may fall between any two characters) and for Latin
     * text (breaks at a space when the line has one). Beyond {@code maxLines}, the last line ends in an ellipsis.
     */
    static List<String> wrap(String text, FontMetrics metrics, int maxWidth, int maxLines) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            if (lines.size() == maxLines - 1) {
                lines.add(ellipsize(text.substring(start), metrics, maxWidth));
                break;
            }
            int end = lineEnd(text, start, metrics, maxWidth);
            lines.add(text.substring(start, end).strip());
            start = skipSpaces(text, end);
        }
        return lines;
    }

    /** Where the line starting at {@code start} ends: after as many characters as fit, backed off to a space. */
    private static int lineEnd(String text, int start, FontMetrics metrics, int maxWidth) {
        int end = start;
        while (end < text.length()) {
            int next = text.offsetByCodePoints(end, 1);
            if (metrics.stringWidth(text.substring(start, next)) > maxWidth) {
                break;
            }
            end = next;
        }
        if (end == start) {
            return text.offsetByCodePoints(start, 1); // one character wider than the line: take it anyway
        }
        if (end < text.length() && splitsAWord(text, end)) {
            int space = text.lastIndexOf(' ', end - 1);
            if (space > start) {
                return space;
            }
        }
        return end;
    }

    private static boolean splitsAWord(String text, int at) {
        return isWordChar(text.codePointBefore(at)) && isWordChar(text.codePointAt(at));
    }

    /** Latin letters and digits, which must not be split; Chinese characters may break anywhere. */
    private static boolean isWordChar(int cp) {
        return cp < 0x2E80 && Character.isLetterOrDigit(cp);
    }

    private static int skipSpaces(String text, int at) {
        while (at < text.length() && text.charAt(at) == ' ') {
            at++;
        }
        return at;
    }
}
