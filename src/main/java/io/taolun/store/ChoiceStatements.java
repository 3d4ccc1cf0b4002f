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
    private final PreparedStatement rows;
    private final PreparedStatement insert;
    private final PreparedStatement toggle;
    private final PreparedStatement voters;

    ChoiceStatements(Connection c, Duration doubleClick) throws SQLException {
        this.doubleClick = doubleClick;
        rows = c.prepareStatement("SELECT option_no, retracted, voted_at FROM vote_choice" + KEY
                + " ORDER BY option_no");
        insert = c.prepareStatement("INSERT INTO vote_choice (poll_id, platform, user_id, option_no, voted_at, "
                + "retracted) VALUES (?, ?, ?, ?, ?, FALSE)");
        toggle = c.prepareStatement("UPDATE vote_choice SET retracted = ?, voted_at = ?" + KEY + " AND option_no = ?");
        voters = c.prepareStatement("SELECT COUNT(*) FROM (SELECT DISTINCT platform, user_id FROM vote_choice "
                + "WHERE poll_id = ? AND NOT retracted) standing");
    }

    /** What a press did, and the options the voter has chosen after it, in order. */
    record Pressed(VoteOutcome outcome, List<Integer> mine) {
    }

    /**
     * Applies one press; the caller holds the poll's row lock. One read of the voter's rows (the option's own, and
     * which stand) and at most one write.
     */
    Pressed press(VoteRequest v, int max) throws SQLException {
        Instant windowStart = v.at().minus(doubleClick);
        VoteStatements.key(rows, 1, v);
        List<Integer> mine = new ArrayList<>();
        boolean exists = false;
        boolean retracted = false;
        Instant at = null;
        try (ResultSet rs = rows.executeQuery()) {
            while (rs.next()) {
                int option = rs.getInt(1);
                boolean withdrawn = rs.getBoolean(2);
                if (!withdrawn) {
                    mine.add(option);
                }
                if (option == v.option()) {
                    exists = true;
                    retracted = withdrawn;
                    at = Jdbc.instant(rs, "voted_at").orElseThrow();
                }
            }
        }
        if (exists && at.isAfter(windowStart)) {
            return new Pressed(retracted ? VoteOutcome.STILL_WITHDRAWN : VoteOutcome.UNCHANGED, mine);
        }
        if (exists && !retracted) {
            set(v, true);
            mine.remove(Integer.valueOf(v.option()));
            return new Pressed(VoteOutcome.RETRACTED, mine);
        }
        if (mine.size() >= max) {
            return new Pressed(VoteOutcome.FULL, mine);
        }
        if (exists) {
            set(v, false);
        } else {
            VoteStatements.key(insert, 1, v);
            insert.setInt(4, v.option());
            Jdbc.setInstant(insert, 5, v.at());
            insert.executeUpdate();
        }
        mine.add(v.option());
        mine.sort(null);
        return new Pressed(VoteOutcome.CAST, mine);
    }

    /** The options the voter has chosen now, in order (for a press that the platform delivered again). */
    List<Integer> mine(VoteRequest v) throws SQLException {
        VoteStatements.key(rows, 1, v);
        List<Integer> out = new ArrayList<>();
        try (ResultSet rs = rows.executeQuery()) {
            while (rs.next()) {
                if (!rs.getBoolean(2)) {
                    out.add(rs.getInt(1));
                }
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
        VoteStatements.key(toggle, 3, v);
        toggle.setInt(6, v.option());
        if (toggle.executeUpdate() != 1) {
            throw new SQLException("a choice row vanished under the poll's lock");
        }
    }

    @Override
    public void close() throws SQLException {
        for (PreparedStatement ps : new PreparedStatement[] {rows, insert, toggle, voters}) {
            ps.close();
        }
    }
}
