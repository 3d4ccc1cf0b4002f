package io.taolun.chart;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.knowm.xchart.internal.chartpart.Annotation;

/**
 * The option labels under the bars, each wrapped onto up to two lines of its bar's width and ended with an
 * ellipsis beyond. Drawn as an XChart annotation (the way XChart's own text annotations find the bars) because
 * XChart's tick labels are single-line and it sizes slanted ones by character count, which clips Chinese.
 */
final class CategoryLabels extends Annotation {
    static final int MAX_LINES = 2;
    private static final int GAP = 6;

    private final List<String> labels;
    private final Font font;
    private final Color color;

    CategoryLabels(List<String> labels, Font font, Color color) {
        super(false);
        this.labels = List.copyOf(labels);
        this.font = font;
        this.color = color;
    }

    /** The height the labels take under the plot, for the caller to leave free. */
    static int height(FontMetrics metrics) {
        return GAP + MAX_LINES * metrics.getHeight();
    }

    @Override
    public void paint(Graphics2D g) {
        g.setFont(font);
        g.setColor(color);
        FontMetrics metrics = g.getFontMetrics();
        int slot = getXAxisScreenValue(1.0) - getXAxisScreenValue(0.0);
        int top = getYAxisScreenValue(0.0) + GAP; // the y axis starts at zero
        for (int i = 0; i < labels.size(); i++) {
            int centre = getXAxisScreenValue(i + 0.5);
            int baseline = top + metrics.getAscent();
            for (String line : TextFit.wrap(labels.get(i), metrics, slot - GAP, MAX_LINES)) {
                g.drawString(line, centre - metrics.stringWidth(line) / 2, baseline);
                baseline += metrics.getHeight();
            }
        }
        int left = getXAxisScreenValueForMin();
        bounds = new Rectangle2D.Double(left, top, getXAxisScreenValueForMax() - left, height(metrics) - GAP);
    }
}
