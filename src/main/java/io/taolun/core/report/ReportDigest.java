package io.taolun.core.report;

import io.taolun.core.ChannelRef;
import io.taolun.core.Messages;
import io.taolun.core.article.Article;
import io.taolun.core.poll.PollQueries;
import java.time.Instant;

/**
 * The one line a weekly poll's results end with: the channel's last 7 days from the report's figures (polls and
 * votes, the most divided claim, the latest shift between rounds, the claims not yet discussed).
 */
public final class ReportDigest {
    private ReportDigest() {
    }

    /** The line for the channel's discussion of the article in the 7 days up to {@code at}. */
    public static String line(Article article, PollQueries polls, ChannelRef where, Instant at, Messages m) {
        DiscussionReport report = DiscussionReport.of(article, polls, where, Period.WEEK, at);
        String divided = report.divided().stream().findFirst()
                .map(row -> m.get("report.digestDivided", row.claim().id(), row.divided().getAsInt())).orElse("");
        String shift = report.shifts().isEmpty() ? "" : report.shifts().get(report.shifts().size() - 1).shift()
                .netShiftPoints().stream().mapToObj(net -> m.get("report.digestShift",
                        report.shifts().get(report.shifts().size() - 1).claim().id(), net)).findFirst().orElse("");
        return m.get("report.digest", report.polls().size(), report.votes(), divided + shift,
                report.undiscussed().size());
    }
}
