package io.taolun.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;

/**
 * What db-scheduler's table says about the rituals' executions, for tests that must know when the scheduler has
 * finished with a slot rather than guess how long it takes.
 */
public final class ScheduledTasks {
    private ScheduledTasks() {
    }

    /**
     * True when no execution is running (picked) and none is due at {@code now}: until the clock passes the next
     * execution time, the scheduler will run nothing more.
     */
    public static boolean settled(DataSource db, Instant now) {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT COUNT(*) FROM scheduled_tasks WHERE picked OR execution_time <= ?")) {
            ps.setObject(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1) == 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading scheduled_tasks", e);
        }
    }
}
