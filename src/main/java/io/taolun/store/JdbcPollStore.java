package io.taolun.store;

import io.taolun.core.ChannelRef;
import io.taolun.core.poll.NewPoll;
import io.taolun.core.poll.Poll;
import io.taolun.core.poll.OptionAdded;
import io.taolun.core.poll.PollOption;
import io.taolun.core.poll.PollRound;
import io.taolun.core.poll.PollStore;
import io.taolun.core.poll.Tally;
import io.taolun.core.poll.VoterSalt;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/** {@link PollStore} on JDBC: the same SQL on H2 and PostgreSQL. */
public final class JdbcPollStore implements PollStore {
    private static final String POLL_COLUMNS = "id, article_id, claim_id, question, platform, workspace, channel, "
            + "opener, anonymous, hidden_results, opened_at, closes_at, closed_at, round_no, rounds, first_round, voter_salt, max_choices, "
            + "open_options, deleted_at";

    private final DataSource db;

    public JdbcPollStore(DataSource db) {
        this.db = db;
    }

    @Override
    public Poll open(NewPoll p) {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                long id = insert(c, p);
                c.commit();
                return p.withId(id);
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw Jdbc.failure("opening a poll", e);
        }
    }

    /** Inserts a poll and its options on the caller's connection and transaction; returns its id. */
    static long insert(Connection c, NewPoll p) throws SQLException {
        String sql = "INSERT INTO poll (article_id, claim_id, question, platform, workspace, channel, opener, "
                + "anonymous, hidden_results, opened_at, closes_at, round_no, rounds, first_round, voter_salt, "
                + "max_choices, open_options) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        long id;
        try (PreparedStatement ps = c.prepareStatement(sql, new String[] {"id"})) {
            ps.setString(1, p.articleId());
            ps.setString(2, p.claimId().orElse(null));
            ps.setString(3, p.question());
            ps.setString(4, p.where().platform());
            ps.setString(5, p.where().workspace());
            ps.setString(6, p.where().channel());
            ps.setString(7, p.opener());
            ps.setBoolean(8, p.anonymous());
            ps.setBoolean(9, p.hiddenResults());
            Jdbc.setInstant(ps, 10, p.openedAt());
            Jdbc.setInstant(ps, 11, p.closesAt().orElse(null));
            ps.setInt(12, p.round().number());
            ps.setInt(13, p.round().of());
            ps.setObject(14, p.round().firstRound().orElse(null), java.sql.Types.BIGINT);
            ps.setString(15, p.round().salt().map(VoterSalt::hex).orElse(null));
            ps.setInt(16, p.maxChoices());
            ps.setBoolean(17, p.openOptions());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO poll_option (poll_id, option_no, label_zh, label_en) VALUES (?, ?, ?, ?)")) {
            for (PollOption option : p.options()) {
                ps.setLong(1, id);
                ps.setInt(2, option.number());
                ps.setString(3, option.zh());
                ps.setString(4, option.en());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return id;
    }

    /** A poll read on the caller's connection and transaction. */
    static Optional<Poll> find(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + POLL_COLUMNS + " FROM poll WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(poll(c, rs)) : Optional.empty();
            }
        }
    }

    @Override
    public Optional<Poll> find(long id) {
        List<Poll> polls = query("SELECT " + POLL_COLUMNS + " FROM poll WHERE id = ?", ps -> ps.setLong(1, id));
        return polls.stream().findFirst();
    }

    @Override
    public List<Poll> openIn(ChannelRef where, String articleId, Instant now) {
        return query("SELECT " + POLL_COLUMNS + " FROM poll WHERE platform = ? AND workspace = ? AND channel = ? "
                + "AND article_id = ? AND closed_at IS NULL AND deleted_at IS NULL AND (closes_at IS NULL OR closes_at > ?) "
                + "ORDER BY id DESC", ps -> {
                    bindPlace(ps, where);
                    ps.setString(4, articleId);
                    Jdbc.setInstant(ps, 5, now);
                });
    }

    @Override
    public List<Poll> openInWorkspace(String platform, String workspace, Instant now, int limit) {
        return query("SELECT " + POLL_COLUMNS + " FROM poll WHERE platform = ? AND workspace = ? "
                + "AND closed_at IS NULL AND deleted_at IS NULL AND (closes_at IS NULL OR closes_at > ?) "
                + "ORDER BY id DESC LIMIT ?", ps -> {
                    ps.setString(1, platform);
                    ps.setString(2, workspace);
                    Jdbc.setInstant(ps, 3, now);
                    ps.setInt(4, Math.max(0, limit));
                });
    }

    @Override
    public Optional<Poll> latestIn(ChannelRef where, String articleId) {
        return query("SELECT " + POLL_COLUMNS + " FROM poll WHERE platform = ? AND workspace = ? AND channel = ? "
                + "AND article_id = ? AND deleted_at IS NULL ORDER BY id DESC LIMIT 1", ps -> {
                    bindPlace(ps, where);
                    ps.setString(4, articleId);
                }).stream().findFirst();
    }

    @Override
    public List<Poll> onClaim(String platform, String workspace, String articleId, String claimId) {
        return query("SELECT " + POLL_COLUMNS + " FROM poll WHERE platform = ? AND workspace = ? AND article_id = ? "
                + "AND claim_id = ? AND deleted_at IS NULL ORDER BY id", ps -> {
                    ps.setString(1, platform);
                    ps.setString(2, workspace);
                    ps.setString(3, articleId);
                    ps.setString(4, claimId);
                });
    }

    @Override
    public Optional<Poll> latestOnClaim(String articleId, String claimId) {
        return query("SELECT " + POLL_COLUMNS + " FROM poll WHERE article_id = ? AND claim_id = ? AND deleted_at IS NULL "
                + "ORDER BY id DESC "
                + "LIMIT 1", ps -> {
                    ps.setString(1, articleId);
                    ps.setString(2, claimId);
                }).stream().findFirst();
    }

    @Override
    public boolean close(long id, String by, Instant at) {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                boolean closed;
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE poll SET closed_at = ?, closed_by = ? WHERE id = ? AND closed_at IS NULL")) {
                    Jdbc.setInstant(ps, 1, at);
                    ps.setString(2, by);
                    ps.setLong(3, id);
                    closed = ps.executeUpdate() == 1;
                }
                // a pair that ends forgets its salt: both rows, whichever round this is
                try (PreparedStatement ps = c.prepareStatement("UPDATE poll SET voter_salt = NULL WHERE "
                        + "voter_salt IS NOT NULL AND (id = ? OR id = (SELECT first_round FROM poll WHERE id = ?))")) {
                    ps.setLong(1, id);
                    ps.setLong(2, id);
                    ps.executeUpdate();
                }
                c.commit();
                return closed;
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw Jdbc.failure("closing poll " + id, e);
        }
    }

    @Override
    public OptionAdded addOption(long pollId, String label, String by, Instant at, boolean voter) {
        return locked(pollId, "adding an option to poll " + pollId, c -> {
            Poll poll = find(c, pollId).orElseThrow();
            OptionAdded.Status refused = OptionAdded.refusal(poll, label, at, voter);
            if (refused != null) {
                return new OptionAdded(refused, poll);
            }
            PollOption added = new PollOption(poll.slots() + 1, label, label, voter ? Optional.of(by)
                    : Optional.empty());
            insertOption(c, pollId, added, by, at);
            if (!voter) {
                record(c, pollId, by, at, "added option " + added.number());
            }
            return new OptionAdded(OptionAdded.Status.ADDED, poll.withOption(added));
        });
    }

    private static void insertOption(Connection c, long pollId, PollOption option, String by, Instant at)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO poll_option (poll_id, option_no, label_zh, "
                + "label_en, added_by, added_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, pollId);
            ps.setInt(2, option.number());
            ps.setString(3, option.zh());
            ps.setString(4, option.en());
            ps.setString(5, option.addedBy().orElse(null));
            Jdbc.setInstant(ps, 6, at);
            ps.executeUpdate();
        }
    }

    @Override
    public boolean rewrite(long pollId, String question, List<PollOption> options, String by, Instant at) {
        return locked(pollId, "editing poll " + pollId, c -> {
            Poll poll = find(c, pollId).orElseThrow();
            if (!poll.isOpen(at) || anyVote(c, pollId)) {
                return false;
            }
            update(c, "DELETE FROM poll_option WHERE poll_id = ?", pollId);
            for (PollOption option : options) {
                insertOption(c, pollId, option, by, at);
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE poll SET question = ?, max_choices = LEAST(max_choices, ?) WHERE id = ?")) {
                ps.setString(1, question);
                ps.setInt(2, options.size());
                ps.setLong(3, pollId);
                ps.executeUpdate();
            }
            record(c, pollId, by, at, "question and options replaced");
            return true;
        });
    }

    @Override
    public boolean reschedule(long pollId, Instant closesAt, String by, Instant at) {
        return locked(pollId, "moving the deadline of poll " + pollId, c -> {
            if (!find(c, pollId).orElseThrow().isOpen(at)) {
                return false;
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE poll SET closes_at = ? WHERE id = ?")) {
                Jdbc.setInstant(ps, 1, closesAt);
                ps.setLong(2, pollId);
                ps.executeUpdate();
            }
            record(c, pollId, by, at, "deadline moved to " + closesAt);
            return true;
        });
    }

    @Override
    public boolean removeOption(long pollId, int number, String by, Instant at) {
        return locked(pollId, "removing an option of poll " + pollId, c -> {
            Poll poll = find(c, pollId).orElseThrow();
            if (!poll.isOpen(at) || poll.option(number).isEmpty() || poll.options().size() <= 2) {
                return false;
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE poll_option SET removed_at = ?, removed_by = ? "
                    + "WHERE poll_id = ? AND option_no = ?")) {
                Jdbc.setInstant(ps, 1, at);
                ps.setString(2, by);
                ps.setLong(3, pollId);
                ps.setInt(4, number);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE poll SET max_choices = LEAST(max_choices, ?) WHERE id = ?")) {
                ps.setInt(1, poll.options().size() - 1);
                ps.setLong(2, pollId);
                ps.executeUpdate();
            }
            record(c, pollId, by, at, "removed option " + number + " with " + tallyOf(c, pollId, number) + " votes");
            return true;
        });
    }

    @Override
    public boolean delete(long pollId, String by, Instant at) {
        return locked(pollId, "deleting poll " + pollId, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE poll SET deleted_at = ?, deleted_by = ?, "
                    + "closed_at = COALESCE(closed_at, ?), closed_by = COALESCE(closed_by, ?), voter_salt = NULL "
                    + "WHERE id = ? AND deleted_at IS NULL")) {
                Jdbc.setInstant(ps, 1, at);
                ps.setString(2, by);
                Jdbc.setInstant(ps, 3, at);
                ps.setString(4, by);
                ps.setLong(5, pollId);
                if (ps.executeUpdate() != 1) {
                    return false;
                }
            }
            record(c, pollId, by, at, "deleted");
            return true;
        });
    }

    @Override
    public boolean anyVote(long pollId) {
        try (Connection c = db.getConnection()) {
            return anyVote(c, pollId);
        } catch (SQLException e) {
            throw Jdbc.failure("reading the votes of poll " + pollId, e);
        }
    }

    /** Whether anyone has voted on the poll, even if they withdrew since. */
    private static boolean anyVote(Connection c, long pollId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM vote WHERE poll_id = ? UNION ALL "
                + "SELECT 1 FROM vote_choice WHERE poll_id = ?")) {
            ps.setLong(1, pollId);
            ps.setLong(2, pollId);
            ps.setMaxRows(1);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static int tallyOf(Connection c, long pollId, int option) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT votes FROM vote_tally WHERE poll_id = ? AND option_no = ?")) {
            ps.setLong(1, pollId);
            ps.setInt(2, option);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }

    private static void record(Connection c, long pollId, String by, Instant at, String change) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO poll_edit (poll_id, edited_at, edited_by, change) VALUES (?, ?, ?, ?)")) {
            ps.setLong(1, pollId);
            Jdbc.setInstant(ps, 2, at);
            ps.setString(3, by);
            ps.setString(4, change);
            ps.executeUpdate();
        }
    }

    private static void update(Connection c, String sql, long pollId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, pollId);
            ps.executeUpdate();
        }
    }

    /** Work on one poll under its row lock, in one transaction: the lock orders it with votes and other edits. */
    private interface LockedWork<T> {
        T apply(Connection c) throws SQLException;
    }

    private <T> T locked(long pollId, String what, LockedWork<T> work) {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement ps = c.prepareStatement("SELECT id FROM poll WHERE id = ? FOR UPDATE")) {
                    ps.setLong(1, pollId);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            throw new IllegalArgumentException("poll " + pollId + " is gone");
                        }
                    }
                }
                T result = work.apply(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw Jdbc.failure(what, e);
        }
    }

    @Override
    public Optional<Poll> openSecondRound(NewPoll second) {
        long first = second.round().firstRound().orElseThrow(() -> new IllegalArgumentException("not a round 2"));
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                // the row lock orders this with the votes on round 1 (the ledger locks it too) and with a second
                // opener; the unique index on first_round is the last guard
                try (PreparedStatement ps = c.prepareStatement("SELECT id FROM poll WHERE id = ? FOR UPDATE")) {
                    ps.setLong(1, first);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            throw new IllegalArgumentException("poll " + first + " is gone");
                        }
                    }
                }
                if (secondRoundId(c, first).isPresent()) {
                    c.rollback();
                    return Optional.empty();
                }
                try (PreparedStatement ps = c.prepareStatement("UPDATE poll SET closed_at = ?, closed_by = ? "
                        + "WHERE id = ? AND closed_at IS NULL")) {
                    Jdbc.setInstant(ps, 1, second.openedAt());
                    ps.setString(2, second.opener());
                    ps.setLong(3, first);
                    ps.executeUpdate();
                }
                long id = insert(c, second);
                c.commit();
                return Optional.of(second.withId(id));
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw Jdbc.failure("opening round 2 of poll " + first, e);
        }
    }

    private static Optional<Long> secondRoundId(Connection c, long first) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM poll WHERE first_round = ?")) {
            ps.setLong(1, first);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    @Override
    public Optional<Poll> secondRound(long firstRoundId) {
        return query("SELECT " + POLL_COLUMNS + " FROM poll WHERE first_round = ?", ps -> ps.setLong(1, firstRoundId))
                .stream().findFirst();
    }

    @Override
    public Map<String, Integer> ballots(long pollId) {
        Map<String, Integer> out = new LinkedHashMap<>();
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT v.platform, v.user_id, v.option_no FROM vote v "
                        + "JOIN poll p ON p.id = v.poll_id WHERE v.poll_id = ? AND p.rounds = 2 AND NOT v.retracted "
                        + "ORDER BY v.user_id")) {
            ps.setLong(1, pollId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1) + ":" + rs.getString(2), rs.getInt(3));
                }
            }
        } catch (SQLException e) {
            throw Jdbc.failure("reading the ballots of poll " + pollId, e);
        }
        return out;
    }

    @Override
    public Tally tally(Poll poll) {
        List<Integer> counts = new ArrayList<>(Collections.nCopies(poll.slots(), 0));
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        // the running counts the vote ledger keeps with every commit: a few rows, whatever the poll's size
                        "SELECT option_no, votes FROM vote_tally WHERE poll_id = ?")) {
            ps.setLong(1, poll.id());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int option = rs.getInt(1);
                    // a removed option's votes stay stored and count 0
                    if (option >= 1 && option <= counts.size() && poll.option(option).isPresent()) {
                        counts.set(option - 1, rs.getInt(2));
                    }
                }
            }
            if (poll.multipleChoice()) {
                return new Tally(counts, voters(c, poll.id()));
            }
        } catch (SQLException e) {
            throw Jdbc.failure("counting poll " + poll.id(), e);
        }
        return new Tally(counts);
    }

    /** How many voters of a poll of several choices have at least one choice standing. */
    static int voters(Connection c, long pollId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM (SELECT DISTINCT platform, user_id "
                + "FROM vote_choice WHERE poll_id = ? AND NOT retracted) voters")) {
            ps.setLong(1, pollId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    @Override
    public Map<Integer, List<String>> voters(long pollId) {
        Map<Integer, List<String>> out = new LinkedHashMap<>();
        try (Connection c = db.getConnection();
                // a poll's votes are in one table or the other: vote_choice for a poll of several choices
                PreparedStatement ps = c.prepareStatement("SELECT option_no, user_id, voted_at FROM vote "
                        + "WHERE poll_id = ? AND NOT retracted UNION ALL SELECT option_no, user_id, voted_at "
                        + "FROM vote_choice WHERE poll_id = ? AND NOT retracted ORDER BY 1, 3, 2")) {
            ps.setLong(1, pollId);
            ps.setLong(2, pollId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
        } catch (SQLException e) {
            throw Jdbc.failure("listing voters of poll " + pollId, e);
        }
        return out;
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private static void bindPlace(PreparedStatement ps, ChannelRef where) throws SQLException {
        ps.setString(1, where.platform());
        ps.setString(2, where.workspace());
        ps.setString(3, where.channel());
    }

    private List<Poll> query(String sql, Binder binder) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            List<Poll> polls = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    polls.add(poll(c, rs));
                }
            }
            return polls;
        } catch (SQLException e) {
            throw Jdbc.failure("reading polls", e);
        }
    }

    private static Poll poll(Connection c, ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        List<PollOption> all = new ArrayList<>();
        List<PollOption> removed = new ArrayList<>();
        options(c, id, all, removed);
        return new Poll(id, rs.getString("article_id"), Optional.ofNullable(rs.getString("claim_id")),
                rs.getString("question"), all,
                new ChannelRef(rs.getString("platform"), rs.getString("workspace"), rs.getString("channel")),
                rs.getString("opener"), rs.getBoolean("anonymous"), rs.getBoolean("hidden_results"),
                Jdbc.instant(rs, "opened_at").orElseThrow(), Jdbc.instant(rs, "closes_at"),
                Jdbc.instant(rs, "closed_at"), round(rs), rs.getInt("max_choices"), rs.getBoolean("open_options"),
                removed, Jdbc.instant(rs, "deleted_at"));
    }

    private static PollRound round(ResultSet rs) throws SQLException {
        long first = rs.getLong("first_round");
        Optional<Long> firstRound = rs.wasNull() ? Optional.empty() : Optional.of(first);
        return new PollRound(rs.getInt("round_no"), rs.getInt("rounds"), firstRound,
                Optional.ofNullable(rs.getString("voter_salt")).map(VoterSalt::new));
    }

    /** The poll's options in order into {@code live}, and those removed into {@code removed}. */
    private static void options(Connection c, long pollId, List<PollOption> live, List<PollOption> removed)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT option_no, label_zh, label_en, added_by, removed_at "
                + "FROM poll_option WHERE poll_id = ? ORDER BY option_no")) {
            ps.setLong(1, pollId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    PollOption option = new PollOption(rs.getInt(1), rs.getString(2), rs.getString(3),
                            Optional.ofNullable(rs.getString(4)));
                    (rs.getObject(5) == null ? live : removed).add(option);
                }
            }
        }
    }
}
