package io.taolun.store;

import io.taolun.core.Installations;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The installations in the {@code installation} table (migration V15). Tokens arrive sealed by the adapter; this
 * class stores and returns them as they came. A save replaces the workspace's row in one transaction.
 */
public final class JdbcInstallations implements Installations {
    private final DataSource db;

    public JdbcInstallations(DataSource db) {
        this.db = db;
    }

    /**
     * Replaces the workspace's row. Two installs of one workspace at once both find no row to delete, and the second
     * insert breaks the key: it is tried once more, replacing the first (the later install wins, as in sequence).
     */
    @Override
    public void save(Installation i) {
        try {
            replace(i);
        } catch (IllegalStateException e) {
            if (!(e.getCause() instanceof SQLException sql) || !"23505".equals(sql.getSQLState())) {
                throw e;
            }
            replace(i);
        }
    }

    private void replace(Installation i) {
        Jdbc.inTransaction(db, "saving an installation", c -> {
            try (PreparedStatement delete = c.prepareStatement(
                    "DELETE FROM installation WHERE platform = ? AND workspace = ?");
                    PreparedStatement insert = c.prepareStatement("INSERT INTO installation (platform, workspace, "
                            + "bot_user, bot_id, scopes, sealed_token, installed_by, installed_at) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                delete.setString(1, i.platform());
                delete.setString(2, i.workspace());
                delete.executeUpdate();
                insert.setString(1, i.platform());
                insert.setString(2, i.workspace());
                insert.setString(3, i.botUser());
                insert.setString(4, i.botId());
                insert.setString(5, i.scopes());
                insert.setString(6, i.sealedToken());
                insert.setString(7, i.installedBy());
                Jdbc.setInstant(insert, 8, i.installedAt());
                insert.executeUpdate();
                return null;
            }
        });
    }

    @Override
    public Optional<Installation> find(String platform, String workspace) {
        try (var c = db.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT bot_user, bot_id, scopes, "
                + "sealed_token, installed_by, installed_at FROM installation WHERE platform = ? AND workspace = ?")) {
            ps.setString(1, platform);
            ps.setString(2, workspace);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Installation(platform, workspace, rs.getString("bot_user"),
                        rs.getString("bot_id"), rs.getString("scopes"), rs.getString("sealed_token"),
                        rs.getString("installed_by"), Jdbc.instant(rs, "installed_at").orElseThrow()));
            }
        } catch (SQLException e) {
            throw Jdbc.failure("reading an installation", e);
        }
    }

    @Override
    public boolean remove(String platform, String workspace) {
        try (var c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "DELETE FROM installation WHERE platform = ? AND workspace = ?")) {
            ps.setString(1, platform);
            ps.setString(2, workspace);
            return ps.executeUpdate() > 0;
        } catch (SQLException e) {
            throw Jdbc.failure("removing an installation", e);
        }
    }
}
