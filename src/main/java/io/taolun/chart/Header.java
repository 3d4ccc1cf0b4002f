package io.taolun.chart;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;

/** Draws the lines above the bars: the question, wrapped onto up to three lines, and the subtitle below it. */
final class Header {
    /** Three lines hold a 120-character Chinese claim; anything longer ends in an ellipsis. */
    private static final int MAX_TITLE_LINES = 3;
    private static final int MARGIN = 20;
    private static final Color TITLE_COLOR = new Color(0x22, 0x22, 0x22);
    private static final Color SUBTITLE_COLOR = new Color(0x66, 0x66, 0x66);

    private final Font titleFont;
    private final Font subtitleFont;

    Header(ChartFont font) {
        this.titleFont = font.derive(Font.BOLD, 19f);
        this.subtitleFont = font.derive(Font.PLAIN, 14f);
    }

    /** Draws from the top of {@code g} and returns the height used. */
    int draw(Graphics2D g, String title, String subtitle, int width) {
        int textWidth = width - 2 * MARGIN;
        int y = MARGIN - 4;
        g.setFont(titleFont);
        g.setColor(TITLE_COLOR);
        FontMetrics metrics = g.getFontMetrics();
        for (String line : TextFit.wrap(title, metrics, textWidth, MAX_TITLE_LINES)) {
            y += metrics.getAscent();
            g.drawString(line, MARGIN, y);
            y += metrics.getDescent() + 2;
        }
        if (!subtitle.isEmpty()) {
            g.setFont(subtitleFont);
            g.setColor(SUBTITLE_COLOR);
            metrics = g.getFontMetrics();
            y += 4 + metrics.getAscent();
            g.drawString(TextFit.ellipsize(subtitle, metrics, textWidth), MARGIN, y);
            y += metrics.getDescent();
        }
        return y + 4;
    }
}
