package io.taolun.core.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.taolun.core.Lang;
import io.taolun.core.article.Claim;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The report as CSV: one row per claim poll of the period (its voters, the change from the poll before, how divided,
 * and for a round 2 its shift), then one row per claim not yet discussed. Counts and measures only, never a voter.
 * UTF-8 with a byte order mark (Excel reads the Chinese statements right); cells a spreadsheet would run as a
 * formula start with an apostrophe; quoting is Jackson's (RFC 4180).
 */
final class ReportCsv {
    private static final CsvMapper CSV = new CsvMapper();
    private static final String BOM = "\uFEFF";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;
    private static final List<String> COLUMNS = List.of("claim", "kind", "statement_zh", "statement_en", "poll",
            "opened", "round", "first_round", "voters", "change", "divided", "net_shift_points", "changed",
            "both_rounds", "only_round_1", "only_round_2");

    private ReportCsv() {
    }

    static byte[] of(DiscussionReport report, ZoneId zone) {
        CsvSchema.Builder schema = CsvSchema.builder();
        COLUMNS.forEach(schema::addColumn);
        List<List<String>> rows = new ArrayList<>();
        for (DiscussionReport.PollRow row : report.polls()) {
            Optional<DiscussionReport.ShiftRow> shift = report.shifts().stream()
                    .filter(s -> s.second().id() == row.poll().id()).findFirst();
            List<String> cells = new ArrayList<>(claim(row.claim()));
            cells.addAll(List.of(String.valueOf(row.poll().id()), DAY.format(row.poll().openedAt().atZone(zone)),
                    String.valueOf(row.poll().round().number()),
                    row.poll().round().firstRound().map(String::valueOf).orElse(""), String.valueOf(row.voters()),
                    number(row.change()), number(row.divided()),
                    shift.map(s -> s.shift().netShiftPoints().isPresent()
                            ? String.valueOf(s.shift().netShiftPoints().getAsLong()) : "").orElse(""),
                    shift.map(s -> String.valueOf(s.shift().changed())).orElse(""),
                    shift.map(s -> String.valueOf(s.shift().both())).orElse(""),
                    shift.map(s -> String.valueOf(s.shift().onlyBefore())).orElse(""),
                    shift.map(s -> String.valueOf(s.shift().onlyAfter())).orElse("")));
            rows.add(defused(cells));
        }
        for (Claim claim : report.undiscussed()) {
            List<String> cells = new ArrayList<>(claim(claim));
            while (cells.size() < COLUMNS.size()) {
                cells.add("");
            }
            rows.add(defused(cells));
        }
        try {
            return (BOM + CSV.writer(schema.setUseHeader(true).build()).writeValueAsString(rows))
                    .getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("CSV of a report", e);
        }
    }

    private static List<String> claim(Claim claim) {
        return List.of(claim.id(), claim.kind().name().toLowerCase(java.util.Locale.ROOT),
                claim.statement().in(Lang.ZH), claim.statement().in(Lang.EN));
    }

    private static String number(OptionalInt value) {
        return value.isPresent() ? String.valueOf(value.getAsInt()) : "";
    }

    /** Neutralises cells a spreadsheet would run as a formula (a change of -2 is kept as a number). */
    private static List<String> defused(List<String> cells) {
        return cells.stream().map(c -> c.matches("-?\\d+") || c.isEmpty() || "=+-@\t\r".indexOf(c.charAt(0)) < 0
                ? c : "'" + c).toList();
    }
}
