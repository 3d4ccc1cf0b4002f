package io.taolun.core.report;

import io.taolun.core.BadInputException;
import io.taolun.core.Command;
import io.taolun.core.Invocation;
import io.taolun.core.Lang;
import io.taolun.core.Messages;
import io.taolun.core.Reply;
import io.taolun.core.article.Claim;
import io.taolun.core.poll.Poll;
import io.taolun.core.poll.PollService;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private final PollService service;
    private final ZoneId zone;

    public ReportCommand(PollService service, ZoneId zone) {
        this.service = service;
        this.zone = zone;
    }

    @Override
    public String name() {
        return "report";
    }

    /** A claim poll of this channel, with its voters and, when its results are public, how divided they are. */
    private record Row(Claim claim, Poll poll, int voters, OptionalInt divided) {
    }

    @Override
    public Reply run(Invocation inv) {
        inv.withoutOptions();
        if (inv.args().size() > 1) {
            throw new BadInputException("error.report.args");
        }
        Period period = Period.parse(inv.args().stream().findFirst());
        Messages m = inv.messages();
        Instant now = service.now();
        List<Row> rows = new ArrayList<>();
        List<Claim> undiscussed = new ArrayList<>();
        for (Claim claim : service.article().claims()) {
            List<Poll> here = service.history(inv.request(), claim.id()).stream()
                    .filter(p -> p.where().equals(inv.request().where())).toList();
            if (here.isEmpty() && claim.kind().debatable()) {
                undiscussed.add(claim);
            }
            for (Poll poll : here) {
                if (period.covers(poll.openedAt(), now)) {
                    var tally = service.tally(poll);
                    rows.add(new Row(claim, poll, tally.total(),
                            poll.resultsVisible(now) ? Divisiveness.of(tally) : OptionalInt.empty()));
                }
            }
        }
        rows.sort(Comparator.comparing((Row r) -> r.poll().openedAt()).thenComparingLong(r -> r.poll().id()));
        String span = m.get(period.key());
        Reply.Builder reply = Reply.builder().title(m.get("report.title", span)).visibility(inv.shareVisibility());
        if (rows.isEmpty()) {
            reply.text(m.get("report.none", span));
        } else {
            reply.field(m.get("report.participation"), participation(rows, m));
            reply.field(m.get("report.divided"), divided(rows, m));
        }
        reply.field(m.get("report.undiscussed", undiscussed.size()), undiscussed(undiscussed, m));
        return reply.footer(m.get("report.footer")).build();
    }

    private String participation(List<Row> rows, Messages m) {
        List<String> lines = new ArrayList<>();
        Integer previous = null;
        for (Row row : rows) {
            String change = previous == null ? "" : m.get("report.change", signed(row.voters() - previous));
            lines.add(m.get("report.pollLine", row.poll().id(), DAY.format(row.poll().openedAt().atZone(zone)),
                    row.claim().id(), row.voters(), change));
            previous = row.voters();
        }
        int hidden = Math.max(0, lines.size() - MAX_POLL_LINES);
        List<String> shown = new ArrayList<>(lines.subList(hidden, lines.size()));
        if (hidden > 0) {
            shown.add(0, m.get("report.earlier", hidden));
        }
        return String.join("\n", shown);
    }

    /** Per claim, its latest poll in the period whose results are public and that has votes; most divided first. */
    private String divided(List<Row> rows, Messages m) {
        List<Row> latest = new ArrayList<>();
        for (Row row : rows) {
            if (row.divided().isPresent()) {
                latest.removeIf(r -> r.claim().id().equals(row.claim().id()));
                latest.add(row);
            }
        }
        if (latest.isEmpty()) {
            return m.get("report.dividedNone");
        }
        latest.sort(Comparator.comparingInt((Row r) -> r.divided().getAsInt()).reversed()
                .thenComparing(r -> r.claim().id()));
        List<String> lines = new ArrayList<>();
        for (Row row : latest.subList(0, Math.min(MAX_DIVIDED, latest.size()))) {
            lines.add(m.get("report.dividedLine", row.claim().id(), row.divided().getAsInt(), row.voters(),
                    row.poll().id(), shorten(row.claim().statement().in(m.lang()), m.lang())));
        }
        if (latest.size() > MAX_DIVIDED) {
            lines.add(m.get("report.dividedMore", latest.size() - MAX_DIVIDED));
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
