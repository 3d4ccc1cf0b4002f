package io.taolun.store;

import io.taolun.core.DeliveryLog;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The delivery log in the {@code delivery} table, shared with the votes' marks (migration V6). The primary key makes
 * a second mark of the same id fail, on any replica. When the database cannot be written the delivery is taken as
 * new: answering a command twice is a smaller harm than refusing it.
 */
public final class JdbcDeliveryLog implements DeliveryLog {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcDeliveryLog.class);
    /** Longer than any platform's retry window (Slack retries within minutes; a signed request is valid 5 minutes). */
    public static final Duration KEEP = Duration.ofHours(1);

    private final DataSource db;
    private final Clock clock;

    public JdbcDeliveryLog(DataSource db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public boolean first(String platform, String id) {
        if (id == null || id.isBlank()) {
            return true;
        }
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO delivery (platform, delivery_id, seen_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
            ps.setString(1, platform);
            ps.setString(2, id.length() > 200 ? id.substring(0, 200) : id);
            Jdbc.setInstant(ps, 3, clock.instant());
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            LOG.warn("delivery log unavailable ({}); taking the delivery as new", e.getClass().getSimpleName());
            return true;
        }
    }

    /** Deletes the marks older than {@link #KEEP}, the votes' included; the number deleted (-1 when it failed). */
    public int forgetOld() {
        Instant before = clock.instant().minus(KEEP);
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("DELETE FROM delivery WHERE seen_at < ?")) {
            Jdbc.setInstant(ps, 1, before);
            return ps.executeUpdate();
        } catch (SQLException e) {
            LOG.warn("old delivery marks not deleted ({}); next time", e.getClass().getSimpleName());
            return -1;
        }
    }
}
