package io.taolun.chart;

import io.taolun.core.poll.ChartSpec;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.util.List;
import java.util.stream.IntStream;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.style.CategoryStyler;

/** The XChart bar chart under the header: one bar per option, its count on it, every text in the bundled font. */
final class BarPlot {
    private static final Color BAR_COLOR = new Color(0x3B, 0x75, 0xAF);
    /** Round 1's bars beside round 2's, lighter. */
    private static final Color BEFORE_COLOR = new Color(0xA6, 0xC8, 0xE6);
    /** The share of each category the bars fill. */
    private static final double FILL = 0.6;
    private static final Color GRID_COLOR = new Color(0xE3, 0xE3, 0xE3);
    private static final Color TEXT_COLOR = new Color(0x33, 0x33, 0x33);
    /** How far above its bar a count is centred, as a share of the y axis. */
    private static final double COUNT_LIFT = 0.05;
    private static final int PADDING = 12;

    private final ChartFont font;
    private final Font tickFont;
    private final Font countFont;
    private final Font smallFont;

    BarPlot(ChartFont font) {
        this.font = font;
        this.tickFont = font.derive(Font.PLAIN, 14f);
        this.countFont = font.derive(Font.BOLD, 14f);
        this.smallFont = font.derive(Font.PLAIN, 12f);
    }

    /** Paints the bars into {@code g}'s origin, {@code width} by {@code height}, labels included. */
    void paint(Graphics2D g, List<ChartSpec.Bar> bars, int width, int height) {
        paint(g, bars, List.of(), 0, width, height);
    }

    /**
     * Paints the bars; with two round names, each option gets round 1's bar beside round 2's, and a legend names
     * them. A scale above zero is shown in full (a measure from 0 to 100); zero fits the axis to the bars.
     */
    void paint(Graphics2D g, List<ChartSpec.Bar> bars, List<String> rounds, int scale, int width, int height) {
        boolean paired = !rounds.isEmpty();
        // XChart lays out the plot in the height given; the labels go in the strip left below it, which may
        // overlap XChart's empty padding.
        int chartHeight = height - CategoryLabels.height(g.getFontMetrics(tickFont)) + PADDING;
        CategoryChart chart = new CategoryChart(width, chartHeight);
        style(chart.getStyler(), bars, paired, scale);
        List<String> labels = bars.stream().map(b -> font.displayable(b.label())).map(s -> s.isEmpty() ? "?" : s)
                .toList();
        // Text categories make XChart space the bars evenly over 0..n; CategoryLabels draws the real labels, so
        // these are never shown and only need to be distinct.
        List<String> categories = IntStream.range(0, bars.size()).mapToObj(Integer::toString).toList();
        if (paired) {
            chart.addSeries(font.displayable(rounds.get(0)), categories,
                    bars.stream().map(b -> b.before().orElse(0)).toList());
            chart.addSeries(font.displayable(rounds.get(1)), categories, bars.stream().map(ChartSpec.Bar::count).toList());
        } else {
            chart.addSeries("votes", categories, bars.stream().map(ChartSpec.Bar::count).toList());
        }
        double lift = yMax(bars, scale) * COUNT_LIFT;
        for (int i = 0; i < bars.size(); i++) {
            int count = bars.get(i).count();
            // x runs 0..n over the categories, so i + 0.5 is the middle of category i; two series split its filled
            // part in halves, whose middles are a quarter of the fill either side
            if (paired) {
                int before = bars.get(i).before().orElse(0);
                chart.addAnnotation(new AnnotationText(Integer.toString(before), i + 0.5 - FILL / 4, before + lift,
                        false));
                chart.addAnnotation(new AnnotationText(Integer.toString(count), i + 0.5 + FILL / 4, count + lift,
                        false));
            } else {
                chart.addAnnotation(new AnnotationText(Integer.toString(count), i + 0.5, count + lift, false));
            }
        }
        chart.addAnnotation(new CategoryLabels(labels, tickFont, TEXT_COLOR));
        chart.paint(g, width, chartHeight);
    }

    private void style(CategoryStyler styler, List<ChartSpec.Bar> bars, boolean paired, int scale) {
        styler.setBaseFont(tickFont);
        styler.setChartTitleFont(countFont);
        styler.setChartTitleVisible(false);
        styler.setLegendFont(tickFont);
        styler.setLegendVisible(paired);
        styler.setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNE);
        styler.setAxisTitleFont(tickFont);
        styler.setAxisTitlesVisible(false);
        styler.setAxisTickLabelsFont(tickFont);
        styler.setLabelsFont(countFont);
        styler.setAnnotationTextFont(countFont);
        styler.setAnnotationTextPanelFont(smallFont);
        styler.setToolTipFont(smallFont);
        styler.setChartButtonFont(smallFont);

        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotBorderVisible(false);
        styler.setChartFontColor(TEXT_COLOR);
        styler.setAxisTickLabelsColor(TEXT_COLOR);
        styler.setPlotGridVerticalLinesVisible(false);
        styler.setPlotGridLinesColor(GRID_COLOR);
        styler.setAxisTicksMarksVisible(false);
        styler.setXAxisTicksVisible(false);
        styler.setSeriesColors(paired ? new Color[] {BEFORE_COLOR, BAR_COLOR} : new Color[] {BAR_COLOR});
        styler.setAvailableSpaceFill(FILL);
        styler.setChartPadding(PADDING);

        // XChart's own bar labels sit astride the bar's top edge; annotations put the counts just above it.
        styler.setLabelsVisible(false);
        styler.setAnnotationTextFontColor(TEXT_COLOR);
        styler.setYAxisMin(0.0);
        styler.setYAxisMax(yMax(bars, scale));
        styler.setyAxisTickLabelsFormattingFunction(BarPlot::wholeNumber);
    }

    /**
     * A whole number above the tallest bar, with room for its count. Never zero: an all-zero poll would give XChart
     * an empty y range.
     */
    private static double yMax(List<ChartSpec.Bar> bars, int scale) {
        int most = Math.max(scale, bars.stream().mapToInt(b -> Math.max(b.count(), b.before().orElse(0))).max()
                .orElse(0));
        return most == 0 ? 1 : Math.ceil(most * 1.15);
    }

    /**
     * Counts are whole numbers; ticks between them (0.5 on a small axis) are left unlabelled, with a space since
     * XChart cannot measure an empty label.
     */
    private static String wholeNumber(Double value) {
        long whole = Math.round(value);
        return Math.abs(value - whole) < 1e-9 ? Long.toString(whole) : " ";
    }
}
