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
import java.util.List;

/**
 * The statements of a vote group for polls where each voter picks up to {@code max} options, under the poll's row
 * lock: a press toggles its option in {@code vote_choice}.
 * <ul>
 *   <li>no row for the option: it is chosen ({@link VoteOutcome#CAST}), unless the voter already has {@code max}
 *       choices standing ({@link VoteOutcome#FULL}, nothing changes);</li>
 *   <li>a standing choice: it is withdrawn ({@link VoteOutcome#RETRACTED}), unless it was made within the
 *       double-click window ({@link VoteOutcome#UNCHANGED});</li>
 *   <li>a withdrawn choice: it is chosen again, unless it was withdrawn within the window
 *       ({@link VoteOutcome#STILL_WITHDRAWN}) or the voter is full.</li>
 * </ul>
 */
final class ChoiceStatements implements AutoCloseable {
    private static final String KEY = " WHERE poll_id = ? AND platform = ? AND user_id = ?";

    private final Duration doubleClick;
    private final PreparedStatement row;
    private final PreparedStatement standing;
    private final PreparedStatement insert;
    private final PreparedStatement toggle;
    private final PreparedStatement voters;

    ChoiceStatements(Connection c, Duration doubleClick) throws SQLException {
        this.doubleClick = doubleClick;
        row = c.prepareStatement("SELECT retracted, voted_at FROM vote_choice" + KEY + " AND option_no = ?");
        standing = c.prepareStatement("SELECT option_no FROM vote_choice" + KEY + " AND NOT retracted "
                + "ORDER BY option_no");
        insert = c.prepareStatement("INSERT INTO vote_choice (poll_id, platform, user_id, option_no, voted_at, "
                + "retracted) VALUES (?, ?, ?, ?, ?, FALSE)");
        toggle = c.prepareStatement("UPDATE vote_choice SET retracted = ?, voted_at = ?" + KEY + " AND option_no = ?");
        voters = c.prepareStatement("SELECT COUNT(*) FROM (SELECT DISTINCT platform, user_id FROM vote_choice "
                + "WHERE poll_id = ? AND NOT retracted) standing");
    }

    /** Applies one press; the caller holds the poll's row lock. */
    VoteOutcome press(VoteRequest v, int max) throws SQLException {
        Instant windowStart = v.at().minus(doubleClick);
        key(row, 1, v);
        row.setInt(4, v.option());
        boolean exists;
        boolean retracted = false;
        Instant at = null;
        try (ResultSet rs = row.executeQuery()) {
            exists = rs.next();
            if (exists) {
                retracted = rs.getBoolean(1);
                at = Jdbc.instant(rs, "voted_at").orElseThrow();
            }
        }
        if (exists && at.isAfter(windowStart)) {
            return retracted ? VoteOutcome.STILL_WITHDRAWN : VoteOutcome.UNCHANGED;
        }
        if (exists && !retracted) {
            set(v, true);
            return VoteOutcome.RETRACTED;
        }
        if (mine(v).size() >= max) {
            return VoteOutcome.FULL;
        }
        if (exists) {
            set(v, false);
        } else {
            key(insert, 1, v);
            insert.setInt(4, v.option());
            Jdbc.setInstant(insert, 5, v.at());
            insert.executeUpdate();
        }
        return VoteOutcome.CAST;
    }

    /** The options the voter has chosen now, in order. */
    List<Integer> mine(VoteRequest v) throws SQLException {
        key(standing, 1, v);
        List<Integer> out = new ArrayList<>();
        try (ResultSet rs = standing.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getInt(1));
            }
        }
        return out;
    }

    /** How many voters have at least one choice standing in the poll. */
    int voters(long pollId) throws SQLException {
        voters.setLong(1, pollId);
        try (ResultSet rs = voters.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private void set(VoteRequest v, boolean retracted) throws SQLException {
        toggle.setBoolean(1, retracted);
        Jdbc.setInstant(toggle, 2, v.at());
        key(toggle, 3, v);
        toggle.setInt(6, v.option());
        if (toggle.executeUpdate() != 1) {
            throw new SQLException("a choice row vanished under the poll's lock");
        }
    }

    private static void key(PreparedStatement ps, int from, VoteRequest v) throws SQLException {
        ps.setLong(from, v.pollId());
        ps.setString(from + 1, v.platform());
        ps.setString(from + 2, v.user());
    }

    @Override
    public void close() throws SQLException {
        for (PreparedStatement ps : new PreparedStatement[] {row, standing, insert, toggle, voters}) {
            ps.close();
        }
    }
}
