package io.taolun.core.report;

import io.taolun.core.Attachment;
import io.taolun.core.BadInputException;
import io.taolun.core.Command;
import io.taolun.core.Invocation;
import io.taolun.core.Lang;
import io.taolun.core.Messages;
import io.taolun.core.Reply;
import io.taolun.core.article.Claim;
import io.taolun.core.poll.Poll;
import io.taolun.core.poll.PollService;
import io.taolun.core.poll.ResultChart;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code report [week|month|all]}: for this channel's article, the claim polls opened here in the period with their
 * voters (and the change from the poll before), how divided the channel is on each claim (its latest poll whose
 * results are public), and the debatable claims never polled here. Polls with a question of their own are not
 * claims and are left out.
 */
public final class ReportCommand implements Command {
    static final int MAX_POLL_LINES = 10;
    static final int MAX_UNDISCUSSED = 12;
    /** Claims shown under "how divided": with their statements they stay within Discord's 1,024 per field. */
    static final int MAX_DIVIDED = 8;
    static final int MAX_SHIFTS = 6;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private final PollService service;
    private final ZoneId zone;
    private final Optional<ResultChart> chart;

    /** Without a chart (text only). */
    public ReportCommand(PollService service, ZoneId zone) {
        this(service, zone, Optional.empty());
    }

    /** @param chart draws the report's chart of how divided each claim is, attached to the text */
    public ReportCommand(PollService service, ZoneId zone, Optional<ResultChart> chart) {
        this.service = service;
        this.zone = zone;
        this.chart = chart;
    }

    @Override
    public String name() {
        return "report";
    }

    @Override
    public Reply run(Invocation inv) {
        List<String> args = new ArrayList<>(inv.args());
        boolean csv = args.removeIf("--csv"::equals);
        new Invocation(inv.request(), inv.messages(), args, inv.share()).withoutOptions();
        if (args.size() > 1) {
            throw new BadInputException("error.report.args");
        }
        Period period = Period.parse(args.stream().findFirst());
        Messages m = inv.messages();
        DiscussionReport report = DiscussionReport.of(service.article(), service.queries(), inv.request().where(),
                period, service.now());
        String span = m.get(period.key());
        Reply.Builder reply = Reply.builder().title(m.get("report.title", span)).visibility(inv.shareVisibility());
        if (report.polls().isEmpty()) {
            reply.text(m.get("report.none", span));
        } else {
            reply.field(m.get("report.participation"), participation(report.polls(), m));
            reply.field(m.get("report.divided"), divided(report.divided(), m));
            if (!report.shifts().isEmpty()) {
                reply.field(m.get("report.shifts"), shifts(report.shifts(), m));
            }
        }
        reply.field(m.get("report.undiscussed", report.undiscussed().size()), undiscussed(report.undiscussed(), m));
        if (csv) {
            // anonymous figures only (counts and measures, never a voter), so the file may go where the text goes
            reply.attach(new Attachment("report-" + period.name().toLowerCase(Locale.ROOT) + ".csv", "text/csv",
                    ReportCsv.of(report, zone), inv.share()));
        } else if (chart.isPresent() && !report.divided().isEmpty()) {
            Attachment png = chart.get().render(ReportChart.spec(report, service.article(), m));
            reply.attach(new Attachment(png.fileName(), png.mediaType(), png.bytes(), inv.share()));
        }
        return reply.footer(m.get("report.footer")).build();
    }

    private String participation(List<DiscussionReport.PollRow> rows, Messages m) {
        List<String> lines = new ArrayList<>();
        for (DiscussionReport.PollRow row : rows) {
            String change = row.change().isEmpty() ? ""
                    : row.change().getAsInt() == 0 ? m.get("report.same")
                    : m.get("report.change", signed(row.change().getAsInt()));
            String claim = row.claim().id() + (row.poll().round().isSecond() ? m.get("report.roundTwo") : "");
            lines.add(m.get("report.pollLine", row.poll().id(), DAY.format(row.poll().openedAt().atZone(zone)),
                    claim, row.voters(), change));
        }
        int hidden = Math.max(0, lines.size() - MAX_POLL_LINES);
        List<String> shown = new ArrayList<>(lines.subList(hidden, lines.size()));
        if (hidden > 0) {
            shown.add(0, m.get("report.earlier", hidden));
        }
        return String.join("\n", shown);
    }

    /** Per claim, its latest poll in the period whose results are public and that has votes; most divided first. */
    private static String divided(List<DiscussionReport.PollRow> latest, Messages m) {
        if (latest.isEmpty()) {
            return m.get("report.dividedNone");
        }
        List<String> lines = new ArrayList<>();
        for (DiscussionReport.PollRow row : latest.subList(0, Math.min(MAX_DIVIDED, latest.size()))) {
            lines.add(m.get("report.dividedLine", row.claim().id(), row.divided().getAsInt(), row.voters(),
                    row.poll().id(), shorten(row.claim().statement().in(m.lang()), m.lang())));
        }
        if (latest.size() > MAX_DIVIDED) {
            lines.add(m.get("report.dividedMore", latest.size() - MAX_DIVIDED));
        }
        return String.join("\n", lines);
    }

    /** Each round 2's net shift and how many changed their answer, newest last. */
    private static String shifts(List<DiscussionReport.ShiftRow> shifts, Messages m) {
        List<String> lines = new ArrayList<>();
        int from = Math.max(0, shifts.size() - MAX_SHIFTS);
        for (DiscussionReport.ShiftRow row : shifts.subList(from, shifts.size())) {
            long net = row.shift().netShiftPoints().orElse(0);
            lines.add(m.get("report.shiftLine", row.claim().id(), row.second().round().firstRound().orElseThrow(),
                    row.second().id(), net, row.shift().changed(), row.shift().both()));
        }
        return String.join("\n", lines);
    }

    private static String undiscussed(List<Claim> claims, Messages m) {
        if (claims.isEmpty()) {
            return m.get("report.undiscussedNone");
        }
        List<String> ids = claims.stream().limit(MAX_UNDISCUSSED).map(Claim::id).toList();
        String more = claims.size() > MAX_UNDISCUSSED ? m.get("report.more", claims.size() - MAX_UNDISCUSSED) : "";
        return String.join(", ", ids) + more + "\n" + m.get("report.pollHint", ids.get(0));
    }

    private static String signed(int change) {
        return change > 0 ? "+" + change : String.valueOf(change);
    }

    /** A statement cut to about one line of chat: Chinese characters are twice as wide as Latin letters. */
    private static String shorten(String text, Lang lang) {
        int max = lang == Lang.ZH ? 32 : 56;
        return text.codePointCount(0, text.length()) <= max ? text
                : text.substring(0, text.offsetByCodePoints(0, max - 1)) + "…";
    }
}
