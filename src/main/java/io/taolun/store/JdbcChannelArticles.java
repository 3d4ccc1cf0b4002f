package io.taolun.store;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import io.taolun.core.ChannelRef;
import io.taolun.core.library.ChannelArticles;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The channels' chosen articles in {@code channel_article}. Every command reads the choice, so it is kept in memory:
 * a choice made here is seen at once, one made on another replica within {@code ttl}.
 */
public final class JdbcChannelArticles implements ChannelArticles {
    private static final String UPDATE =
            "UPDATE channel_article SET article_id = ?, chosen_by = ?, chosen_at = ? "
            + "WHERE platform = ? AND workspace = ? AND channel = ?";
    private static final String INSERT =
            "INSERT INTO channel_article (article_id, chosen_by, chosen_at, platform, workspace, channel) "
            + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";

    private final DataSource db;
    private final LoadingCache<ChannelRef, Optional<String>> chosen;

    public JdbcChannelArticles(DataSource db, Duration ttl, Ticker ticker) {
        this.db = db;
        this.chosen = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(10_000).ticker(ticker).build(this::read);
    }

    @Override
    public Optional<String> of(ChannelRef where) {
        return chosen.get(where);
    }

    @Override
    public void choose(ChannelRef where, String articleId, String by, Instant at) {
        Jdbc.inTransaction(db, "choose the channel's article", c -> {
            // two first choices at once (two admins, two replicas): the insert of the later one does nothing, and
            // its update then applies, so the last choice stands and neither fails
            if (write(c, UPDATE, where, articleId, by, at) == 0 && write(c, INSERT, where, articleId, by, at) == 0) {
                write(c, UPDATE, where, articleId, by, at);
            }
            return null;
        });
        chosen.put(where, Optional.of(articleId));
    }

    private static int write(Connection c, String sql, ChannelRef where, String articleId, String by, Instant at)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, articleId);
            ps.setString(2, by);
            Jdbc.setInstant(ps, 3, at);
            ps.setString(4, where.platform());
            ps.setString(5, where.workspace());
            ps.setString(6, where.channel());
            return ps.executeUpdate();
        }
    }

    private Optional<String> read(ChannelRef where) {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT article_id FROM channel_article "
                        + "WHERE platform = ? AND workspace = ? AND channel = ?")) {
            ps.setString(1, where.platform());
            ps.setString(2, where.workspace());
            ps.setString(3, where.channel());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw Jdbc.failure("read the channel's article", e);
        }
    }
}
