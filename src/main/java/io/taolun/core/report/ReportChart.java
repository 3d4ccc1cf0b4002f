package io.taolun.core.report;

import io.taolun.core.Lang;
import io.taolun.core.Messages;
import io.taolun.core.article.Article;
import io.taolun.core.poll.ChartSpec;
import java.util.List;
import java.util.Locale;

/**
 * The report's chart: how divided the channel is on each claim (0-100), one bar per claim, most divided first, in
 * the results chart's style, labelled with the claim and the start of its statement.
 */
final class ReportChart {
    private ReportChart() {
    }

    static ChartSpec spec(DiscussionReport report, Article article, Messages m) {
        List<ChartSpec.Bar> bars = report.divided().stream().limit(ReportCommand.MAX_DIVIDED)
                .map(row -> new ChartSpec.Bar(row.claim().id() + " " + start(row.claim().statement().in(m.lang()),
                        m.lang()), row.divided().getAsInt()))
                .toList();
        return ChartSpec.named("report-" + report.period().name().toLowerCase(Locale.ROOT) + ".png",
                m.get("report.chartTitle", m.get(report.period().key())),
                m.get("report.chartSubtitle", cut(article.meta().title().in(m.lang()), m.lang(), 3), report.polls().size(),
                        report.votes()),
                bars, 100);
    }

    /** The first words of a text, to fit under a bar: Chinese characters are twice as wide as Latin letters. */
    private static String start(String text, Lang lang) {
        return cut(text, lang, 1);
    }

    private static String cut(String text, Lang lang, int lines) {
        int max = (lang == Lang.ZH ? 8 : 16) * lines;
        return text.codePointCount(0, text.length()) <= max ? text
                : text.substring(0, text.offsetByCodePoints(0, max - 1)) + "…";
    }
}
