package io.taolun.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taolun.core.Attachment;
import io.taolun.core.poll.ChartSpec;
import io.taolun.core.poll.ChartSpec.Bar;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

final class PngResultChartTest {
    private static final String CLAIM = "美国超大规模云厂商在2025年的资本支出合计超过4000亿美元";
    private static final List<String> CHINESE_OPTIONS = List.of("非常同意", "同意", "中立", "不同意", "非常不同意");
    private static final List<String> ENGLISH_OPTIONS =
            List.of("Strongly agree", "Agree", "Neutral", "Disagree", "Strongly disagree");

    private static PngResultChart chart;

    @BeforeAll
    static void loadTheFontOnce() {
        chart = new PngResultChart();
    }

    @Test
    void the_bundled_font_covers_every_label_of_a_chinese_and_an_english_chart() {
        // GIVEN the texts of a real claim's poll in both languages
        List<String> texts = new ArrayList<>(List.of(CLAIM, "共42票 · 2026-12-07 截止", "42 votes · closed"));
        texts.addAll(CHINESE_OPTIONS);
        texts.addAll(ENGLISH_OPTIONS);
        // THEN the font has a glyph for every character, digits and punctuation included
        assertThat(texts).allSatisfy(t -> assertThat(chart.canDisplay(t)).as(t).isTrue());
    }

    @Test
    void the_chart_is_a_png_of_the_promised_size_and_not_blank() throws IOException {
        // WHEN a Chinese poll is drawn
        Attachment png = chart.render(spec(7, CLAIM, CHINESE_OPTIONS, 12, 30, 5, 3, 1));
        // THEN it is named for the poll and decodes to an 800x450 image with something drawn on it
        assertThat(png.fileName()).isEqualTo("poll-7.png");
        assertThat(png.mediaType()).isEqualTo("image/png");
        BufferedImage image = decode(png);
        assertThat(image.getWidth()).isEqualTo(800);
        assertThat(image.getHeight()).isEqualTo(450);
        assertThat(inkedPixels(image)).isGreaterThan(2_000);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/chart-sample.png"), png.bytes());
    }

    @Test
    void two_different_chinese_words_draw_differently_so_they_are_real_glyphs_not_boxes() {
        // GIVEN the font the chart draws its labels in
        Font font = ChartFont.bundled().derive(Font.PLAIN, 24f);
        // WHEN two Chinese words of the same length are drawn
        BufferedImage agree = draw("同意", font);
        BufferedImage neutral = draw("中立", font);
        // THEN both have ink and they differ, which missing-glyph boxes (all alike) would not
        assertThat(inkedPixels(agree)).isGreaterThan(20);
        assertThat(inkedPixels(neutral)).isGreaterThan(20);
        assertThat(differingPixels(agree, neutral)).isGreaterThan(20);
    }

    @Test
    void changing_one_chinese_label_changes_the_chart() throws IOException {
        // GIVEN two polls that differ only in one Chinese label of the same length
        BufferedImage before = decode(chart.render(spec(1, CLAIM, List.of("同意", "反对"), 3, 4)));
        BufferedImage after = decode(chart.render(spec(1, CLAIM, List.of("同意", "中立"), 3, 4)));
        // THEN the pictures differ
        assertThat(differingPixels(before, after)).isGreaterThan(20);
    }

    @Test
    void a_poll_with_no_votes_still_draws() throws IOException {
        // WHEN every count is zero
        Attachment png = chart.render(spec(2, CLAIM, ENGLISH_OPTIONS, 0, 0, 0, 0, 0));
        // THEN a chart is drawn all the same
        assertThat(inkedPixels(decode(png))).isGreaterThan(1_000);
    }

    @Test
    void ten_bars_with_long_labels_draw() throws IOException {
        // GIVEN ten options, each as long as an option may be
        List<String> labels = IntStream.rangeClosed(1, 10).mapToObj(i -> i + "号选项" + "很长的选项说明".repeat(11))
                .map(s -> s.substring(0, 75)).toList();
        // WHEN drawn
        Attachment png = chart.render(spec(3, CLAIM, labels, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
        // THEN nothing fails and the size holds
        assertThat(decode(png).getWidth()).isEqualTo(800);
    }

    @Test
    void a_title_of_three_hundred_characters_is_shortened_not_overflowing() throws IOException {
        // GIVEN a title far longer than three lines
        String title = "资本支出持续增长".repeat(38).substring(0, 300);
        // WHEN drawn
        BufferedImage image = decode(chart.render(spec(4, title, CHINESE_OPTIONS, 1, 2, 3, 4, 5)));
        // THEN the bars are still there: the bottom half of the picture has ink
        assertThat(inkedPixels(image.getSubimage(0, 225, 800, 225))).isGreaterThan(1_000);
    }

    @Test
    void emoji_the_font_lacks_are_dropped_from_labels() throws IOException {
        // GIVEN a label with an emoji the font has no glyph for
        assertThat(chart.canDisplay("👍")).isFalse();
        // WHEN drawn
        BufferedImage withEmoji = decode(chart.render(spec(5, CLAIM, List.of("👍 同意", "反对"), 2, 1)));
        BufferedImage without = decode(chart.render(spec(5, CLAIM, List.of("同意", "反对"), 2, 1)));
        // THEN the emoji is left out, so the picture is the same as with the plain label
        assertThat(differingPixels(withEmoji, without)).isZero();
    }

    @Test
    void the_same_instance_draws_many_charts() {
        assertThatCode(() -> {
            for (int i = 0; i < 3; i++) {
                chart.render(spec(i, "Q" + i, ENGLISH_OPTIONS, i, 1, 2, 3, 4));
            }
        }).doesNotThrowAnyException();
    }

    private static final List<String> ROUNDS_ZH = List.of("第一轮（讨论前）", "第二轮（讨论后）");

    private static ChartSpec roundsSpec(List<String> rounds, int[] before, int[] after) {
        List<Bar> bars = IntStream.range(0, CHINESE_OPTIONS.size())
                .mapToObj(i -> new Bar(CHINESE_OPTIONS.get(i), before[i], after[i])).toList();
        return new ChartSpec(9, CLAIM, "第一轮 #8：6 票 · 第二轮 #9：6 票", bars, rounds);
    }

    @Test
    void a_round_two_chart_draws_both_rounds_side_by_side_in_two_colours_with_a_chinese_legend() throws IOException {
        // GIVEN the legend's names in both languages are drawable
        assertThat(List.of(ROUNDS_ZH.get(0), ROUNDS_ZH.get(1), "Round 1 (before)", "Round 2 (after)"))
                .allSatisfy(t -> assertThat(chart.canDisplay(t)).as(t).isTrue());
        // WHEN a round 2 is drawn
        Attachment png = chart.render(roundsSpec(ROUNDS_ZH, new int[] {1, 3, 0, 2, 0}, new int[] {0, 3, 1, 1, 1}));
        BufferedImage image = decode(png);
        // THEN it is a PNG of the usual size, with round 1's lighter bars beside round 2's
        assertThat(image.getWidth()).isEqualTo(800);
        assertThat(image.getHeight()).isEqualTo(450);
        assertThat(pixelsOf(image, 0xA6C8E6)).as("round 1's colour").isGreaterThan(1_000);
        assertThat(pixelsOf(image, 0x3B75AF)).as("round 2's colour").isGreaterThan(1_000);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/chart-rounds-sample.png"), png.bytes());
        // AND its legend names the rounds in real glyphs: another Chinese name draws differently
        BufferedImage renamed = decode(chart.render(roundsSpec(List.of("第一轮（讨论后）", "第二轮（讨论前）"),
                new int[] {1, 3, 0, 2, 0}, new int[] {0, 3, 1, 1, 1})));
        assertThat(differingPixels(image, renamed)).isGreaterThan(20);
    }

    @Test
    void a_chart_spec_has_a_count_before_on_every_bar_exactly_when_it_names_two_rounds() {
        assertThatThrownBy(() -> new ChartSpec(1, "t", "s", List.of(new Bar("a", 1)), ROUNDS_ZH))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChartSpec(1, "t", "s", List.of(new Bar("a", 1, 2))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChartSpec(1, "t", "s", List.of(new Bar("a", 1, 2)), List.of("only one")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static int pixelsOf(BufferedImage image, int rgb) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
                    count++;
                }
            }
        }
        return count;
    }

    private static ChartSpec spec(long id, String title, List<String> labels, int... counts) {
        List<Bar> bars = IntStream.range(0, labels.size()).mapToObj(i -> new Bar(labels.get(i), counts[i])).toList();
        return new ChartSpec(id, title, "共" + IntStream.of(counts).sum() + "票 · 2026-12-07 截止", bars);
    }

    private static BufferedImage decode(Attachment png) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.bytes()));
        assertThat(image).as("a decodable PNG").isNotNull();
        return image;
    }

    private static BufferedImage draw(String text, Font font) {
        BufferedImage image = new BufferedImage(80, 40, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 80, 40);
        g.setColor(Color.BLACK);
        g.setFont(font);
        g.drawString(text, 4, 30);
        g.dispose();
        return image;
    }

    private static int inkedPixels(BufferedImage image) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
                    count++;
                }
            }
        }
        return count;
    }

    private static int differingPixels(BufferedImage a, BufferedImage b) {
        int count = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    count++;
                }
            }
        }
        return count;
    }

    @Test
    void the_font_is_read_at_the_first_chart_and_only_once() {
        // GIVEN a chart whose font source counts how often it is asked
        java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
        PngResultChart lazy = new PngResultChart(() -> {
            reads.incrementAndGet();
            return ChartFont.bundled();
        });
        // THEN making it reads no font (a start that draws no chart does not pay for one)
        assertThat(reads).hasValue(0);
        // WHEN it draws two charts and answers a question about glyphs
        ChartSpec spec = new ChartSpec(1, CLAIM, "共2票", List.of(new Bar("同意", 1), new Bar("中立", 1)));
        assertThat(lazy.render(spec).bytes()).isNotEmpty();
        lazy.render(spec);
        assertThat(lazy.canDisplay(CLAIM)).isTrue();
        // THEN the font was read once
        assertThat(reads).hasValue(1);
    }
}
