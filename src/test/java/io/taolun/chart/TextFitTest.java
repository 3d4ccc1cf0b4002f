package io.taolun.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

final class TextFitTest {
    private static final String CLAIM = "首先，资源消耗呈指数级膨胀：GPT-4的训练成本据估计超过1亿美元，一条先进芯片产线的投资超过100亿"
            + "人民币，而美国超大规模云厂商在2025年的资本支出合计超过4000亿美元，这意味着只有极少数公司能够参与前沿竞争。";

    private static FontMetrics metrics;

    @BeforeAll
    static void measureInTheChartFont() {
        Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        metrics = g.getFontMetrics(ChartFont.bundled().derive(Font.BOLD, 19f));
        g.dispose();
    }

    @Test
    void a_long_chinese_claim_wraps_onto_three_lines_and_keeps_every_character() {
        // WHEN a claim of over a hundred characters is wrapped to the chart's title width
        List<String> lines = TextFit.wrap(CLAIM, metrics, 760, 3);
        // THEN it fits three lines, none too wide, and nothing is lost
        assertThat(lines).hasSize(3);
        assertThat(lines).allSatisfy(l -> assertThat(metrics.stringWidth(l)).isLessThanOrEqualTo(760));
        assertThat(String.join("", lines)).isEqualTo(CLAIM);
    }

    @Test
    void text_beyond_the_last_line_ends_in_an_ellipsis() {
        List<String> lines = TextFit.wrap("资本支出".repeat(75), metrics, 760, 3);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(2)).endsWith(TextFit.ELLIPSIS);
        assertThat(metrics.stringWidth(lines.get(2))).isLessThanOrEqualTo(760);
    }

    @Test
    void english_breaks_between_words() {
        // GIVEN a width that holds "Strongly" but not "Strongly disagree"
        int width = metrics.stringWidth("Strongly di");
        // THEN the line breaks at the space
        assertThat(TextFit.wrap("Strongly disagree", metrics, width, 2)).containsExactly("Strongly", "disagree");
    }

    @Test
    void a_label_that_fits_is_left_alone_and_a_long_one_is_shortened_to_the_width() {
        assertThat(TextFit.ellipsize("非常同意", metrics, 200)).isEqualTo("非常同意");
        String shortened = TextFit.ellipsize("很长的选项说明".repeat(11), metrics, 120);
        assertThat(shortened).startsWith("很长").endsWith(TextFit.ELLIPSIS);
        assertThat(metrics.stringWidth(shortened)).isLessThanOrEqualTo(120);
    }
}
