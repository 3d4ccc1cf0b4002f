package io.taolun.store;

import io.taolun.core.ChannelRef;
import io.taolun.core.ritual.Outbox;
import io.taolun.core.ritual.OutboxPost;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * {@link Outbox} on JDBC. A post's key is unique, so recording it twice records it once; a claim is a conditional
 * update, so one worker wins it; a claim that ran out (its worker died) can be taken again.
 */
public final class JdbcOutbox implements Outbox {
    private static final int MAX_ERROR = 500;
    private static final String COLUMNS = "id, dedupe_key, kind, platform, workspace, channel, thread_of, poll_id, "
            + "payload";

    private final DataSource db;

    public JdbcOutbox(DataSource db) {
        this.db = db;
    }

    @Override
    public boolean enqueue(OutboxPost post, Instant now) {
        return update("INSERT INTO outbox (dedupe_key, kind, platform, workspace, channel, thread_of, poll_id, payload, "
                + "state, attempts, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?) "
                + "ON CONFLICT DO NOTHING", ps -> setPost(ps, post, now)) == 1;
    }

    @Override
    public boolean recordSent(OutboxPost post, String messageId, Instant at) {
        return update("INSERT INTO outbox (dedupe_key, kind, platform, workspace, channel, thread_of, poll_id, payload, "
                + "state, attempts, next_attempt_at, created_at, message_id, sent_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'sent', 0, ?, ?, ?, ?) ON CONFLICT DO NOTHING", ps -> {
                    setPost(ps, post, at);
                    ps.setString(11, messageId);
                    Jdbc.setInstant(ps, 12, at);
                }) == 1;
    }

    /** Parameters 1 to 10 of a new outbox row: the post, and {@code at} as its next attempt and creation time. */
    private static void setPost(PreparedStatement ps, OutboxPost post, Instant at) throws SQLException {
        ps.setString(1, post.key());
        ps.setString(2, post.kind().name());
        ps.setString(3, post.where().platform());
        ps.setString(4, post.where().workspace());
        ps.setString(5, post.where().channel());
        ps.setString(6, post.threadOf().orElse(null));
        ps.setObject(7, post.pollId().orElse(null));
        ps.setString(8, post.payload());
        Jdbc.setInstant(ps, 9, at);
        Jdbc.setInstant(ps, 10, at);
    }

    @Override
    public List<Pending> due(Instant now, long afterId, int limit) {
        return Jdbc.inTransaction(db, "reading the outbox", c -> {
            List<Pending> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + ", attempts, created_at, in_flight, "
                    + "claimed_at FROM outbox WHERE state = 'pending' AND next_attempt_at <= ? "
                    + "AND (claimed_until IS NULL OR claimed_until < ?) AND id > ? ORDER BY id LIMIT ?")) {
                Jdbc.setInstant(ps, 1, now);
                Jdbc.setInstant(ps, 2, now);
                ps.setLong(3, afterId);
                ps.setInt(4, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Optional<Instant> inFlight = rs.getBoolean("in_flight") ? Jdbc.instant(rs, "claimed_at")
                                : Optional.empty();
                        out.add(new Pending(rs.getLong("id"), post(rs), rs.getInt("attempts"),
                                Jdbc.instant(rs, "created_at").orElseThrow(), inFlight));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public List<OutboxPost> withPrefix(String prefix) {
        return Jdbc.inTransaction(db, "reading the outbox", c -> {
            List<OutboxPost> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM outbox WHERE dedupe_key LIKE ? ORDER BY id")) {
                ps.setString(1, prefix.replace("%", "").replace("_", "") + "%");
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(post(rs));
                    }
                }
            }
            return out;
        });
    }

    private static OutboxPost post(ResultSet rs) throws SQLException {
        long poll = rs.getLong("poll_id");
        Optional<Long> pollId = rs.wasNull() ? Optional.empty() : Optional.of(poll);
        return new OutboxPost(rs.getString("dedupe_key"), OutboxPost.PostKind.valueOf(rs.getString("kind")),
                place(rs), Optional.ofNullable(rs.getString("thread_of")), pollId, rs.getString("payload"));
    }

    @Override
    public boolean claim(long id, String worker, Instant now, Instant until) {
        return update("UPDATE outbox SET claimed_by = ?, claimed_until = ?, claimed_at = ?, in_flight = TRUE, "
                + "attempts = attempts + 1 WHERE id = ? AND state = 'pending' "
                + "AND (claimed_until IS NULL OR claimed_until < ?)", ps -> {
                    ps.setString(1, worker);
                    Jdbc.setInstant(ps, 2, until);
                    Jdbc.setInstant(ps, 3, now);
                    ps.setLong(4, id);
                    Jdbc.setInstant(ps, 5, now);
                }) == 1;
    }

    @Override
    public Optional<String> messageId(String key) {
        return Jdbc.inTransaction(db, "reading the outbox", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT message_id FROM outbox WHERE dedupe_key = ? AND state = 'sent'")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    @Override
    public boolean failed(String key) {
        return count("SELECT COUNT(*) FROM outbox WHERE dedupe_key = ? AND state = 'failed'",
                ps -> ps.setString(1, key)) > 0;
    }

    @Override
    public void markSent(long id, String worker, String messageId, Instant at) {
        update("UPDATE outbox SET state = 'sent', message_id = ?, sent_at = ?, claimed_until = NULL, in_flight = FALSE WHERE id = ? "
                + "AND claimed_by = ? AND state = 'pending'", ps -> {
                    ps.setString(1, messageId);
                    Jdbc.setInstant(ps, 2, at);
                    ps.setLong(3, id);
                    ps.setString(4, worker);
                });
    }

    @Override
    public void retryAt(long id, String worker, Instant at, String error) {
        update("UPDATE outbox SET next_attempt_at = ?, last_error = ?, claimed_until = NULL, in_flight = FALSE WHERE id = ? "
                + "AND claimed_by = ? AND state = 'pending'", ps -> {
                    Jdbc.setInstant(ps, 1, at);
                    ps.setString(2, cut(error));
                    ps.setLong(3, id);
                    ps.setString(4, worker);
                });
    }

    @Override
    public void markFailed(long id, String worker, String error) {
        update("UPDATE outbox SET state = 'failed', last_error = ?, claimed_until = NULL, in_flight = FALSE WHERE id = ? "
                + "AND claimed_by = ? AND state = 'pending'", ps -> {
                    ps.setString(1, cut(error));
                    ps.setLong(2, id);
                    ps.setString(3, worker);
                });
    }

    @Override
    public void markSkipped(long id, String worker, String why) {
        update("UPDATE outbox SET state = 'skipped', last_error = ?, claimed_until = NULL, in_flight = FALSE "
                + "WHERE id = ? AND claimed_by = ? AND state = 'pending'", ps -> {
                    ps.setString(1, cut(why));
                    ps.setLong(2, id);
                    ps.setString(3, worker);
                });
    }

    @Override
    public List<Posted> pollMessages(long pollId) {
        return Jdbc.inTransaction(db, "reading poll messages", c -> {
            List<Posted> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + ", message_id FROM outbox "
                    + "WHERE poll_id = ? AND kind = 'POLL' AND state = 'sent' ORDER BY id")) {
                ps.setLong(1, pollId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Posted(place(rs), rs.getString("message_id"), post(rs).lang()));
                    }
                }
            }
            return out;
        });
    }

    /** Whether the poll was posted to a channel of this workspace (its users may then vote on it). */
    @Override
    public int depth(Instant now) {
        return count("SELECT COUNT(*) FROM outbox WHERE state = 'pending' AND next_attempt_at <= ?",
                ps -> Jdbc.setInstant(ps, 1, now));
    }

    /** Every post, as (key, state, attempts, message id), for tests and operators. */
    public List<String> describe() {
        return Jdbc.inTransaction(db, "reading the outbox", c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT dedupe_key, state, attempts, message_id FROM outbox ORDER BY id");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getInt(3) + " " + rs.getString(4));
                }
            }
            return out;
        });
    }

    private static ChannelRef place(ResultSet rs) throws SQLException {
        return new ChannelRef(rs.getString("platform"), rs.getString("workspace"), rs.getString("channel"));
    }

    private static String cut(String error) {
        String e = String.valueOf(error);
        return e.length() <= MAX_ERROR ? e : e.substring(0, MAX_ERROR);
    }

    private int count(String sql, Jdbc.Binder binder) {
        return Jdbc.inTransaction(db, "reading the outbox", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                binder.bind(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    private int update(String sql, Jdbc.Binder binder) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw Jdbc.failure("updating the outbox", e);
        }
    }
}
