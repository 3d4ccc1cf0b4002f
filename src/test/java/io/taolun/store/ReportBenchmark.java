package io.taolun.store;

import io.taolun.core.Reply;
import io.taolun.core.TestBot;
import io.taolun.core.article.Claim;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code /article report all} in a channel with a season of discussion: {@code bench.reportPolls} closed claim polls
 * (default 120, going round the article's debatable claims) of 20 voters each, a tenth of them paired with a round 2
 * whose voters partly change their answer. Measures the whole command (reading the channel's polls and tallies,
 * divisiveness, shifts, the undiscussed claims, the text) against the database floor measured in the same run: one
 * query reading the same polls' counts per option, which any report needs. Median of 9 warm runs of each. Prints a
 * table; decides nothing. Run with {@code mvn -B -q -Pbench test -Dtest=ReportBenchmark}.
 */
@Tag("benchmark")
final class ReportBenchmark {
    private static final int POLLS = Integer.getInteger("bench.reportPolls", 120);
    private static final int VOTERS = 20;
    private static final int RUNS = 9;
    private static final StringBuilder TABLE = new StringBuilder();

    @BeforeAll
    static void header() {
        TABLE.append(String.format(Locale.ROOT, "%n report all over %d closed polls of %d voters (%d pairs), %d cores%n",
                POLLS, VOTERS, POLLS / 10, Runtime.getRuntime().availableProcessors()));
        TABLE.append("| database   | report all, ms | floor: one query of the counts, ms | ratio (floor / report) |\n");
        TABLE.append("|------------|----------------|------------------------------------|------------------------|\n");
    }

    @AfterAll
    static void print() {
        System.out.println(TABLE);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void report_all_against_reading_the_counts(TestDatabases.Kind kind) throws Exception {
        try (RitualHarness h = new RitualHarness(kind, Instant.parse("2026-11-30T01:00:00Z"))) {
            TestBot bot = TestBot.withPolls(h.polls, h.ledger, TestBot.everyoneMayOpen());
            List<Claim> claims = h.article.claims().stream().filter(c -> c.kind().debatable()).toList();
            Random random = new Random(16);
            for (int i = 0; i < POLLS; i++) {
                Claim claim = claims.get(i % claims.size());
                boolean paired = i % 10 == 0;
                long id = pollId(bot.as("host", "poll " + claim.id() + (paired ? " --rounds 2" : "")));
                int[] first = new int[VOTERS];
                for (int v = 0; v < VOTERS; v++) {
                    first[v] = 1 + random.nextInt(claim.options().size());
                    bot.as("u" + v, "vote " + id + " " + first[v]);
                }
                if (paired) {
                    long second = pollId(bot.as("host", "round " + id));
                    for (int v = 0; v < VOTERS; v++) {
                        int answer = random.nextInt(3) == 0 ? 1 + random.nextInt(claim.options().size()) : first[v];
                        bot.as("u" + v, "vote " + second + " " + answer);
                    }
                    id = second;
                }
                bot.as("host", "close " + id);
            }
            String text = bot.as("host", "report all").plainText();
            if (!text.contains("讨论前后（两轮投票）") || !text.contains("还没讨论过的观点（0 个）")) {
                throw new AssertionError("the report misses the pairs or the claims: " + text);
            }
            double report = median(() -> bot.as("host", "report all"));
            double floor = median(() -> counts(h));
            TABLE.append(String.format(Locale.ROOT, "| %-10s | %14.1f | %34.1f | %22.2f |%n", kind, report, floor,
                    floor / report));
        }
    }

    /** The vote counts per option of the channel's polls, in one query: what every report reads at least. */
    private static int counts(RitualHarness h) {
        try (Connection c = h.database.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT p.id, p.claim_id, t.option_no, t.votes FROM poll p JOIN vote_tally t ON t.poll_id = p.id "
                        + "WHERE p.platform = ? AND p.channel = ? ORDER BY p.id, t.option_no")) {
            ps.setString(1, "console");
            ps.setString(2, "general");
            int rows = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows += rs.getInt(4) >= 0 ? 1 : 0;
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long pollId(Reply opened) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("#(\\d+)").matcher(opened.plainText());
        if (!m.find()) {
            throw new AssertionError("no poll id in " + opened.plainText());
        }
        return Long.parseLong(m.group(1));
    }

    private static double median(Supplier<?> run) {
        for (int i = 0; i < 3; i++) {
            run.get();
        }
        double[] ms = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            run.get();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return ms[RUNS / 2];
    }
}
