package io.taolun.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.taolun.core.TestBot;
import io.taolun.core.poll.VoteOutcome;
import io.taolun.core.poll.VoteReceipt;
import io.taolun.core.poll.VoteRequest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The migration that adds the running tally counts the votes cast before it, on H2 and PostgreSQL. */
final class VoteTallyMigrationTest {
    private static final Instant NOW = TestBot.NOW;

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void the_running_tally_starts_from_the_votes_already_cast(TestDatabases.Kind kind) throws Exception {
        // GIVEN a database of the version before the tally, with two polls and their votes, some withdrawn
        TestDatabases.Url url = TestDatabases.empty(kind);
        Flyway.configure().dataSource(url.url(), url.user(), url.password()).locations("classpath:db/migration")
                .target("7").load().migrate();
        try (Connection c = DriverManager.getConnection(url.url(), url.user(), url.password())) {
            poll(c, 1);
            poll(c, 2);
            poll(c, 3);
            vote(c, 1, "a", 1, false);
            vote(c, 1, "b", 1, false);
            vote(c, 1, "c", 2, false);
            vote(c, 1, "d", 2, true);
            vote(c, 1, "e", 3, true);
            vote(c, 2, "a", 4, false);
            vote(c, 3, "a", 5, true);
        }
        // WHEN the bot starts on it and migrates it
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try (Database db = Database.open(url.url(), url.user(), url.password(), 4);
                GroupCommitVoteLedger ledger = new GroupCommitVoteLedger(db.dataSource(), Duration.ofSeconds(1),
                        writer)) {
            // THEN the tally holds the votes that stand, and only those
            assertThat(tally(db)).isEqualTo(Map.of("1/1", 2, "1/2", 1, "2/4", 1));
            // AND the next vote counts on from it
            VoteReceipt receipt = ledger.cast(new VoteRequest(1, "console", "d", 1, NOW.plusSeconds(60)));
            assertThat(receipt.outcome()).isEqualTo(VoteOutcome.CAST);
            assertThat(receipt.counts()).isEqualTo(Map.of(1, 3, 2, 1));
            VoteReceipt moved = ledger.cast(new VoteRequest(1, "console", "a", 2, NOW.plusSeconds(60)));
            assertThat(moved.outcome()).isEqualTo(VoteOutcome.MOVED);
            assertThat(moved.counts()).isEqualTo(Map.of(1, 2, 2, 2));
            assertThat(tally(db)).isEqualTo(Map.of("1/1", 2, "1/2", 2, "2/4", 1));
        } finally {
            writer.shutdownNow();
        }
    }

    private static void poll(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO poll (id, article_id, claim_id, question, "
                + "platform, workspace, channel, opener, anonymous, hidden_results, opened_at) "
                + "VALUES (?, 'art', 'c1', 'q?', 'console', 'w', 'ch', 'alice', FALSE, FALSE, ?)")) {
            ps.setLong(1, id);
            Jdbc.setInstant(ps, 2, NOW);
            ps.executeUpdate();
        }
        for (int option = 1; option <= 5; option++) {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO poll_option (poll_id, option_no, label_zh, label_en) VALUES (?, ?, 'x', 'x')")) {
                ps.setLong(1, id);
                ps.setInt(2, option);
                ps.executeUpdate();
            }
        }
    }

    private static void vote(Connection c, long poll, String user, int option, boolean retracted)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO vote (poll_id, platform, user_id, option_no, "
                + "voted_at, retracted) VALUES (?, 'console', ?, ?, ?, ?)")) {
            ps.setLong(1, poll);
            ps.setString(2, user);
            ps.setInt(3, option);
            Jdbc.setInstant(ps, 4, NOW);
            ps.setBoolean(5, retracted);
            ps.executeUpdate();
        }
    }

    private static Map<String, Integer> tally(Database db) throws SQLException {
        Map<String, Integer> out = new TreeMap<>();
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT poll_id, option_no, votes FROM vote_tally");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getLong(1) + "/" + rs.getInt(2), rs.getInt(3));
            }
        }
        return out;
    }
}
