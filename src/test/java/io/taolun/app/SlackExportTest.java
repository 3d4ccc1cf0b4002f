package io.taolun.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.taolun.slack.FakeSlack;
import io.taolun.testing.Await;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /article export} on Slack, end to end through the real Bolt: the answer says a file is coming, and the CSV is
 * uploaded whole with the same external upload flow as charts, into the channel or to the asker alone.
 */
final class SlackExportTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Await.CEILING;
    /** Option labels that a spreadsheet would run as formulas, or that CSV must quote. */
    private static final List<String> LABELS = List.of("=1+1", "+x", "-y", "@z", "a,b", "他说\"好\"", "中文，标点",
            "选项八", "选项九", "选项十");

    @TempDir
    Path data;

    private SlackServerHarness h;

    @BeforeEach
    void start() throws Exception {
        h = new SlackServerHarness(data);
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void a_public_polls_export_is_uploaded_into_the_channel_whole_and_reads_back_as_the_same_rows() throws Exception {
        // GIVEN a public poll of ten options whose question (about 300 characters: the file passes 3,000) is full of
        // commas, straight quotes and Chinese, and starts like a formula; bob votes for option 2
        String question = "=SUM(A1) " + "他说\"这是真的\",对吧？".repeat(22);
        h.command("alice", "poll --question “" + question + "” --public --options “" + String.join("|", LABELS) + "”");
        h.slack.awaitCall("chat.postMessage", 1, WAIT);
        h.vote("bob", 1, 2, "1700000000.000001");
        Await.until("bob's vote is stored", () -> votes() == 1);
        // WHEN alice exports it in the poll's channel
        HttpResponse<String> ack = h.command("alice", "export 1");
        // THEN she is told at once, privately, that the file follows in the channel, with no file text inline
        JsonNode answer = JSON.readTree(ack.body());
        assertThat(answer.path("response_type").asText()).isEqualTo("ephemeral");
        assertThat(answer.toString()).contains("文件 poll-1.csv 随后发到本频道").doesNotContain("```", "label_zh");
        // AND the file is shared in C1, in full
        FakeSlack.Call completed = h.slack.awaitCall("files.completeUploadExternal", 1, WAIT);
        assertThat(completed.json().path("channel_id").asText()).isEqualTo(SlackServerHarness.CHANNEL);
        assertThat(completed.json().path("files").toString()).contains("poll-1.csv");
        byte[] bytes = uploaded();
        assertThat(new String(bytes, StandardCharsets.UTF_8).length()).isGreaterThan(3000);
        assertThat(h.slack.awaitCall("files.getUploadURLExternal", 1, WAIT).json().path("length").asInt())
                .isEqualTo(bytes.length);
        // AND it parses as CSV into one row per option, every cell as stored, formulas defused
        String stored = storedQuestion();
        List<Map<String, String>> rows = parse(bytes);
        assertThat(rows).hasSize(LABELS.size());
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> row = rows.get(i);
            assertThat(row.get("poll")).isEqualTo("#1");
            assertThat(row.get("question")).isEqualTo("'" + stored);
            assertThat(row.get("option")).isEqualTo(String.valueOf(i + 1));
            String label = single("SELECT label_zh FROM poll_option WHERE poll_id = 1 AND option_no = " + (i + 1));
            assertThat(row.get("label_zh")).isEqualTo(defused(label)).contains(LABELS.get(i).substring(1));
            assertThat(row.get("votes")).isEqualTo(i == 1 ? "1" : "0");
            assertThat(row.get("voters")).isEqualTo(i == 1 ? "bob" : "");
        }
        assertThat(stored).startsWith("=SUM(A1)").contains("他说\"这是真的\",对吧？");
    }

    @Test
    void an_anonymous_polls_export_goes_to_the_asker_alone() throws Exception {
        // GIVEN an anonymous poll (the default)
        h.command("alice", "poll c1");
        h.slack.awaitCall("chat.postMessage", 1, WAIT);
        // WHEN alice exports it
        HttpResponse<String> ack = h.command("alice", "export 1");
        // THEN she is told it comes as a direct message, and it is shared with her user id, in no channel
        assertThat(ack.body()).contains("文件 poll-1.csv 随后由机器人私信发给你");
        FakeSlack.Call completed = h.slack.awaitCall("files.completeUploadExternal", 1, WAIT);
        assertThat(completed.json().path("channels").asText()).isEqualTo("alice");
        assertThat(completed.json().has("channel_id")).isFalse();
        assertThat(parse(uploaded())).hasSize(5).allSatisfy(row -> assertThat(row).doesNotContainKey("voters"));
    }

    @Test
    void an_upload_slack_refuses_is_reported_to_the_asker() throws Exception {
        // GIVEN a poll, and Slack failing the next upload URL request
        h.command("alice", "poll c1");
        h.slack.awaitCall("chat.postMessage", 1, WAIT);
        h.slack.failNext("files.getUploadURLExternal", 1, 503, null);
        // WHEN alice exports it
        h.command("alice", "export 1");
        // THEN she is told privately that the file did not go, and to ask again
        JsonNode note = h.slack.awaitCall("response_url", 1, WAIT).json();
        assertThat(note.path("response_type").asText()).isEqualTo("ephemeral");
        assertThat(note.toString()).contains("文件 poll-1.csv 未能发出").doesNotContain("{0}");
        h.awaitQuiet();
        assertThat(h.slack.calls("files.completeUploadExternal")).isEmpty();
    }

    @Test
    void the_notes_read_right_in_both_languages() {
        for (var lang : io.taolun.core.Lang.values()) {
            io.taolun.core.Messages m = io.taolun.core.Messages.of(lang);
            for (String key : List.of("slack.fileToChannel", "slack.fileToYou", "slack.fileFailed")) {
                assertThat(m.get(key, "poll-7.csv")).contains("poll-7.csv").doesNotContain("{", "}", key);
            }
        }
    }

    /** The bytes of the one file uploaded: the fake keeps the body as ISO-8859-1 text, one char per byte. */
    private byte[] uploaded() {
        return h.slack.awaitCall("upload", 1, WAIT).body().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static List<Map<String, String>> parse(byte[] bytes) throws Exception {
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        CsvMapper csv = new CsvMapper();
        try (MappingIterator<Map<String, String>> it = csv.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).with(CsvParser.Feature.FAIL_ON_MISSING_COLUMNS)
                .readValues(text.substring(1))) {
            return it.readAll();
        }
    }

    private static String defused(String cell) {
        return "=+-@".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }

    private int votes() throws Exception {
        return Integer.parseInt(single("SELECT COUNT(*) FROM vote"));
    }

    private String storedQuestion() throws Exception {
        return single("SELECT question FROM poll WHERE id = 1");
    }

    private String single(String sql) throws Exception {
        try (Connection c = h.app.database().dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
