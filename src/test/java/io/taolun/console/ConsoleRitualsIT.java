package io.taolun.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.taolun.testing.Await;
import io.taolun.testing.ChildJvm;
import io.taolun.testing.TouchesTime;
import java.awt.image.BufferedImage;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rituals' "done when", as a newcomer would try it: the console with a clock started at 08:00 on a Monday in
 * Shanghai and running 200 times fast, commands piped in. The quote of the day and the weekly poll appear once each
 * at 09:00 local, the poll closes an hour (18 real seconds) later and its results come with a chart file. The test
 * ends the console once the results are out, not after a fixed time.
 *
 * <p>The clock runs from the moment the console is up, so the schedule commands must be handled before 09:00 on it:
 * the hour before gives them 18 real seconds. (It once started at 08:53, two real seconds ahead; a JVM slowed by
 * faketime on a loaded CI machine took longer than that over its first command, the slots went to the next day, and
 * the test waited in vain.) Each post then has real seconds to spare within the minutes its stamp allows.
 */
@TouchesTime
final class ConsoleRitualsIT {
    @TempDir
    Path data;

    @Test
    void a_quote_and_a_weekly_poll_are_posted_once_at_nine_and_the_poll_closes_with_a_chart() throws Exception {
        // GIVEN the console at 08:00 Shanghai time on Monday 2026-11-30 (the clock holds until the console is up),
        // its clock running 200x
        Path out = data.resolve("out.txt");
        Path err = data.resolve("err.txt");
        Process p = console("admin", "2026-11-30T08:00:00+08:00", "200", out, err);
        try (Writer in = new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8)) {
            // WHEN an admin schedules a quote of the day and a weekly poll for 09:00, and asks for today's quote
            in.write("/article schedule qotd 09:00 Asia/Shanghai\n"
                    + "/article schedule weekly-poll mon 09:00 Asia/Shanghai --close-after 1h\n"
                    + "/article quote today\n");
            in.flush();
            // AND stays until the poll's results are out in the channel and in its thread (the scenario itself takes
            // 40 real seconds of clock, after a start-up that faketime makes several times slower)
            awaitPrinted(p, out, err, "the poll's results in the channel and the thread", "投票 #1 的结果", 2);
            in.write("quit\n");
        }
        assertThat(p.waitFor(Await.CEILING.toSeconds(), TimeUnit.SECONDS)).as("the console exits").isTrue();
        String text = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(text + Files.readString(err, StandardCharsets.UTF_8)).isZero();

        // THEN both schedules are confirmed
        assertThat(text).contains("已安排 #1").contains("已安排 #2");
        // AND exactly one quote of the day was posted, stamped 09:00-09:20 local, the same quote `quote today` showed
        List<String> posts = headers(text, "定期发布");
        assertThat(posts).hasSize(3);
        assertThat(posts).allSatisfy(stamp -> assertThat(stamp).matches("2026-11-30 (09:[01]\\d|10:[0-2]\\d)"));
        assertThat(count(text, "今日金句 · 2026-11-30")).isEqualTo(2);
        String todays = firstQuote(text.substring(0, text.indexOf("== ")));
        String posted = firstQuote(text.substring(text.indexOf("今日金句 · 2026-11-30", text.indexOf("== "))));
        assertThat(posted).isEqualTo(todays);
        // AND exactly one poll was posted (at 09:xx), with the closing question in its thread
        assertThat(count(text, "投票 #1\n")).isEqualTo(1);
        assertThat(headers(text, "讨论串")).hasSize(2);
        assertThat(text).contains("你觉得呢");
        // AND after an hour (local) its results were posted in the channel and the thread, each with the chart
        assertThat(count(text, "投票 #1 的结果")).isEqualTo(2);
        Path chart = data.resolve("charts").resolve("poll-1.png");
        assertThat(text).contains(chart.toAbsolutePath().toString());
        BufferedImage image = ImageIO.read(chart.toFile());
        assertThat(image.getWidth()).isEqualTo(800);
    }

    @Test
    void a_poll_opened_at_the_prompt_gets_one_reminder_in_its_thread_a_day_before_it_closes_then_its_results()
            throws Exception {
        // GIVEN the console at 09:00 Shanghai time, its clock running 20000x (72 hours in 13 real seconds)
        Path out = data.resolve("out.txt");
        Path err = data.resolve("err.txt");
        Process p = console("alice", "2026-11-30T09:00:00+08:00", "20000", out, err);
        try (Writer in = new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8)) {
            // WHEN alice opens a poll of 72 hours and votes, and stays until its results are out
            in.write("/article poll c3 --hours 72\n/article vote 1 2\n");
            in.flush();
            awaitPrinted(p, out, err, "the poll's results", "投票 #1 的结果", 1);
            in.write("quit\n");
        }
        assertThat(p.waitFor(Await.CEILING.toSeconds(), TimeUnit.SECONDS)).as("the console exits").isTrue();
        String text = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(text + Files.readString(err, StandardCharsets.UTF_8)).isZero();

        // THEN one reminder was printed before the results, in the poll's thread, with the vote counted
        assertThat(count(text, "⏰ 投票 #1 还有约")).as(text).isEqualTo(1);
        int reminder = text.indexOf("⏰ 投票 #1 还有约");
        assertThat(reminder).isLessThan(text.indexOf("投票 #1 的结果"));
        assertThat(text.substring(text.lastIndexOf("== ", reminder), reminder)).contains("投票 #1「", "讨论串");
        assertThat(text.substring(reminder)).contains("已有 1 人投票。");
        // AND the results once
        assertThat(count(text, "投票 #1 的结果")).isEqualTo(1);
    }

    /** The console as a child JVM on this test's data, with no platform tokens, its clock started and sped up. */
    private Process console(String user, String clockStart, String speed, Path out, Path err) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(ChildJvm.jar(List.of("-Djava.awt.headless=true"), "console",
                "--data", data.toString(), "--user", user, "--clock-start", clockStart, "--clock-speed", speed));
        pb.environment().remove("SLACK_BOT_TOKEN");
        pb.environment().remove("DISCORD_TOKEN");
        pb.environment().remove("TAOLUN_CONFIG");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
        return pb.start();
    }

    /**
     * Waits (up to 3 minutes) until the console has printed {@code needle} {@code times} times while it runs; on a
     * timeout the failure shows all it printed, on stdout and stderr.
     */
    private static void awaitPrinted(Process p, Path out, Path err, String what, String needle, int times)
            throws Exception {
        try {
            Await.until(what, Duration.ofMinutes(3), () -> {
                assertThat(p.isAlive()).as("the console is running").isTrue();
                return count(Files.readString(out, StandardCharsets.UTF_8), needle) >= times;
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n--- the console printed:\n"
                    + Files.readString(out, StandardCharsets.UTF_8) + "\n--- and on stderr:\n"
                    + Files.readString(err, StandardCharsets.UTF_8), e);
        }
    }

    /** The time stamps of post headers containing the marker. */
    private static List<String> headers(String text, String marker) {
        List<String> stamps = new ArrayList<>();
        Matcher m = Pattern.compile("== (\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d) Asia/Shanghai · ([^\\n]*)==").matcher(text);
        while (m.find()) {
            if (m.group(2).contains(marker)) {
                stamps.add(m.group(1));
            }
        }
        return stamps;
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
            n++;
        }
        return n;
    }

    private static String firstQuote(String text) {
        int open = text.indexOf('「');
        return text.substring(open, text.indexOf('」', open) + 1);
    }
}
