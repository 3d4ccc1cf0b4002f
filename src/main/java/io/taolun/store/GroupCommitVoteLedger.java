package io.taolun.store;

import io.taolun.core.poll.VoteLedger;
import io.taolun.core.poll.VoteOutcome;
import io.taolun.core.poll.VoteReceipt;
import io.taolun.core.poll.VoteRejectedException;
import io.taolun.core.poll.VoteRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable vote path. Callers block in {@link #cast} until their vote is committed; one writer drains whatever
 * votes are waiting and commits them together, so a burst costs one commit per group instead of one per vote.
 *
 * <p>Each vote is a short sequence of single-statement writes, each atomic on its own, against a table whose primary
 * key is (poll, platform, user): retract if the same option was chosen before the double-click window, else move an
 * existing vote, else insert; a conflicting insert (another replica got there first) falls back to the move. No
 * value is read and written back, so concurrent presses can never count a voter twice. Votes in a group are applied
 * in key order, so two replicas writing groups at once take row locks in the same order.
 */
public final class GroupCommitVoteLedger implements VoteLedger, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitVoteLedger.class);
    static final int MAX_GROUP = 256;
    private static final long WAIT_SECONDS = 30;

    private static final String RETRACT = "DELETE FROM vote WHERE poll_id = ? AND platform = ? AND user_id = ? "
            + "AND option_no = ? AND voted_at <= ?";
    private static final String MOVE = "UPDATE vote SET option_no = ?, voted_at = ? "
            + "WHERE poll_id = ? AND platform = ? AND user_id = ? AND option_no <> ?";
    private static final String INSERT = "INSERT INTO vote (poll_id, platform, user_id, option_no, voted_at) "
            + "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";

    private static final String COUNT = "SELECT option_no, COUNT(*) FROM vote WHERE poll_id = ? GROUP BY option_no";

    private static final Comparator<Pending> KEY_ORDER = Comparator
            .comparingLong((Pending p) -> p.vote.pollId())
            .thenComparing(p -> p.vote.platform())
            .thenComparing(p -> p.vote.user());

    private final DataSource db;
    private final Duration doubleClick;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();
    private volatile boolean running = true;
    private final LongAdder groups = new LongAdder();
    private final LongAdder votes = new LongAdder();

    private record Pending(VoteRequest vote, CompletableFuture<VoteReceipt> done) {
    }

    /**
     * @param doubleClick a repeat of the same option within this time is a double click and changes nothing
     * @param writer      runs the writer loop; owned by the caller, who shuts it down after {@link #close}
     */
    public GroupCommitVoteLedger(DataSource db, Duration doubleClick, ExecutorService writer) {
        this.db = db;
        this.doubleClick = doubleClick;
        writer.execute(this::writeLoop);
    }

    @Override
    public VoteReceipt cast(VoteRequest vote) {
        if (!running) {
            throw new VoteRejectedException("the ledger is closed", null);
        }
        Pending pending = new Pending(vote, new CompletableFuture<>());
        queue.add(pending);
        try {
            return pending.done.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VoteRejectedException("interrupted while waiting for the commit", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new VoteRejectedException("vote not committed", e);
        }
    }

    /** How many commits have been made, and how many votes they held: the grouping at work. */
    public record Stats(long commits, long votes) {
    }

    public Stats stats() {
        return new Stats(groups.sum(), votes.sum());
    }

    /** Stops taking votes, commits those already queued, and waits for the writer to finish. */
    @Override
    public void close() {
        running = false;
        queue.add(new Pending(null, null));
        try {
            stopped.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("vote writer did not stop cleanly", e);
        }
    }

    private void writeLoop() {
        try {
            boolean more = true;
            while (more) {
                List<Pending> group = new ArrayList<>();
                group.add(queue.take());
                queue.drainTo(group, MAX_GROUP - 1);
                boolean stopping = group.removeIf(p -> p.vote == null);
                if (stopping) {
                    // take in what was queued before the stop marker
                    queue.drainTo(group);
                    group.removeIf(p -> p.vote == null);
                }
                if (!group.isEmpty()) {
                    write(group);
                }
                more = !stopping;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            for (Pending p = queue.poll(); p != null; p = queue.poll()) {
                if (p.done != null) {
                    p.done.completeExceptionally(new IllegalStateException("ledger closed"));
                }
            }
            stopped.complete(null);
        }
    }

    private void write(List<Pending> group) {
        group.sort(KEY_ORDER);
        List<VoteOutcome> outcomes = new ArrayList<>(group.size());
        Map<Long, Map<Integer, Integer>> counts = new HashMap<>();
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (Statements s = new Statements(c)) {
                for (Pending p : group) {
                    outcomes.add(s.apply(p.vote));
                }
                // one count per poll per group, not per vote: it includes every vote of this group
                for (Pending p : group) {
                    if (!counts.containsKey(p.vote.pollId())) {
                        counts.put(p.vote.pollId(), s.counts(p.vote.pollId()));
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException | RuntimeException e) {
            if (group.size() > 1) {
                LOG.warn("group commit of {} votes failed, retrying one by one: {}", group.size(), e.getMessage());
                group.forEach(p -> write(List.of(p)));
            } else {
                group.get(0).done.completeExceptionally(e);
            }
            return;
        }
        groups.increment();
        votes.add(group.size());
        for (int i = 0; i < group.size(); i++) {
            Pending p = group.get(i);
            p.done.complete(new VoteReceipt(outcomes.get(i), counts.get(p.vote.pollId())));
        }
    }

    /** The three prepared statements of one group, reused for every vote in it. */
    private final class Statements implements AutoCloseable {
        private final PreparedStatement retract;
        private final PreparedStatement move;
        private final PreparedStatement insert;

        private final PreparedStatement count;

        Statements(Connection c) throws SQLException {
            retract = c.prepareStatement(RETRACT);
            move = c.prepareStatement(MOVE);
            insert = c.prepareStatement(INSERT);
            count = c.prepareStatement(COUNT);
        }

        Map<Integer, Integer> counts(long pollId) throws SQLException {
            Map<Integer, Integer> out = new HashMap<>();
            count.setLong(1, pollId);
            try (ResultSet rs = count.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getInt(1), rs.getInt(2));
                }
            }
            return out;
        }

        VoteOutcome apply(VoteRequest v) throws SQLException {
            retract.setLong(1, v.pollId());
            retract.setString(2, v.platform());
            retract.setString(3, v.user());
            retract.setInt(4, v.option());
            Jdbc.setInstant(retract, 5, v.at().minus(doubleClick));
            if (retract.executeUpdate() == 1) {
                return VoteOutcome.RETRACTED;
            }
            if (moved(v)) {
                return VoteOutcome.MOVED;
            }
            insert.setLong(1, v.pollId());
            insert.setString(2, v.platform());
            insert.setString(3, v.user());
            insert.setInt(4, v.option());
            Jdbc.setInstant(insert, 5, v.at());
            if (insert.executeUpdate() == 1) {
                return VoteOutcome.CAST;
            }
            // Someone else's insert won the race, or the same option was pressed within the double-click window.
            return moved(v) ? VoteOutcome.MOVED : VoteOutcome.UNCHANGED;
        }

        private boolean moved(VoteRequest v) throws SQLException {
            move.setInt(1, v.option());
            Jdbc.setInstant(move, 2, v.at());
            move.setLong(3, v.pollId());
            move.setString(4, v.platform());
            move.setString(5, v.user());
            move.setInt(6, v.option());
            return move.executeUpdate() == 1;
        }

        @Override
        public void close() throws SQLException {
            retract.close();
            move.close();
            insert.close();
            count.close();
        }
    }
}
