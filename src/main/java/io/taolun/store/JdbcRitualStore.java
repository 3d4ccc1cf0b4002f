package io.taolun.store;

import io.taolun.core.ChannelRef;
import io.taolun.core.poll.NewPoll;
import io.taolun.core.poll.Poll;
import io.taolun.core.ritual.Ritual;
import io.taolun.core.ritual.RitualStore;
import io.taolun.core.ritual.Run;
import io.taolun.core.ritual.Slot;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
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
            + "r.close_after_minutes, r.round_two_minutes, r.pick, r.config_name, r.created_by, r.active";

    private final DataSource db;

    public JdbcRitualStore(DataSource db) {
        this.db = db;
    }

    @Override
    public Ritual create(Ritual.Spec spec, Instant at) {
        return inTransaction("creating a ritual", c -> new Ritual(RitualRows.insert(c, spec, at), spec, true));
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
    public List<Ritual> inWorkspace(String platform, String workspace) {
        return query("SELECT " + COLUMNS + " FROM ritual r WHERE r.active AND EXISTS (SELECT 1 FROM ritual_target t "
                + "WHERE t.ritual_id = r.id AND t.platform = ? AND t.workspace = ?) ORDER BY r.id", ps -> {
                    ps.setString(1, platform);
                    ps.setString(2, workspace);
                });
    }

    @Override
    public boolean deactivate(long id) {
        return update("UPDATE ritual SET active = FALSE WHERE id = ? AND active", ps -> ps.setLong(1, id)) == 1;
    }

    @Override
    public boolean moveToArticle(long id, String articleId) {
        return update("UPDATE ritual SET article_id = ? WHERE id = ? AND active AND config_name IS NULL "
                + "AND article_id <> ?", ps -> {
                    ps.setString(1, articleId);
                    ps.setLong(2, id);
                    ps.setString(3, articleId);
                }) == 1;
    }

    @Override
    public Upserted upsertConfigured(Ritual.Spec spec, Instant at) {
        String name = spec.configName().orElseThrow(() -> new IllegalArgumentException("not a config ritual"));
        return inTransaction("storing config ritual " + name, c -> {
            Optional<Ritual> existing = RitualRows.list(c, "SELECT " + COLUMNS + " FROM ritual r WHERE r.config_name = ? FOR UPDATE",
                    ps -> ps.setString(1, name)).stream().findFirst();
            if (existing.isPresent() && existing.get().spec().equals(spec) && existing.get().active()) {
                return new Upserted(existing.get(), false);
            }
            if (existing.isEmpty()) {
                return new Upserted(new Ritual(RitualRows.insert(c, spec, at), spec, true), true);
            }
            long id = existing.get().id();
            try (PreparedStatement ps = c.prepareStatement("UPDATE ritual SET kind = ?, article_id = ?, day_of_week = ?, "
                    + "local_time = ?, zone = ?, close_after_minutes = ?, round_two_minutes = ?, pick = ?, active = TRUE WHERE id = ?")) {
                RitualRows.bindRule(ps, spec);
                ps.setLong(9, id);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM ritual_target WHERE ritual_id = ?")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
            RitualRows.insertTargets(c, id, spec.targets());
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
        return inTransaction("reading a ritual run", c -> RitualRows.readRun(c, ritualId, slot, false));
    }

    @Override
    public Optional<Run> runOfPoll(long pollId) {
        return inTransaction("reading a ritual run", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT ritual_id, slot FROM ritual_run WHERE poll_id = ?")) {
                ps.setLong(1, pollId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? RitualRows.readRun(c, rs.getLong(1), rs.getString(2), false) : Optional.<Run>empty();
                }
            }
        });
    }

    @Override
    public Run startRun(long ritualId, Slot slot, boolean skipped, Optional<String> item, String articleId) {
        return inTransaction("recording a ritual run", c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO ritual_run (ritual_id, slot, slot_at, state, "
                    + "item, article_id) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
                ps.setLong(1, ritualId);
                ps.setString(2, slot.key());
                Jdbc.setInstant(ps, 3, slot.at());
                ps.setString(4, skipped ? "skipped" : "posted");
                ps.setString(5, item.orElse(null));
                ps.setString(6, articleId);
                ps.executeUpdate();
            }
            return RitualRows.readRun(c, ritualId, slot.key(), false).orElseThrow();
        });
    }

    @Override
    public List<String> postedItems(long ritualId) {
        return inTransaction("reading a ritual's runs", c -> {
            List<String> items = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT item FROM ritual_run WHERE ritual_id = ? "
                    + "AND state = 'posted' AND item IS NOT NULL "
                    + "AND COALESCE(article_id, (SELECT r.article_id FROM ritual r WHERE r.id = ritual_run.ritual_id)) "
                    + "= (SELECT article_id FROM ritual WHERE id = ?) ORDER BY slot")) {
                ps.setLong(1, ritualId);
                ps.setLong(2, ritualId);
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
            Run run = RitualRows.readRun(c, ritualId, slot, true)
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

    private List<Ritual> query(String sql, Jdbc.Binder binder) {
        return inTransaction("reading rituals", c -> RitualRows.list(c, sql, binder));
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
