package io.taolun.chart;

import io.taolun.core.Attachment;
import io.taolun.core.poll.ChartSpec;
import io.taolun.core.poll.ResultChart;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.function.Supplier;
import javax.imageio.ImageIO;

/**
 * Draws a poll's result as an 800 by 450 PNG bar chart in the bundled CJK font: the question (wrapped, at most
 * three lines), the subtitle, and one bar per option with its count. Characters the font cannot draw, such as emoji,
 * are dropped from the labels rather than drawn as empty boxes. Needs no display: works with
 * {@code java.awt.headless=true}. Thread-safe; create one and share it. The font (and with it AWT and XChart) is
 * loaded at the first chart, not at construction: a start that never draws one, such as a one-shot console reply or
 * a server before its first closed poll, does not pay about 0.1 s for it (issue 19).
 */
public final class PngResultChart implements ResultChart {
    static final int WIDTH = 800;
    static final int HEIGHT = 450;

    private final Supplier<ChartFont> source;
    private volatile Drawing drawing;

    /** The font and the parts drawn in it, made together at first use. */
    private record Drawing(ChartFont font, Header header, BarPlot plot) {
        Drawing(ChartFont font) {
            this(font, new Header(font), new BarPlot(font));
        }
    }

    /** Uses the bundled font, read at the first chart. */
    public PngResultChart() {
        this.source = ChartFont::bundled;
    }

    /** Takes the font from {@code source} at the first chart, once. */
    PngResultChart(Supplier<ChartFont> source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    private Drawing drawing() {
        Drawing d = drawing;
        if (d == null) {
            synchronized (this) {
                d = drawing;
                if (d == null) {
                    d = new Drawing(source.get());
                    drawing = d;
                }
            }
        }
        return d;
    }

    @Override
    public Attachment render(ChartSpec spec) {
        Drawing d = drawing();
        ChartFont font = d.font();
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            int top = d.header().draw(g, font.displayable(spec.title()), font.displayable(spec.subtitle()), WIDTH);
            g.translate(0, top);
            d.plot().paint(g, spec.bars(), spec.rounds(), spec.scale(), WIDTH, HEIGHT - top);
        } finally {
            g.dispose();
        }
        return new Attachment(spec.fileName(), "image/png", png(image));
    }

    /** Whether the bundled font has a glyph for every character of {@code text}. */
    public boolean canDisplay(String text) {
        return drawing().font().canDisplay(text);
    }

    private static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the chart as PNG", e);
        }
        return out.toByteArray();
    }
}
