package io.taolun.store;

import io.taolun.core.poll.PollReach;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import javax.sql.DataSource;

/**
 * {@link PollReach} on JDBC: where a poll was posted, read from the outbox's recorded poll posts (a weekly poll's, and
 * a hand poll's whose message was recorded).
 */
public final class JdbcPollReach implements PollReach {
    private final DataSource db;

    public JdbcPollReach(DataSource db) {
        this.db = db;
    }

    @Override
    public boolean reaches(long pollId, String platform, String workspace) {
        return exists("SELECT 1 FROM outbox WHERE poll_id = ? AND kind = 'POLL' AND platform = ? AND workspace = ?",
                ps -> {
                    ps.setLong(1, pollId);
                    ps.setString(2, platform);
                    ps.setString(3, workspace);
                });
    }

    @Override
    public boolean keptCurrent(long pollId) {
        return exists("SELECT 1 FROM outbox WHERE poll_id = ? AND kind = 'POLL'", ps -> ps.setLong(1, pollId));
    }

    private boolean exists(String sql, Jdbc.Binder binder) {
        return Jdbc.inTransaction(db, "reading where a poll was posted", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                binder.bind(ps);
                ps.setMaxRows(1);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }
}
