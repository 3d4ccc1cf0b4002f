package io.taolun.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import io.taolun.slack.SlackRequests;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/**
 * What reaches the log from Slack requests, through the shipped {@code logback.xml} at DEBUG: never a request body
 * (user text, user ids, {@code response_url}), and never a raw control character that could forge a log line.
 */
final class SlackLogHygieneTest {
    /** Text a user typed; it must never be logged. */
    private static final String USER_TEXT = "private-words-of-alice";
    /** What a forged log line after an injected newline would start with. */
    private static final String FORGED = "00:00:00.000 ERROR i.t.app.Forged - FORGED";
    /** Control characters other than a tab and the newline that ends each line. */
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\t\\n]]");

    @TempDir
    Path data;

    private final LoggerContext logs = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private SlackServerHarness h;

    /** Configures logging from the shipped logback.xml as TAOLUN_LOG_LEVEL=DEBUG would, captured instead of stderr. */
    private void logAtDebug(String format) throws Exception {
        logs.reset();
        logs.putProperty("TAOLUN_LOG_LEVEL", "DEBUG");
        logs.putProperty("TAOLUN_LOG_FORMAT", format);
        JoranConfigurator config = new JoranConfigurator();
        config.setContext(logs);
        config.doConfigure(SlackLogHygieneTest.class.getResource("/logback.xml"));
        Logger root = logs.getLogger(Logger.ROOT_LOGGER_NAME);
        @SuppressWarnings("unchecked")
        OutputStreamAppender<ILoggingEvent> console = (OutputStreamAppender<ILoggingEvent>) root.getAppender(format);
        Encoder<ILoggingEvent> encoder = console.getEncoder();
        root.detachAppender(console);
        OutputStreamAppender<ILoggingEvent> capture = new OutputStreamAppender<>();
        capture.setContext(logs);
        capture.setEncoder(encoder);
        capture.setOutputStream(captured);
        capture.start();
        root.addAppender(capture);
    }

    @AfterEach
    void stop() throws Exception {
        if (h != null) {
            h.close();
        }
        logs.reset();
        new ContextInitializer(logs).autoConfig();
    }

    private String logged() {
        synchronized (captured) {
            return captured.toString(StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "json"})
    void signed_requests_leave_no_body_and_no_control_character_in_the_log(String format) throws Exception {
        // GIVEN the shipped logging at DEBUG, and a running bot
        logAtDebug(format);
        h = new SlackServerHarness(data);
        String injected = USER_TEXT + "\n" + FORGED + "\r\u001b[2J";
        // WHEN Slack-signed requests arrive: an interaction type the bot has no handler for, a slash command it does
        // not know, a button with an unknown action id, and an ordinary command, each carrying user text
        String view = "{\"type\":\"view_submission\",\"team\":{\"id\":\"T1\"},\"user\":{\"id\":\"U-alice\"},"
                + "\"api_app_id\":\"A1\",\"view\":{\"callback_id\":\"x\",\"private_metadata\":\""
                + injected.replace("\n", "\\n").replace("\r", "\\r").replace("\u001b", "\\u001b") + "\"}}";
        h.post("payload=" + URLEncoder.encode(view, StandardCharsets.UTF_8), Map.of());
        h.post(SlackRequests.slashCommand("T1", "C1", "U-alice", injected, h.slack.responseUrl("cmd"),
                h.nextTrigger()).replace("%2Farticle", "%2Fother"), Map.of());
        // (an action id with a line break matches no handler at all; this one reaches the bot's own log line)
        h.click("U-alice", "unknown-\u001b[2J\u0007", "vote 1 1", "1700000000.000100", h.nextTrigger(), Map.of());
        h.command("U-alice", "search " + injected);
        h.awaitQuiet();
        // THEN the log holds none of the user's text, no response_url, and no control character but line ends
        String log = logged();
        assertThat(log).isNotBlank();
        assertThat(log).doesNotContain(USER_TEXT, h.slack.responseUrl("cmd"), "response_url", "private_metadata");
        assertThat(CONTROL.matcher(log).find()).as("a raw control character in:\n%s", log).isFalse();
        assertThat(log.lines()).noneMatch(line -> line.startsWith(FORGED));
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "json"})
    void a_logged_line_break_or_escape_sequence_cannot_start_a_forged_line(String format) throws Exception {
        // GIVEN the shipped logging
        logAtDebug(format);
        // WHEN a message carrying a line break, a carriage return and a terminal escape is logged
        LoggerFactory.getLogger("io.taolun.app.Sample").warn("refused {}", "x\n" + FORGED + "\r\u001b[2J");
        // THEN it stays one line, its control characters replaced (text) or escaped (JSON)
        String log = logged();
        assertThat(log.lines()).hasSize(1);
        assertThat(CONTROL.matcher(log).find()).isFalse();
        assertThat(log).contains(format.equals("text") ? "x?" + FORGED + "??[2J" : "x\\n" + FORGED);
    }

    @Test
    void a_stack_trace_is_printed_once_keeping_its_line_breaks_and_losing_other_control_characters() throws Exception {
        // GIVEN the shipped text logging
        logAtDebug("text");
        // WHEN a failure whose message carries an escape sequence is logged
        LoggerFactory.getLogger("io.taolun.app.Sample").error("failed", new IllegalStateException("boom\u001b[2J"));
        // THEN its trace follows the line once, with the escape replaced
        String log = logged();
        assertThat(log.split("IllegalStateException", -1)).hasSize(2);
        assertThat(log).contains("java.lang.IllegalStateException: boom?[2J");
        assertThat(log.lines().skip(2)).allMatch(line -> line.startsWith("\tat ") || line.startsWith("\t..."));
        assertThat(CONTROL.matcher(log).find()).isFalse();
    }
}
