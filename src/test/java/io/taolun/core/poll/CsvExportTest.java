package io.taolun.core.poll;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.taolun.core.ChannelRef;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The CSV of a poll reads back cell for cell, whatever its text holds; only formula-like cells change. */
final class CsvExportTest {
    @Test
    void commas_quotes_line_breaks_and_chinese_read_back_cell_for_cell() throws Exception {
        // GIVEN a question and labels with every character CSV must quote, and cells a spreadsheet would run
        String question = "他说：\"是的,\r\n当然\"——对吗？";
        Poll poll = new Poll(7, "a", Optional.of("c1"), question,
                List.of(new PollOption(1, "同意,\"完全\"", "Agree, \"fully\""), new PollOption(2, "=1+1", "-cmd|' /C calc'!A0"),
                        new PollOption(3, "@SUM(A1)", "+1\n2")),
                new ChannelRef("slack", "T1", "C1"), "alice", false, false, Instant.EPOCH, Optional.empty(),
                Optional.empty());
        // WHEN it is exported with two voters for option 1
        byte[] bytes = CsvExport.of(poll, new Tally(List.of(2, 0, 1)), Map.of(1, List.of("U1", "U2")));
        // THEN it parses back into the same cells, formula-like ones prefixed with an apostrophe
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        List<Map<String, String>> rows;
        try (MappingIterator<Map<String, String>> it = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(text.substring(1))) {
            rows = it.readAll();
        }
        assertThat(rows).hasSize(3);
        assertThat(rows).extracting(r -> r.get("question")).containsOnly(question);
        assertThat(rows).extracting(r -> r.get("label_zh")).containsExactly("同意,\"完全\"", "'=1+1", "'@SUM(A1)");
        assertThat(rows).extracting(r -> r.get("label_en"))
                .containsExactly("Agree, \"fully\"", "'-cmd|' /C calc'!A0", "'+1\n2");
        assertThat(rows).extracting(r -> r.get("votes")).containsExactly("2", "0", "1");
        assertThat(rows).extracting(r -> r.get("voters")).containsExactly("U1 U2", "", "");
    }
}
