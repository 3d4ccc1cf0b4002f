package io.taolun.core.poll;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.taolun.core.Lang;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A poll's counts as CSV: one row per option. Voter ids appear only for polls that are not anonymous. Every cell that
 * a spreadsheet could read as a formula ({@code = + - @}, tab, carriage return) is prefixed with an apostrophe.
 * Quoting (commas, quotes, line breaks) is Jackson's, per RFC 4180. The UTF-8 text starts with a byte order mark:
 * without it Excel reads a CSV in the system's code page and shows the Chinese labels as mojibake.
 */
final class CsvExport {
    private static final CsvMapper CSV = new CsvMapper();
    private static final String BOM = "\uFEFF";

    private CsvExport() {
    }

    static byte[] of(Poll poll, Tally tally, Map<Integer, List<String>> voters) {
        CsvSchema.Builder schema = CsvSchema.builder()
                .addColumn("poll").addColumn("claim").addColumn("question").addColumn("option")
                .addColumn("label_zh").addColumn("label_en").addColumn("votes").addColumn("percent");
        if (!poll.anonymous()) {
            schema.addColumn("voters");
        }
        List<List<String>> rows = new ArrayList<>();
        List<Integer> percent = tally.percentages();
        for (PollOption option : poll.options()) {
            List<String> row = new ArrayList<>(List.of(
                    "#" + poll.id(), poll.claimId().orElse(""), poll.question(), String.valueOf(option.number()),
                    option.label(Lang.ZH), option.label(Lang.EN), String.valueOf(tally.count(option.number())),
                    String.valueOf(percent.get(option.number() - 1))));
            if (!poll.anonymous()) {
                row.add(String.join(" ", voters.getOrDefault(option.number(), List.of())));
            }
            rows.add(row.stream().map(CsvExport::defuse).toList());
        }
        try {
            return (BOM + CSV.writer(schema.setUseHeader(true).build()).writeValueAsString(rows))
                    .getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("CSV of poll " + poll.id(), e);
        }
    }

    /** Neutralises a cell a spreadsheet would run as a formula. */
    static String defuse(String cell) {
        if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
            return "'" + cell;
        }
        return cell;
    }
}
