package io.taolun.chart;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * The bundled WenQuanYi Micro Hei (Latin and CJK), loaded once per instance, and the sizes and styles the chart
 * derives from it. Nothing is drawn in a JVM or system font, so a chart looks the same on every machine.
 */
final class ChartFont {
    /** A TrueType collection, hence {@link Font#createFonts}; its first face is the regular one. */
    private static final String RESOURCE = "wqy-microhei.ttc";

    private final Font base;

    ChartFont(Font base) {
        this.base = Objects.requireNonNull(base, "base");
    }

    /** Reads the font from the classpath; costs a few tens of milliseconds, so callers keep the result. */
    static ChartFont bundled() {
        try (InputStream in = ChartFont.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the chart font " + RESOURCE + " is missing from the classpath");
            }
            Font[] faces = Font.createFonts(in);
            return new ChartFont(faces[0]);
        } catch (IOException | FontFormatException e) {
            throw new IllegalStateException("cannot load the chart font " + RESOURCE, e);
        }
    }

    Font derive(int style, float size) {
        return base.deriveFont(style, size);
    }

    boolean canDisplay(String text) {
        return base.canDisplayUpTo(text) == -1;
    }

    /**
     * The text with every character the font has no glyph for (emoji, rare scripts) dropped, so the chart never
     * shows an empty box; line breaks and other controls become spaces, and runs of spaces collapse to one.
     */
    String displayable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (Character.isWhitespace(cp) || Character.isISOControl(cp) || Character.isSpaceChar(cp)) {
                if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
                    out.append(' ');
                }
            } else if (base.canDisplay(cp)) {
                out.appendCodePoint(cp);
            }
        });
        return out.toString().strip();
    }
}
