package io.taolun.store;

import io.taolun.core.OAuthStates;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * OAuth states in the {@code oauth_state} table (migration V15): a state is taken by deleting its row, so that of two
 * replicas given the same redirect only one sees it deleted. Expired rows go whenever a state is added or used.
 */
public final class JdbcOAuthStates implements OAuthStates {
    private final DataSource db;

    public JdbcOAuthStates(DataSource db) {
        this.db = db;
    }

    /** Adds the state; the expired ones go in the same transaction, so the table holds at most their lifetime's. */
    @Override
    public void add(String state, Instant expires, Instant now) {
        Jdbc.inTransaction(db, "storing an OAuth state", c -> {
            try (PreparedStatement old = c.prepareStatement("DELETE FROM oauth_state WHERE expires_at <= ?");
                    PreparedStatement add = c.prepareStatement(
                            "INSERT INTO oauth_state (state, expires_at) VALUES (?, ?)")) {
                Jdbc.setInstant(old, 1, now);
                old.executeUpdate();
                add.setString(1, state);
                Jdbc.setInstant(add, 2, expires);
                add.executeUpdate();
                return null;
            }
        });
    }

    @Override
    public boolean available(String state, Instant now) {
        try (var c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM oauth_state WHERE state = ? AND expires_at > ?")) {
            ps.setString(1, state);
            Jdbc.setInstant(ps, 2, now);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw Jdbc.failure("reading an OAuth state", e);
        }
    }

    @Override
    public boolean remove(String state, Instant now) {
        return Jdbc.inTransaction(db, "using an OAuth state", c -> {
            try (PreparedStatement take = c.prepareStatement(
                    "DELETE FROM oauth_state WHERE state = ? AND expires_at > ?");
                    PreparedStatement old = c.prepareStatement("DELETE FROM oauth_state WHERE expires_at <= ?")) {
                take.setString(1, state);
                Jdbc.setInstant(take, 2, now);
                boolean taken = take.executeUpdate() > 0;
                Jdbc.setInstant(old, 1, now);
                old.executeUpdate();
                return taken;
            }
        });
    }
}
