package io.taolun.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.taolun.core.ChatRequest;
import io.taolun.core.TestBot;
import io.taolun.core.poll.Poll;
import io.taolun.core.poll.PollService;
import io.taolun.core.poll.RoundShift;
import io.taolun.testing.TouchesTime;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A poll of two rounds through the poll service on each database, with the vote ledger's group commit: the shift is
 * exact for a scripted set of voters, and no voter's user id is stored anywhere in the database (read back table by
 * table), before or after the pair closes.
 */
@TouchesTime
final class RoundsOnDatabasesTest {
    private static final Instant T0 = Instant.parse("2026-06-01T10:00:00Z");
    /** Voter ids that cannot be mistaken for anything else stored. */
    private static final List<String> VOTERS = List.of("U7VOTERA1", "U7VOTERB2", "U7VOTERC3", "U7VOTERD4",
            "U7VOTERE5", "U7VOTERF6", "U7VOTERG7");

    private static ChatRequest as(String user, String text) {
        return new ChatRequest("slack", "T1", "C1", user, "", text);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void the_shift_is_exact_and_no_voter_id_is_stored(TestDatabases.Kind kind) throws SQLException {
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try (Database db = TestDatabases.open(kind)) {
            SettableClock clock = new SettableClock(T0);
            JdbcPollStore store = new JdbcPollStore(db.dataSource());
            GroupCommitVoteLedger ledger = new GroupCommitVoteLedger(db.dataSource(), Duration.ofSeconds(1), writer);
            PollService polls = new PollService(TestBot.library().defaultArticle().orElseThrow(), store, ledger, TestBot.everyoneMayOpen(),
                    clock);
            try {
                Poll first = polls.open(as("alice", "poll"), new PollService.OpenRequest(Optional.of("c5"),
                        Optional.empty(), List.of(), Optional.empty(), false, true, 2));
                // round 1: A, B, C agree (2); D, E disagree (4); F strongly agrees (1)
                int[] before = {2, 2, 2, 4, 4, 1};
                for (int i = 0; i < before.length; i++) {
                    polls.vote(as(VOTERS.get(i), "vote"), first.id(), before[i]);
                }
                clock.set(T0.plus(Duration.ofDays(2)));
                Poll second = polls.openSecondRound(as("alice", "round"), first.id(), Optional.empty());
                // round 2: A, B keep 2; C moves to 4; D moves to 2; E does not vote; F moves to 2 then to 3;
                // G (new) votes 5
                int[][] after = {{0, 2}, {1, 2}, {2, 4}, {3, 2}, {5, 2}, {6, 5}};
                for (int[] vote : after) {
                    polls.vote(as(VOTERS.get(vote[0]), "vote"), second.id(), vote[1]);
                }
                clock.set(clock.instant().plusSeconds(30));
                polls.vote(as(VOTERS.get(5), "vote"), second.id(), 3);

                RoundShift shift = polls.shift(second).orElseThrow();
                assertThat(shift.before().counts()).containsExactly(1, 3, 0, 2, 0);
                assertThat(shift.after().counts()).containsExactly(0, 3, 1, 1, 1);
                assertThat(shift.kept()).isEqualTo(2);
                assertThat(shift.changed()).isEqualTo(3);
                assertThat(shift.onlyBefore()).isEqualTo(1);
                assertThat(shift.onlyAfter()).isEqualTo(1);
                assertThat(shift.moves()).containsExactly(new RoundShift.Move(1, 3, 1), new RoundShift.Move(2, 4, 1),
                        new RoundShift.Move(4, 2, 1));
                // shares 1/6, 3/6, 0, 2/6, 0 against 0, 3/6, 1/6, 1/6, 1/6: |changes| sum to 4/6, half is 33 points
                assertThat(shift.netShiftPoints()).hasValue(33);
                assertThat(noVoterIdIn(db)).isEmpty();
                assertThat(salts(db)).containsOnly(true);

                polls.close(as("alice", "close"), second.id());
                assertThat(salts(db)).containsOnly(false);
                assertThat(noVoterIdIn(db)).isEmpty();
                // the hashes still link the rounds once the salt is gone
                assertThat(polls.shift(store.find(second.id()).orElseThrow()).orElseThrow()).isEqualTo(shift);
                assertThat(storedVoters(db)).hasSize(12).allMatch(v -> v.matches("v[0-9a-f]{64}"));
            } finally {
                ledger.close();
            }
        } finally {
            writer.shutdownNow();
        }
    }

    /** Every text value of every table that holds one of the voters' ids. */
    private static List<String> noVoterIdIn(Database db) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    String schema = rs.getString("TABLE_SCHEM");
                    if (schema != null && schema.equalsIgnoreCase("public")) {
                        tables.add(rs.getString("TABLE_NAME"));
                    }
                }
            }
            assertThat(tables).extracting(String::toLowerCase).contains("poll", "vote", "vote_tally", "delivery");
            for (String table : tables) {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM " + table)) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= columns; i++) {
                            String value = String.valueOf(rs.getObject(i));
                            VOTERS.stream().filter(value::contains).forEach(v -> found.add(table + ": " + value));
                        }
                    }
                }
            }
        }
        return found;
    }

    private static List<Boolean> salts(Database db) throws SQLException {
        List<Boolean> out = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT voter_salt FROM poll ORDER BY id")) {
            while (rs.next()) {
                out.add(rs.getString(1) != null);
            }
        }
        return out;
    }

    private static List<String> storedVoters(Database db) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT user_id FROM vote")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
