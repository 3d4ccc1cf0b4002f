package io.taolun.store;

import io.taolun.core.poll.VoteOutcome;
import io.taolun.core.poll.VoteRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The prepared statements of one vote group, on one connection in one transaction, under the row locks of the
 * group's polls. A group is written in three batches and a few keyed statements:
 * <ol>
 *   <li>{@link #markDeliveries}: a press that carries the platform's delivery id first marks it in {@code delivery};
 *       when the mark exists (the platform delivered the press again, here or to another replica) the press is a
 *       repeat and nothing else is written. On PostgreSQL a second replica marking the same id waits for the first's
 *       transaction, so the press counts once either way;</li>
 *   <li>{@link #insertFirstVotes}: one batch of {@code INSERT ... ON CONFLICT DO NOTHING} for all the other presses:
 *       a voter with no row gets one, and that is the whole of their vote, as it was the only write of the four below
 *       that could change anything for them;</li>
 *   <li>{@link #applyRepeat}, only for presses whose insert found a row (a changed vote, a withdrawal, a double
 *       click, the second press of one voter in the same group): the press of option X is, in order, the first of
 *       these single-statement writes that changes a row:
 *       <ol>
 *         <li>withdraw: their vote is X, cast before the double-click window, so it is marked retracted;</li>
 *         <li>move: their vote is another option, so it becomes X;</li>
 *         <li>re-cast: their vote was withdrawn, and X is another option or the withdrawal is older than the
 *             window;</li>
 *         <li>insert: they have no row yet ({@code ON CONFLICT DO NOTHING});</li>
 *       </ol>
 *       and when none changed anything (this is a double click) the move and re-cast are tried once more before
 *       reporting the press as a repeat;</li>
 *   <li>{@link #addToTally}, then {@link #writeTally}: the running count per option in {@code vote_tally} moves by
 *       what the group changed, in one batch, so no group counts the whole poll.</li>
 * </ol>
 * Batches need the driver's update count per statement (the PostgreSQL driver's {@code reWriteBatchedInserts}
 * hides them); without them the group fails rather than guess.
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
    private final PreparedStatement mark;
    private final PreparedStatement standing;
    private final PreparedStatement tally;
    private final PreparedStatement tallyAdd;
    private final PreparedStatement tallyNew;
    private final ChoiceStatements choices;
    private int tallyAdds;
    private int tallyNews;

    /** Whether a poll takes votes, as read under its row lock. */
    record PollState(boolean exists, Optional<Instant> closedAt, Optional<Instant> closesAt, int maxChoices) {
        boolean openAt(Instant at) {
            return exists && closedAt.isEmpty() && closesAt.map(at::isBefore).orElse(true);
        }
    }

    VoteStatements(Connection c, Duration doubleClick) throws SQLException {
        this.doubleClick = doubleClick;
        lock = c.prepareStatement("SELECT closed_at, closes_at, max_choices FROM poll WHERE id = ? FOR UPDATE");
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
        standing = c.prepareStatement("SELECT option_no, retracted FROM vote" + KEY);
        tally = c.prepareStatement("SELECT option_no, votes FROM vote_tally WHERE poll_id = ?");
        tallyAdd = c.prepareStatement(
                "UPDATE vote_tally SET votes = votes + ? WHERE poll_id = ? AND option_no = ?");
        tallyNew = c.prepareStatement("INSERT INTO vote_tally (poll_id, option_no, votes) VALUES (?, ?, ?)");
        choices = new ChoiceStatements(c, doubleClick);
    }

    /** The statements for polls of several choices, in the same transaction. */
    ChoiceStatements choices() {
        return choices;
    }

    /** Locks the poll's row until the group commits, so no close can slip between the check and the votes. */
    PollState lockPoll(long pollId) throws SQLException {
        lock.setLong(1, pollId);
        try (ResultSet rs = lock.executeQuery()) {
            if (!rs.next()) {
                return new PollState(false, Optional.empty(), Optional.empty(), 1);
            }
            return new PollState(true, Jdbc.instant(rs, "closed_at"), Jdbc.instant(rs, "closes_at"),
                    rs.getInt("max_choices"));
        }
    }

    /**
     * Marks the delivery ids of {@code votes} in one batch: false for each press whose id was already marked (a
     * re-delivery, or a second copy in this batch), true for the others and for presses without an id.
     */
    boolean[] markDeliveries(List<VoteRequest> votes) throws SQLException {
        boolean[] fresh = new boolean[votes.size()];
        List<Integer> marked = new ArrayList<>();
        for (int i = 0; i < votes.size(); i++) {
            VoteRequest v = votes.get(i);
            fresh[i] = true;
            if (!v.delivery().isEmpty()) {
                // its own namespace: a slash command that votes was marked as a command under the same trigger id
                mark.setString(1, v.platform() + ":vote");
                mark.setString(2, v.delivery());
                Jdbc.setInstant(mark, 3, v.at());
                mark.addBatch();
                marked.add(i);
            }
        }
        if (!marked.isEmpty()) {
            int[] rows = counted(mark.executeBatch(), marked.size());
            for (int k = 0; k < rows.length; k++) {
                fresh[marked.get(k)] = rows[k] == 1;
            }
        }
        return fresh;
    }

    /**
     * Inserts the row of each voter in {@code votes} who has none, in one batch: true where the row was inserted
     * (the vote is cast), false where the voter already had one (then {@link #applyRepeat} decides).
     */
    boolean[] insertFirstVotes(List<VoteRequest> votes) throws SQLException {
        if (votes.isEmpty()) {
            return new boolean[0];
        }
        for (VoteRequest v : votes) {
            key(insert, 1, v);
            insert.setInt(4, v.option());
            Jdbc.setInstant(insert, 5, v.at());
            insert.addBatch();
        }
        int[] rows = counted(insert.executeBatch(), votes.size());
        boolean[] inserted = new boolean[rows.length];
        for (int i = 0; i < rows.length; i++) {
            inserted[i] = rows[i] == 1;
        }
        return inserted;
    }

    /** The option a voter's vote stands on now, if it stands (a withdrawn vote does not). */
    Optional<Integer> standing(VoteRequest v) throws SQLException {
        key(standing, 1, v);
        try (ResultSet rs = standing.executeQuery()) {
            return rs.next() && !rs.getBoolean(2) ? Optional.of(rs.getInt(1)) : Optional.empty();
        }
    }

    /** The press of a voter who already has a row (its delivery already marked): see the class comment. */
    VoteOutcome applyRepeat(VoteRequest v) throws SQLException {
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

    /** The running counts of a poll, read under its row lock: option number to votes, with no zero entries. */
    Map<Integer, Integer> tally(long pollId) throws SQLException {
        Map<Integer, Integer> out = new HashMap<>();
        tally.setLong(1, pollId);
        try (ResultSet rs = tally.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getInt(1), rs.getInt(2));
            }
        }
        return out;
    }

    /**
     * Queues a change of one option's running count; {@code known} says whether the option has a row in
     * {@code vote_tally} (it appeared in {@link #tally} or was queued here before), so a missing one is inserted.
     */
    void addToTally(long pollId, int option, int delta, boolean known) throws SQLException {
        if (known) {
            tallyAdd.setInt(1, delta);
            tallyAdd.setLong(2, pollId);
            tallyAdd.setInt(3, option);
            tallyAdd.addBatch();
            tallyAdds++;
        } else {
            tallyNew.setLong(1, pollId);
            tallyNew.setInt(2, option);
            tallyNew.setInt(3, delta);
            tallyNew.addBatch();
            tallyNews++;
        }
    }

    /** Writes the queued tally changes: new rows first, then the additions to existing ones. */
    void writeTally() throws SQLException {
        if (tallyNews > 0) {
            for (int rows : counted(tallyNew.executeBatch(), tallyNews)) {
                if (rows != 1) {
                    throw new SQLException("a running tally row was not inserted");
                }
            }
            tallyNews = 0;
        }
        if (tallyAdds > 0) {
            for (int rows : counted(tallyAdd.executeBatch(), tallyAdds)) {
                if (rows != 1) {
                    throw new SQLException("a running tally row is missing");
                }
            }
            tallyAdds = 0;
        }
    }

    /** A batch's update counts, refused when the driver does not give one per statement. */
    private static int[] counted(int[] rows, int expected) throws SQLException {
        if (rows.length != expected) {
            throw new SQLException("batch of " + expected + " statements reported " + rows.length + " counts");
        }
        for (int r : rows) {
            if (r < 0) {
                throw new IllegalStateException("the JDBC driver does not report a row count per batched statement "
                        + "(PostgreSQL: remove reWriteBatchedInserts from the URL); votes cannot be told apart");
            }
        }
        return rows;
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

    /** Binds a press's poll, platform and user from parameter {@code from}; the choice statements share it. */
    static void key(PreparedStatement ps, int from, VoteRequest v) throws SQLException {
        ps.setLong(from, v.pollId());
        ps.setString(from + 1, v.platform());
        ps.setString(from + 2, v.user());
    }

    @Override
    public void close() throws SQLException {
        for (PreparedStatement ps : new PreparedStatement[] {lock, withdraw, move, recast, insert, state, mark,
                standing, tally, tallyAdd, tallyNew}) {
            ps.close();
        }
        choices.close();
    }
}
