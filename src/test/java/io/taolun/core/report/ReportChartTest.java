package io.taolun.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.taolun.chart.PngResultChart;
import io.taolun.core.Attachment;
import io.taolun.core.ChannelRef;
import io.taolun.core.Lang;
import io.taolun.core.Messages;
import io.taolun.core.TestBot;
import io.taolun.core.article.Article;
import io.taolun.core.poll.ChartSpec;
import io.taolun.core.poll.InMemoryPolls;
import io.taolun.testing.TouchesTime;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The report's chart: one bar per claim, how divided (0-100), drawn as a PNG with its Chinese labels. */
@TouchesTime
final class ReportChartTest {
    private final InMemoryPolls polls = new InMemoryPolls(Duration.ofSeconds(1));
    private final TestBot bot = TestBot.withPolls(polls, polls, TestBot.everyoneMayOpen());
    private final Article article = TestBot.library().defaultArticle().orElseThrow();

    @Test
    void the_chart_has_a_bar_per_claim_most_divided_first_and_decodes_as_a_png_with_chinese_labels()
            throws IOException {
        // GIVEN two claim polls: c3 split 1-2 (40), c5 split 1-1-1 (68)
        bot.as("alice", "poll c3");
        bot.as("a", "vote 1 1");
        bot.as("b", "vote 1 4");
        bot.as("c", "vote 1 4");
        bot.as("alice", "poll c5");
        bot.as("a", "vote 2 1");
        bot.as("b", "vote 2 2");
        bot.as("c", "vote 2 3");
        DiscussionReport report = DiscussionReport.of(article, polls, new ChannelRef("console", "local", "general"),
                Period.ALL, TestBot.NOW.plusSeconds(60));

        // WHEN its chart is drawn in Chinese
        ChartSpec spec = ReportChart.spec(report, article, Messages.of(Lang.ZH));
        PngResultChart chart = new PngResultChart();
        Attachment png = chart.render(spec);

        // THEN it shows c5 then c3 on a scale of 0 to 100, titled and labelled in Chinese the font can draw
        assertThat(spec.title()).isEqualTo("各观点的分歧程度（0–100）· 全部");
        assertThat(spec.subtitle()).endsWith(" · 2 次投票，共 6 票");
        assertThat(spec.scale()).isEqualTo(100);
        assertThat(spec.bars()).extracting(ChartSpec.Bar::count).containsExactly(68, 40);
        assertThat(spec.bars().get(0).label()).startsWith("c5 ");
        assertThat(spec.bars().get(1).label()).startsWith("c3 ");
        assertThat(spec.bars()).allSatisfy(b -> assertThat(b.label()).matches("c\\d+ .*\\p{IsHan}.*"));
        assertThat(chart.canDisplay(spec.title() + spec.subtitle())).isTrue();
        assertThat(spec.bars()).allSatisfy(b -> assertThat(chart.canDisplay(b.label())).as(b.label()).isTrue());
        assertThat(png.fileName()).isEqualTo("report-all.png");
        assertThat(png.mediaType()).isEqualTo("image/png");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.bytes()));
        assertThat(image.getWidth()).isEqualTo(800);
        assertThat(image.getHeight()).isEqualTo(450);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/report-chart-sample.png"), png.bytes());

        // AND in English, its labels are the statements' English words
        ChartSpec english = ReportChart.spec(report, article, Messages.of(Lang.EN));
        assertThat(english.title()).isEqualTo("How divided the channel is on each claim (0–100) · all time");
        assertThat(english.subtitle()).endsWith(" · 2 polls, 6 votes");
    }
}
