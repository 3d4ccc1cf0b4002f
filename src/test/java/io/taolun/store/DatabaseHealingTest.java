package io.taolun.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.taolun.core.TestBot;
import io.taolun.core.poll.VoteOutcome;
import io.taolun.core.poll.VoteRejectedException;
import io.taolun.core.poll.VoteRequest;
import io.taolun.testing.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The readiness probe is a write, and the pool heals: when H2 closes itself (as it does when a write fails on a full
 * disk; {@code SHUTDOWN IMMEDIATELY} does the same here), votes work again as soon as the file can be opened.
 */
final class DatabaseHealingTest {

    @Test
    void the_probe_fails_while_h2_is_closed_and_cannot_be_opened_and_votes_count_again_once_it_can() throws Exception {
        TestDatabases.Url url = TestDatabases.fresh(TestDatabases.Kind.H2);
        Path file = h2File(url);
        Path aside = file.resolveSibling("taolun.mv.db.aside");
        try (PollHarness h = new PollHarness(url, TestBot.everyoneMayOpen())) {
            // GIVEN a poll with one vote, and a database that takes writes
            h.bot.as("alice", "poll c1");
            assertThat(cast(h, "alice")).isEqualTo(VoteOutcome.CAST);
            assertThat(h.database.probe()).isTrue();

            // WHEN H2 closes itself while its file cannot be opened again (a file that is no database in its place
            // stands for the cause, which a full disk would be; H2 refuses it and leaves it alone)
            Files.move(file, aside);
            Files.write(file, "not an H2 database\n".repeat(512).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            shutDownImmediately(h.database);

            // THEN the probe says so (a vote now would wait the pool's 30 s for a connection before it is refused)
            assertThat(h.database.probe()).isFalse();

            // WHEN the cause is gone, in one step: the pool keeps trying to reopen the file, and in any moment with
            // no file there it would create a new, empty database (a directory in the file's place made this test
            // fail so under load: Java replaces a directory by deleting it first); one rename replaces a file
            Files.move(aside, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);

            // THEN, with no restart, the probe passes, votes count again, and the vote from before is kept
            try {
                Await.until("the probe passing again", h.database::probe);
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "; a direct connection: " + direct(url), e);
            }
            assertThat(h.database.probe()).isTrue();
            assertThat(cast(h, "bob")).isEqualTo(VoteOutcome.CAST);
            assertThat(h.store.tally(h.store.find(1).orElseThrow()).total()).isEqualTo(2);
        }
    }

    @Test
    void votes_recover_by_themselves_when_h2_closes_under_steady_traffic() throws Exception {
        try (PollHarness h = new PollHarness(TestDatabases.Kind.H2)) {
            // GIVEN a poll with one vote
            h.bot.as("alice", "poll c1");
            assertThat(cast(h, "alice")).isEqualTo(VoteOutcome.CAST);

            // WHEN H2 closes itself, and a vote is tried every few milliseconds: more often than HikariCP's 500 ms
            // validation window, inside which it used to lend the dead connection out again for ever
            shutDownImmediately(h.database);
            Await.until("a vote counted again", () -> {
                try {
                    return cast(h, "bob") == VoteOutcome.CAST;
                } catch (VoteRejectedException e) {
                    return false;
                }
            });

            // THEN both votes are there
            assertThat(h.store.tally(h.store.find(1).orElseThrow()).total()).isEqualTo(2);
        }
    }

    @Test
    void the_probe_fails_on_an_h2_file_opened_read_only_though_its_connections_are_valid() throws Exception {
        // GIVEN H2 opening its file read-only, as it does with a file it may not write
        TestDatabases.Url url = TestDatabases.fresh(TestDatabases.Kind.H2);
        try (Database db = Database.open(url.url() + ";ACCESS_MODE_DATA=r", url.user(), url.password(), 2);
                Connection c = db.dataSource().getConnection()) {
            // WHEN it is probed
            boolean probed = db.probe();

            // THEN a connection check would pass, and the probe does not
            assertThat(c.isValid(2)).isTrue();
            assertThat(probed).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void the_probe_writes_one_row_over_and_over_and_adds_none(TestDatabases.Kind kind) throws Exception {
        try (Database db = TestDatabases.open(kind)) {
            // WHEN a healthy database is probed three times
            boolean first = db.probe();
            boolean second = db.probe();
            boolean third = db.probe();

            // THEN each probe passes, each wrote, and the table still holds one row
            assertThat(first && second && third).isTrue();
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT COUNT(*), MAX(probes) FROM health_probe")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(1);
                assertThat(rs.getLong(2)).isEqualTo(3);
            }
        }
    }

    private static VoteOutcome cast(PollHarness h, String user) {
        return h.ledger.cast(new VoteRequest(1, "console", user, 1, TestBot.NOW)).outcome();
    }

    /** What H2 does itself when a write fails: closes the database under every open connection. */
    private static void shutDownImmediately(Database db) {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN IMMEDIATELY");
        } catch (SQLException expected) {
            // H2 reports the database closed under the statement that closed it
        }
    }

    /** What opening the database directly, outside the pool, says. */
    private static String direct(TestDatabases.Url url) {
        try (Connection c = java.sql.DriverManager.getConnection(url.url(), url.user(), url.password());
                Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE health_probe SET probes = probes + 1 WHERE id = 1");
            return "opens and writes";
        } catch (SQLException e) {
            StringBuilder chain = new StringBuilder();
            for (Throwable t = e; t != null; t = t.getCause()) {
                chain.append(" <- ").append(t);
            }
            return chain.toString();
        }
    }

    /** The file of an H2 database given by {@link Database#h2Url}. */
    private static Path h2File(TestDatabases.Url url) {
        String path = url.url().substring("jdbc:h2:file:".length(), url.url().indexOf(';'));
        return Path.of(path + ".mv.db");
    }
}
