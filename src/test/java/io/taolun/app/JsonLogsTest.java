package io.taolun.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The shipped {@code logback.xml} with {@code TAOLUN_LOG_FORMAT=json}: an ISO-8601 {@code timestamp} in UTC, and the
 * fields docs/operations.md names.
 */
final class JsonLogsTest {
    private final LoggerContext logs = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final ObjectMapper json = new ObjectMapper();
    private Encoder<ILoggingEvent> encoder;

    /** The json appender's encoder, configured from the shipped logback.xml as TAOLUN_LOG_FORMAT=json would. */
    @BeforeEach
    void configureJson() throws Exception {
        logs.reset();
        logs.putProperty("TAOLUN_LOG_FORMAT", "json");
        JoranConfigurator config = new JoranConfigurator();
        config.setContext(logs);
        config.doConfigure(JsonLogsTest.class.getResource("/logback.xml"));
        @SuppressWarnings("unchecked")
        OutputStreamAppender<ILoggingEvent> console = (OutputStreamAppender<ILoggingEvent>)
                logs.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("json");
        encoder = console.getEncoder();
    }

    @AfterEach
    void restore() throws Exception {
        logs.reset();
        new ContextInitializer(logs).autoConfig();
    }

    private JsonNode encode(ILoggingEvent event) throws Exception {
        String line = new String(encoder.encode(event), StandardCharsets.UTF_8);
        assertThat(line.lines()).hasSize(1);
        return json.readTree(line);
    }

    private LoggingEvent warningAt(Instant at, Throwable failure) {
        Logger logger = logs.getLogger("io.taolun.app.Sample");
        LoggingEvent event = new LoggingEvent(Logger.class.getName(), logger, Level.WARN, "refused {}", failure,
                new Object[] {"x"});
        event.setTimeStamp(at.toEpochMilli());
        event.setThreadName("main");
        event.setMDCPropertyMap(Map.of("platform", "slack", "channel", "C1", "request", "4873908d"));
        return event;
    }

    @Test
    void the_timestamp_is_an_iso_8601_instant_in_utc_with_milliseconds() throws Exception {
        // GIVEN events at a known instant, one of them on a whole second
        Instant at = Instant.parse("2026-12-05T08:41:03.123Z");
        Instant whole = Instant.parse("2026-12-05T08:41:03Z");
        // WHEN the shipped json encoder writes them
        JsonNode line = encode(warningAt(at, null));
        JsonNode onTheSecond = encode(warningAt(whole, null));
        // THEN the timestamp is text that parses back to the same instant, in UTC, always with three fraction digits
        assertThat(line.get("timestamp").isTextual()).isTrue();
        assertThat(line.get("timestamp").asText()).isEqualTo("2026-12-05T08:41:03.123Z");
        assertThat(Instant.parse(line.get("timestamp").asText())).isEqualTo(at);
        assertThat(OffsetDateTime.parse(line.get("timestamp").asText()).getOffset()).isEqualTo(ZoneOffset.UTC);
        assertThat(onTheSecond.get("timestamp").asText()).isEqualTo("2026-12-05T08:41:03.000Z");
        assertThat(Instant.parse(onTheSecond.get("timestamp").asText())).isEqualTo(whole);
    }

    @Test
    void a_line_logged_through_slf4j_carries_an_iso_8601_timestamp() throws Exception {
        // GIVEN the json appender writing into memory instead of stderr
        Logger root = logs.getLogger(Logger.ROOT_LOGGER_NAME);
        root.detachAppender("json");
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        OutputStreamAppender<ILoggingEvent> capture = new OutputStreamAppender<>();
        capture.setContext(logs);
        capture.setEncoder(encoder);
        capture.setOutputStream(captured);
        capture.start();
        root.addAppender(capture);
        // WHEN a warning is logged the ordinary way
        LoggerFactory.getLogger("io.taolun.app.Sample").warn("refused {}", "x");
        // THEN its line's timestamp is an ISO-8601 instant, not epoch milliseconds
        JsonNode line = json.readTree(captured.toString(StandardCharsets.UTF_8));
        assertThat(line.get("timestamp").isTextual()).isTrue();
        assertThat(Instant.parse(line.get("timestamp").asText())).isAfter(Instant.parse("2020-01-01T00:00:00Z"));
        assertThat(line.get("formattedMessage").asText()).isEqualTo("refused x");
    }

    @Test
    void a_line_has_exactly_the_fields_docs_operations_names() throws Exception {
        // GIVEN the field list in docs/operations.md's Logs section
        String docs = Files.readString(Path.of("docs", "operations.md"), StandardCharsets.UTF_8);
        Matcher list = Pattern.compile("one JSON object per line \\(([^)]*)\\)").matcher(docs);
        assertThat(list.find()).as("the field list in docs/operations.md").isTrue();
        Set<String> documented = new HashSet<>();
        Matcher field = Pattern.compile("`(\\w+)`").matcher(list.group(1));
        while (field.find()) {
            documented.add(field.group(1));
        }
        // WHEN an event with an MDC and a failure is encoded
        JsonNode line = encode(warningAt(Instant.parse("2026-12-05T08:41:03.123Z"), new IllegalStateException("boom")));
        // THEN its fields are the documented ones, no more and no fewer
        Set<String> written = new HashSet<>();
        line.fieldNames().forEachRemaining(written::add);
        assertThat(written).isEqualTo(documented);
        assertThat(line.get("mdc").get("channel").asText()).isEqualTo("C1");
    }
}
