package io.taolun.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.taolun.core.TestBot;
import io.taolun.core.poll.VoteOutcome;
import io.taolun.core.poll.VoteReceipt;
import io.taolun.core.poll.VoteRequest;
import io.taolun.testing.Await;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The running count per option ({@code vote_tally}) that the ledger keeps instead of counting the poll. */
final class RunningTallyTest {
    private static final Instant NOW = TestBot.NOW;

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void a_changed_vote_moves_one_count_and_a_withdrawal_removes_it(TestDatabases.Kind kind) {
        try (PollHarness h = new PollHarness(kind)) {
            h.bot.as("alice", "poll c1");
            // WHEN bob votes 1, then 3, then presses 3 again after the double-click window, then 3 once more
            VoteReceipt cast = h.ledger.cast(new VoteRequest(1, "console", "bob", 1, NOW, "d1"));
            VoteReceipt moved = h.ledger.cast(new VoteRequest(1, "console", "bob", 3, NOW.plusSeconds(5), "d2"));
            VoteReceipt again = h.ledger.cast(new VoteRequest(1, "console", "bob", 3, NOW.plusSeconds(5), "d2"));
            VoteReceipt withdrawn = h.ledger.cast(new VoteRequest(1, "console", "bob", 3, NOW.plusSeconds(10), "d3"));
            VoteReceipt back = h.ledger.cast(new VoteRequest(1, "console", "bob", 2, NOW.plusSeconds(15), "d4"));
            // THEN each receipt carries the counts as of its commit
            assertThat(cast.outcome()).isEqualTo(VoteOutcome.CAST);
            assertThat(cast.counts()).isEqualTo(Map.of(1, 1));
            assertThat(moved.outcome()).isEqualTo(VoteOutcome.MOVED);
            assertThat(moved.counts()).isEqualTo(Map.of(3, 1));
            assertThat(again.outcome()).isEqualTo(VoteOutcome.REPEATED);
            assertThat(again.counts()).isEqualTo(Map.of(3, 1));
            assertThat(withdrawn.outcome()).isEqualTo(VoteOutcome.RETRACTED);
            assertThat(withdrawn.counts()).isEmpty();
            assertThat(back.outcome()).isEqualTo(VoteOutcome.CAST);
            assertThat(back.counts()).isEqualTo(Map.of(2, 1));
            // AND the poll store reads the same
            assertThat(h.store.tally(h.store.find(1).orElseThrow()).counts()).containsExactly(0, 1, 0, 0, 0);
            assertThat(running(h)).isEqualTo(counted(h));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void after_a_burst_of_changes_and_redeliveries_the_running_tally_equals_a_count_of_the_votes(
            TestDatabases.Kind kind) throws Exception {
        try (PollHarness h = new PollHarness(kind)) {
            h.bot.as("alice", "poll c1");
            h.bot.as("alice", "poll c2");
            // GIVEN 120 people have voted on two polls, all in groups held back until every vote waits
            List<VoteRequest> first = new ArrayList<>();
            for (int n = 0; n < 120; n++) {
                first.add(new VoteRequest(n % 2 + 1, "console", "p" + n, n % 5 + 1, NOW, "first" + n));
            }
            List<VoteOutcome> firstOutcomes = burst(h, first);
            assertThat(firstOutcomes).containsOnly(VoteOutcome.CAST);
            // WHEN they press again, all at once: some change their vote (a few twice), some withdraw it (same option after the
            // double-click window), some double-click (same option within it), newcomers vote, and every fourth
            // press is delivered twice by the platform
            List<VoteRequest> second = new ArrayList<>();
            int redelivered = 0;
            for (int n = 0; n < 160; n++) {
                long poll = n % 2 + 1;
                String user = "p" + (n % 120 + (n >= 120 ? 1000 : 0));
                int option = switch (n % 4) {
                    case 0 -> n % 5 + 1; // same option after the window: a withdrawal
                    case 1 -> (n + 2) % 5 + 1; // another option: a move
                    default -> n % 5 + 1;
                };
                Instant at = n % 4 == 3 ? NOW.plusMillis(200) : NOW.plusSeconds(5);
                VoteRequest press = new VoteRequest(poll, "console", user, option, at, "second" + n);
                second.add(press);
                if (n % 4 == 2) {
                    second.add(press);
                    redelivered++;
                }
                if (n % 8 == 1) {
                    // the mover changes their mind again in the same burst
                    second.add(new VoteRequest(poll, "console", user, (n + 3) % 5 + 1, NOW.plusSeconds(6),
                            "third" + n));
                }
            }
            List<VoteOutcome> secondOutcomes = burst(h, second);
            // THEN each re-delivered press counted once
            assertThat(secondOutcomes.stream().filter(o -> o == VoteOutcome.REPEATED).count())
                    .isEqualTo(redelivered);
            // AND the burst did change and withdraw votes, so the tally had something to follow
            assertThat(secondOutcomes).contains(VoteOutcome.MOVED, VoteOutcome.RETRACTED, VoteOutcome.CAST);
            // AND the running tally equals a count of the votes that stand, and the store reads it
            Map<String, Integer> counted = counted(h);
            assertThat(running(h)).isEqualTo(counted);
            for (long poll = 1; poll <= 2; poll++) {
                List<Integer> store = h.store.tally(h.store.find(poll).orElseThrow()).counts();
                for (int option = 1; option <= store.size(); option++) {
                    assertThat(store.get(option - 1)).isEqualTo(counted.getOrDefault(poll + "/" + option, 0));
                }
            }
        }
    }

    /** Casts every press at once, held behind a lock on the polls until all of them wait, so groups are large. */
    private static List<VoteOutcome> burst(PollHarness h, List<VoteRequest> presses) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(presses.size());
        try (Connection blocker = h.database.dataSource().getConnection()) {
            blocker.setAutoCommit(false);
            try (Statement s = blocker.createStatement()) {
                s.executeQuery("SELECT id FROM poll WHERE id IN (1, 2) FOR UPDATE").close();
            }
            CountDownLatch start = new CountDownLatch(1);
            List<Future<VoteOutcome>> results = new ArrayList<>();
            for (VoteRequest press : presses) {
                results.add(pool.submit(() -> {
                    start.await();
                    return h.ledger.cast(press).outcome();
                }));
            }
            start.countDown();
            Await.until("all " + presses.size() + " presses waiting for their commit",
                    () -> h.ledger.waiting() == presses.size());
            blocker.commit();
            List<VoteOutcome> outcomes = new ArrayList<>();
            for (Future<VoteOutcome> f : results) {
                outcomes.add(f.get(Await.CEILING.toSeconds(), TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The running tally, "poll/option" to votes, leaving out options whose votes were all withdrawn. */
    static Map<String, Integer> running(PollHarness h) {
        return rows(h, "SELECT poll_id, option_no, votes FROM vote_tally WHERE votes <> 0");
    }

    /** A count of the votes that stand, the way the tally was computed before it was kept. */
    static Map<String, Integer> counted(PollHarness h) {
        return rows(h, "SELECT poll_id, option_no, COUNT(*) FROM vote WHERE NOT retracted GROUP BY poll_id, option_no");
    }

    /** The same count over the choices of polls of several choices. */
    static Map<String, Integer> countedChoices(PollHarness h) {
        return rows(h, "SELECT poll_id, option_no, COUNT(*) FROM vote_choice WHERE NOT retracted "
                + "GROUP BY poll_id, option_no");
    }

    private static Map<String, Integer> rows(PollHarness h, String sql) {
        Map<String, Integer> out = new TreeMap<>();
        try (Connection c = h.database.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.put(rs.getLong(1) + "/" + rs.getInt(2), rs.getInt(3));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
