package io.taolun.store;

import io.taolun.core.ChannelRef;
import io.taolun.core.ritual.Pick;
import io.taolun.core.ritual.Ritual;
import io.taolun.core.ritual.RitualKind;
import io.taolun.core.ritual.Run;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Rituals and runs to and from rows, on the caller's connection: the SQL {@link JdbcRitualStore} builds on. */
final class RitualRows {
    private RitualRows() {
    }

    static long insert(Connection c, Ritual.Spec spec, Instant at) throws SQLException {
        long id;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ritual (kind, article_id, day_of_week, local_time, "
                + "zone, close_after_minutes, round_two_minutes, pick, config_name, created_by, created_at, active) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, TRUE)", new String[] {"id"})) {
            bindRule(ps, spec);
            ps.setString(9, spec.configName().orElse(null));
            ps.setString(10, spec.createdBy());
            Jdbc.setInstant(ps, 11, at);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        insertTargets(c, id, spec.targets());
        return id;
    }

    static void bindRule(PreparedStatement ps, Ritual.Spec spec) throws SQLException {
        ps.setString(1, spec.kind().word());
        ps.setString(2, spec.articleId());
        ps.setObject(3, spec.day().map(DayOfWeek::getValue).orElse(null));
        ps.setString(4, spec.time().toString());
        ps.setString(5, spec.zone().getId());
        ps.setInt(6, (int) spec.closeAfter().toMinutes());
        ps.setObject(7, spec.roundTwoAfter().map(d -> (int) d.toMinutes()).orElse(null), java.sql.Types.INTEGER);
        ps.setString(8, spec.pick().word());
    }

    static void insertTargets(Connection c, long id, List<ChannelRef> targets) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ritual_target (ritual_id, position, platform, "
                + "workspace, channel) VALUES (?, ?, ?, ?, ?)")) {
            for (int i = 0; i < targets.size(); i++) {
                ps.setLong(1, id);
                ps.setInt(2, i);
                ps.setString(3, targets.get(i).platform());
                ps.setString(4, targets.get(i).workspace());
                ps.setString(5, targets.get(i).channel());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    static Optional<Run> readRun(Connection c, long ritualId, String slot, boolean lock) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT slot_at, state, item, poll_id, closed, "
                // a run written by a version before V5 (a rolling upgrade) names no article: its ritual's
                + "COALESCE(article_id, (SELECT r.article_id FROM ritual r WHERE r.id = ritual_run.ritual_id)) "
                + "AS article_id FROM ritual_run "
                + "WHERE ritual_id = ? AND slot = ?" + (lock ? " FOR UPDATE" : ""))) {
            ps.setLong(1, ritualId);
            ps.setString(2, slot);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long poll = rs.getLong("poll_id");
                Optional<Long> pollId = rs.wasNull() ? Optional.empty() : Optional.of(poll);
                return Optional.of(new Run(ritualId, slot, Jdbc.instant(rs, "slot_at").orElseThrow(),
                        rs.getString("state").equals("skipped"), Optional.ofNullable(rs.getString("item")), pollId,
                        rs.getBoolean("closed"), rs.getString("article_id")));
            }
        }
    }

    static List<Ritual> list(Connection c, String sql, Jdbc.Binder binder) throws SQLException {
        List<Ritual> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(ritual(c, rs));
                }
            }
        }
        return out;
    }

    static Ritual ritual(Connection c, ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        int day = rs.getInt("day_of_week");
        Optional<DayOfWeek> dayOfWeek = rs.wasNull() ? Optional.empty() : Optional.of(DayOfWeek.of(day));
        List<ChannelRef> targets = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT platform, workspace, channel FROM ritual_target "
                + "WHERE ritual_id = ? ORDER BY position")) {
            ps.setLong(1, id);
            try (ResultSet t = ps.executeQuery()) {
                while (t.next()) {
                    targets.add(new ChannelRef(t.getString(1), t.getString(2), t.getString(3)));
                }
            }
        }
        RitualKind kind = RitualKind.parse(rs.getString("kind")).orElseThrow();
        int roundTwo = rs.getInt("round_two_minutes");
        Optional<Duration> roundTwoAfter = rs.wasNull() ? Optional.empty() : Optional.of(Duration.ofMinutes(roundTwo));
        Pick pick = Optional.ofNullable(rs.getString("pick")).flatMap(Pick::parse).orElse(Pick.MIXED);
        Ritual.Spec spec = new Ritual.Spec(kind, rs.getString("article_id"), dayOfWeek,
                LocalTime.parse(rs.getString("local_time")), ZoneId.of(rs.getString("zone")),
                Duration.ofMinutes(rs.getInt("close_after_minutes")), targets,
                Optional.ofNullable(rs.getString("config_name")), rs.getString("created_by"), roundTwoAfter, pick);
        return new Ritual(id, spec, rs.getBoolean("active"));
    }
}
