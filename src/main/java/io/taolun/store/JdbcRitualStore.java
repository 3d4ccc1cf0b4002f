package io.taolun.store;

import io.taolun.core.ChannelRef;
import io.taolun.core.poll.NewPoll;
import io.taolun.core.poll.Poll;
import io.taolun.core.ritual.Ritual;
import io.taolun.core.ritual.RitualKind;
import io.taolun.core.ritual.RitualStore;
import io.taolun.core.ritual.Run;
import io.taolun.core.ritual.Slot;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/** {@link RitualStore} on JDBC: the same SQL on H2 and PostgreSQL. */
public final class JdbcRitualStore implements RitualStore {
    private static final String COLUMNS = "r.id, r.kind, r.article_id, r.day_of_week, r.local_time, r.zone, "
            + "r.close_after_minutes, r.config_name, r.created_by, r.active";

    private final DataSource db;

    public JdbcRitualStore(DataSource db) {
        this.db = db;
    }

    @Override
    public Ritual create(Ritual.Spec spec, Instant at) {
        return inTransaction("creating a ritual", c -> new Ritual(insert(c, spec, at), spec, true));
    }

    @Override
    public Optional<Ritual> find(long id) {
        return query("SELECT " + COLUMNS + " FROM ritual r WHERE r.id = ?", ps -> ps.setLong(1, id)).stream()
                .findFirst();
    }

    @Override
    public List<Ritual> in(ChannelRef where) {
        return query("SELECT " + COLUMNS + " FROM ritual r WHERE r.active AND EXISTS (SELECT 1 FROM ritual_target t "
                + "WHERE t.ritual_id = r.id AND t.platform = ? AND t.workspace = ? AND t.channel = ?) ORDER BY r.id",
                ps -> {
                    ps.setString(1, where.platform());
                    ps.setString(2, where.workspace());
                    ps.setString(3, where.channel());
                });
    }

    @Override
    public boolean deactivate(long id) {
        return update("UPDATE ritual SET active = FALSE WHERE id = ? AND active", ps -> ps.setLong(1, id)) == 1;
    }

    @Override
    public Upserted upsertConfigured(Ritual.Spec spec, Instant at) {
        String name = spec.configName().orElseThrow(() -> new IllegalArgumentException("not a config ritual"));
        return inTransaction("storing config ritual " + name, c -> {
            Optional<Ritual> existing = list(c, "SELECT " + COLUMNS + " FROM ritual r WHERE r.config_name = ? FOR UPDATE",
                    ps -> ps.setString(1, name)).stream().findFirst();
            if (existing.isPresent() && existing.get().spec().equals(spec) && existing.get().active()) {
                return new Upserted(existing.get(), false);
            }
            if (existing.isEmpty()) {
                return new Upserted(new Ritual(insert(c, spec, at), spec, true), true);
            }
            long id = existing.get().id();
            try (PreparedStatement ps = c.prepareStatement("UPDATE ritual SET kind = ?, article_id = ?, day_of_week = ?, "
                    + "local_time = ?, zone = ?, close_after_minutes = ?, active = TRUE WHERE id = ?")) {
                bindRule(ps, spec);
                ps.setLong(7, id);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM ritual_target WHERE ritual_id = ?")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
            insertTargets(c, id, spec.targets());
            return new Upserted(new Ritual(id, spec, true), true);
        });
    }

    @Override
    public List<Long> deactivateConfiguredExcept(Set<String> names) {
        List<Long> off = new ArrayList<>();
        for (Ritual r : query("SELECT " + COLUMNS + " FROM ritual r WHERE r.active AND r.config_name IS NOT NULL",
                ps -> { })) {
            if (!names.contains(r.spec().configName().orElseThrow()) && deactivate(r.id())) {
                off.add(r.id());
            }
        }
        return off;
    }

    @Override
    public Optional<Run> run(long ritualId, String slot) {
        return inTransaction("reading a ritual run", c -> readRun(c, ritualId, slot, false));
    }

    @Override
    public Optional<Run> runOfPoll(long pollId) {
        return inTransaction("reading a ritual run", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT ritual_id, slot FROM ritual_run WHERE poll_id = ?")) {
                ps.setLong(1, pollId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? readRun(c, rs.getLong(1), rs.getString(2), false) : Optional.<Run>empty();
                }
            }
        });
    }

    @Override
    public Run startRun(long ritualId, Slot slot, boolean skipped, Optional<String> item) {
        return inTransaction("recording a ritual run", c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO ritual_run (ritual_id, slot, slot_at, state, "
                    + "item) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
                ps.setLong(1, ritualId);
                ps.setString(2, slot.key());
                Jdbc.setInstant(ps, 3, slot.at());
                ps.setString(4, skipped ? "skipped" : "posted");
                ps.setString(5, item.orElse(null));
                ps.executeUpdate();
            }
            return readRun(c, ritualId, slot.key(), false).orElseThrow();
        });
    }

    @Override
    public List<String> postedItems(long ritualId) {
        return inTransaction("reading a ritual's runs", c -> {
            List<String> items = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT item FROM ritual_run WHERE ritual_id = ? "
                    + "AND state = 'posted' AND item IS NOT NULL ORDER BY slot")) {
                ps.setLong(1, ritualId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        items.add(rs.getString(1));
                    }
                }
            }
            return items;
        });
    }

    @Override
    public Poll openPollOnce(long ritualId, String slot, NewPoll poll) {
        return inTransaction("opening a ritual's poll", c -> {
            Run run = readRun(c, ritualId, slot, true)
                    .orElseThrow(() -> new IllegalStateException("no run " + ritualId + "/" + slot));
            if (run.pollId().isPresent()) {
                return JdbcPollStore.find(c, run.pollId().get()).orElseThrow();
            }
            long id = JdbcPollStore.insert(c, poll);
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE ritual_run SET poll_id = ? WHERE ritual_id = ? AND slot = ?")) {
                ps.setLong(1, id);
                ps.setLong(2, ritualId);
                ps.setString(3, slot);
                ps.executeUpdate();
            }
            return poll.withId(id);
        });
    }

    @Override
    public boolean markClosed(long ritualId, String slot) {
        return update("UPDATE ritual_run SET closed = TRUE WHERE ritual_id = ? AND slot = ? AND NOT closed", ps -> {
            ps.setLong(1, ritualId);
            ps.setString(2, slot);
        }) == 1;
    }

    @Override
    public Map<String, Integer> claimPollCounts(ChannelRef where, String articleId) {
        return inTransaction("counting polls per claim", c -> {
            Map<String, Integer> counts = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT claim_id, COUNT(*) FROM poll WHERE platform = ? "
                    + "AND workspace = ? AND channel = ? AND article_id = ? AND claim_id IS NOT NULL GROUP BY claim_id")) {
                ps.setString(1, where.platform());
                ps.setString(2, where.workspace());
                ps.setString(3, where.channel());
                ps.setString(4, articleId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        counts.put(rs.getString(1), rs.getInt(2));
                    }
                }
            }
            return counts;
        });
    }

    private static long insert(Connection c, Ritual.Spec spec, Instant at) throws SQLException {
        long id;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ritual (kind, article_id, day_of_week, local_time, "
                + "zone, close_after_minutes, config_name, created_by, created_at, active) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, TRUE)", new String[] {"id"})) {
            bindRule(ps, spec);
            ps.setString(7, spec.configName().orElse(null));
            ps.setString(8, spec.createdBy());
            Jdbc.setInstant(ps, 9, at);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        insertTargets(c, id, spec.targets());
        return id;
    }

    private static void bindRule(PreparedStatement ps, Ritual.Spec spec) throws SQLException {
        ps.setString(1, spec.kind().word());
        ps.setString(2, spec.articleId());
        ps.setObject(3, spec.day().map(DayOfWeek::getValue).orElse(null));
        ps.setString(4, spec.time().toString());
        ps.setString(5, spec.zone().getId());
        ps.setInt(6, (int) spec.closeAfter().toMinutes());
    }

    private static void insertTargets(Connection c, long id, List<ChannelRef> targets) throws SQLException {
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

    private static Optional<Run> readRun(Connection c, long ritualId, String slot, boolean lock) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT slot_at, state, item, poll_id, closed FROM ritual_run "
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
                        rs.getBoolean("closed")));
            }
        }
    }

    private static List<Ritual> list(Connection c, String sql, Jdbc.Binder binder) throws SQLException {
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

    private static Ritual ritual(Connection c, ResultSet rs) throws SQLException {
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
        Ritual.Spec spec = new Ritual.Spec(kind, rs.getString("article_id"), dayOfWeek,
                LocalTime.parse(rs.getString("local_time")), ZoneId.of(rs.getString("zone")),
                Duration.ofMinutes(rs.getInt("close_after_minutes")), targets,
                Optional.ofNullable(rs.getString("config_name")), rs.getString("created_by"));
        return new Ritual(id, spec, rs.getBoolean("active"));
    }

    private List<Ritual> query(String sql, Jdbc.Binder binder) {
        return inTransaction("reading rituals", c -> list(c, sql, binder));
    }

    private int update(String sql, Jdbc.Binder binder) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw Jdbc.failure("updating rituals", e);
        }
    }

    private <T> T inTransaction(String what, Jdbc.Work<T> work) {
        return Jdbc.inTransaction(db, what, work);
    }
}
