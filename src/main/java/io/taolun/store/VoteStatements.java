package io.taolun.store;

import io.taolun.core.poll.VoteOutcome;
import io.taolun.core.poll.VoteRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The prepared statements of one vote group, on one connection in one transaction. A press that carries the
 * platform's delivery id first marks it in {@code delivery}; when the mark exists (the platform delivered the press
 * again, here or to another replica) the press is a repeat and nothing else is written. On PostgreSQL a second
 * replica marking the same id waits for the first's transaction, so the press counts once either way. A press of
 * option X by a voter is then, in order, the first of these single-statement writes that changes a row:
 * <ol>
 *   <li>withdraw: their vote is X, cast before the double-click window, so it is marked retracted;</li>
 *   <li>move: their vote is another option, so it becomes X;</li>
 *   <li>re-cast: their vote was withdrawn, and X is another option or the withdrawal is older than the window;</li>
 *   <li>insert: they have no row yet ({@code ON CONFLICT DO NOTHING});</li>
 * </ol>
 * and when none changed anything (another replica inserted their row first, or this is a double click) the move and
 * re-cast are tried once more before reporting the press as a repeat.
 */
final class VoteStatements implements AutoCloseable {
    private static final String KEY = " WHERE poll_id = ? AND platform = ? AND user_id = ?";

    private final Duration doubleClick;
    private final PreparedStatement lock;
    private final PreparedStatement withdraw;
    private final PreparedStatement move;
    private final PreparedStatement recast;
    private final PreparedStatement insert;
    private final PreparedStatement state;
    private final PreparedStatement count;
    private final PreparedStatement mark;

    /** Whether a poll takes votes, as read under its row lock. */
    record PollState(boolean exists, Optional<Instant> closedAt, Optional<Instant> closesAt) {
        boolean openAt(Instant at) {
            return exists && closedAt.isEmpty() && closesAt.map(at::isBefore).orElse(true);
        }
    }

    VoteStatements(Connection c, Duration doubleClick) throws SQLException {
        this.doubleClick = doubleClick;
        lock = c.prepareStatement("SELECT closed_at, closes_at FROM poll WHERE id = ? FOR UPDATE");
        withdraw = c.prepareStatement("UPDATE vote SET retracted = TRUE, voted_at = ?" + KEY
                + " AND option_no = ? AND NOT retracted AND voted_at <= ?");
        move = c.prepareStatement("UPDATE vote SET option_no = ?, voted_at = ?" + KEY
                + " AND NOT retracted AND option_no <> ?");
        recast = c.prepareStatement("UPDATE vote SET option_no = ?, retracted = FALSE, voted_at = ?" + KEY
                + " AND retracted AND (option_no <> ? OR voted_at <= ?)");
        insert = c.prepareStatement("INSERT INTO vote (poll_id, platform, user_id, option_no, voted_at, retracted) "
                + "VALUES (?, ?, ?, ?, ?, FALSE) ON CONFLICT DO NOTHING");
        state = c.prepareStatement("SELECT retracted FROM vote" + KEY);
        mark = c.prepareStatement("INSERT INTO delivery (platform, delivery_id, seen_at) VALUES (?, ?, ?) "
                + "ON CONFLICT DO NOTHING");
        count = c.prepareStatement(
                "SELECT option_no, COUNT(*) FROM vote WHERE poll_id = ? AND NOT retracted GROUP BY option_no");
    }

    /** Locks the poll's row until the group commits, so no close can slip between the check and the votes. */
    PollState lockPoll(long pollId) throws SQLException {
        lock.setLong(1, pollId);
        try (ResultSet rs = lock.executeQuery()) {
            if (!rs.next()) {
                return new PollState(false, Optional.empty(), Optional.empty());
            }
            return new PollState(true, Jdbc.instant(rs, "closed_at"), Jdbc.instant(rs, "closes_at"));
        }
    }

    VoteOutcome apply(VoteRequest v) throws SQLException {
        if (!v.delivery().isEmpty()) {
            // its own namespace: a slash command that votes was marked as a command under the same trigger id
            mark.setString(1, v.platform() + ":vote");
            mark.setString(2, v.delivery());
            Jdbc.setInstant(mark, 3, v.at());
            if (mark.executeUpdate() == 0) {
                return VoteOutcome.REPEATED;
            }
        }
        Instant windowStart = v.at().minus(doubleClick);
        Jdbc.setInstant(withdraw, 1, v.at());
        key(withdraw, 2, v);
        withdraw.setInt(5, v.option());
        Jdbc.setInstant(withdraw, 6, windowStart);
        if (withdraw.executeUpdate() == 1) {
            return VoteOutcome.RETRACTED;
        }
        Optional<VoteOutcome> changed = moveOrRecast(v, windowStart);
        if (changed.isPresent()) {
            return changed.get();
        }
        key(insert, 1, v);
        insert.setInt(4, v.option());
        Jdbc.setInstant(insert, 5, v.at());
        if (insert.executeUpdate() == 1) {
            return VoteOutcome.CAST;
        }
        changed = moveOrRecast(v, windowStart);
        if (changed.isPresent()) {
            return changed.get();
        }
        key(state, 1, v);
        try (ResultSet rs = state.executeQuery()) {
            return rs.next() && rs.getBoolean(1) ? VoteOutcome.STILL_WITHDRAWN : VoteOutcome.UNCHANGED;
        }
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

    private Optional<VoteOutcome> moveOrRecast(VoteRequest v, Instant windowStart) throws SQLException {
        move.setInt(1, v.option());
        Jdbc.setInstant(move, 2, v.at());
        key(move, 3, v);
        move.setInt(6, v.option());
        if (move.executeUpdate() == 1) {
            return Optional.of(VoteOutcome.MOVED);
        }
        recast.setInt(1, v.option());
        Jdbc.setInstant(recast, 2, v.at());
        key(recast, 3, v);
        recast.setInt(6, v.option());
        Jdbc.setInstant(recast, 7, windowStart);
        if (recast.executeUpdate() == 1) {
            return Optional.of(VoteOutcome.CAST);
        }
        return Optional.empty();
    }

    private static void key(PreparedStatement ps, int from, VoteRequest v) throws SQLException {
        ps.setLong(from, v.pollId());
        ps.setString(from + 1, v.platform());
        ps.setString(from + 2, v.user());
    }

    @Override
    public void close() throws SQLException {
        for (PreparedStatement ps : new PreparedStatement[] {lock, withdraw, move, recast, insert, state, count, mark}) {
            ps.close();
        }
    }
}
