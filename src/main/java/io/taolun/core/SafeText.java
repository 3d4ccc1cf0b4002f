package io.taolun.core;

/**
 * Makes user text safe to handle and to echo back: no control characters, no way to ping anyone, bounded length.
 */
public final class SafeText {
    /** The most characters of a user's input that are ever echoed back. */
    public static final int ECHO_LIMIT = 60;

    private static final char ZERO_WIDTH_SPACE = '\u200B';

    private SafeText() {
    }

    /** Replaces control and bidirectional-override characters with spaces; keeps everything else. */
    public static String stripControls(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> sb.appendCodePoint(isUnsafe(cp) ? ' ' : cp));
        return sb.toString();
    }

    /**
     * A short, inert copy of user text to quote in a reply: controls removed, whitespace collapsed, at most
     * {@link #ECHO_LIMIT} characters, every {@code @} followed by a zero-width space and angle brackets replaced, so
     * {@code @everyone}, {@code @here}, {@code <!channel>} and {@code <@U123>} reach no one on any platform.
     */
    public static String echo(String text) {
        String s = stripControls(text).strip().replaceAll("\\s+", " ");
        if (s.codePointCount(0, s.length()) > ECHO_LIMIT) {
            s = s.substring(0, s.offsetByCodePoints(0, ECHO_LIMIT)) + "…";
        }
        return neutralize(s);
    }

    /** Breaks every mention syntax in text that is shown whole (not truncated). */
    public static String neutralize(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 8);
        text.codePoints().forEach(cp -> {
            switch (cp) {
                case '@' -> sb.append('@').append(ZERO_WIDTH_SPACE);
                case '<' -> sb.append('‹');
                case '>' -> sb.append('›');
                default -> sb.appendCodePoint(cp);
            }
        });
        return sb.toString();
    }

    /**
     * The text cut to at most {@code max} chars (UTF-16 units, as platforms count them), ending in "…" when cut,
     * never splitting a surrogate pair.
     */
    public static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, Math.max(0, end)) + "…";
    }

    /** True when the text has at least one character that shows (not only spaces, zero-width or format marks). */
    public static boolean hasVisible(String text) {
        return text.codePoints().anyMatch(cp -> !Character.isWhitespace(cp) && !Character.isSpaceChar(cp)
                && Character.getType(cp) != Character.FORMAT && Character.getType(cp) != Character.CONTROL);
    }

    /** Full-width ASCII (as typed on Chinese keyboards: ３, ＡＢＯＵＴ) turned into ASCII. */
    public static String halfWidth(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> sb.appendCodePoint(cp >= 0xFF01 && cp <= 0xFF5E ? cp - 0xFEE0 : cp));
        return sb.toString();
    }

    private static boolean isUnsafe(int cp) {
        if (Character.getType(cp) == Character.CONTROL) {
            return true;
        }
        return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0xFEFF;
    }
}
