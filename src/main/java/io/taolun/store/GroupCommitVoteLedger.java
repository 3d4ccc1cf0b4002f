package io.taolun.store;

import io.taolun.core.poll.VoteLedger;
import io.taolun.core.poll.VoteReceipt;
import io.taolun.core.poll.VoteRejectedException;
import io.taolun.core.poll.VoteRequest;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable vote path. Callers block in {@link #cast} until their vote is committed; one writer drains whatever
 * votes are waiting and commits them together, so a burst costs one commit per group instead of one per vote.
 *
 * <p>A group first locks the row of each poll it touches ({@code SELECT ... FOR UPDATE}) and checks that the poll is
 * still open: a close, which updates that row, therefore happens wholly before or wholly after the group, and no
 * vote is counted after a poll closed, whichever replica closed it. Under that lock the group ({@link VoteGroup})
 * reads the poll's running counts ({@code vote_tally}, a few rows), marks its delivery ids in one batch, inserts the
 * rows of first-time voters in one batch, takes the keyed single-statement path of {@link VoteStatements} only for
 * voters who already had a row, and moves the running counts by what it changed in one more batch: a group of
 * first-time voters costs the same few round trips however many votes it holds and however large the poll has grown.
 * The counts handed back are those the group committed, and a caller is answered only after the commit.
 * Votes are applied in key order, so two replicas writing groups at once take locks in the same order.
 *
 * <p>Failures: a statement that fails (bad data, a lock timeout, a deadlock) rolls the group back and its votes are
 * retried one by one, so one bad vote does not sink the others; a failed commit or a lost connection fails the whole
 * group, because whether it committed is unknown, and its voters are told to try again. The writer survives every
 * failure.
 */
public final class GroupCommitVoteLedger implements VoteLedger, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitVoteLedger.class);
    static final int MAX_GROUP = 256;
    /** How long a caller waits for its vote's commit before it gives the vote up (or, once taken, its outcome). */
    static final long WAIT_SECONDS = 30;

    private static final int QUEUED = 0;
    private static final int TAKEN = 1;
    private static final int ABANDONED = 2;

    private static final Comparator<Pending> KEY_ORDER = Comparator
            .comparingLong((Pending p) -> p.vote.pollId())
            .thenComparing(p -> p.vote.platform())
            .thenComparing(p -> p.vote.user());

    private final DataSource db;
    private final Duration doubleClick;
    private final long waitMillis;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();
    private final LongAdder groups = new LongAdder();
    private final LongAdder votes = new LongAdder();
    private final AtomicInteger waiting = new AtomicInteger();
    private volatile boolean running = true;

    /** A vote waiting for the writer; {@code state} makes "taken by the writer" and "given up by the caller" exclusive. */
    private record Pending(VoteRequest vote, CompletableFuture<VoteReceipt> done, AtomicInteger state) {
        static Pending of(VoteRequest vote) {
            return new Pending(vote, new CompletableFuture<>(), new AtomicInteger(QUEUED));
        }
    }

    /** How many commits have been made, and how many votes they held: the grouping at work. */
    public record Stats(long commits, long votes) {
    }

    /**
     * @param doubleClick a repeat of the same option within this time is a double click and changes nothing
     * @param writer      runs the writer loop; owned by the caller, who shuts it down after {@link #close}
     */
    public GroupCommitVoteLedger(DataSource db, Duration doubleClick, ExecutorService writer) {
        this(db, doubleClick, writer, Duration.ofSeconds(WAIT_SECONDS));
    }

    /**
     * @param wait how long a vote waits in the queue for the writer before it is refused as not written in time
     *             (tests on a loaded machine give it as long as they wait themselves)
     */
    public GroupCommitVoteLedger(DataSource db, Duration doubleClick, ExecutorService writer, Duration wait) {
        this.db = db;
        this.doubleClick = doubleClick;
        this.waitMillis = wait.toMillis();
        writer.execute(this::writeLoop);
    }

    @Override
    public VoteReceipt cast(VoteRequest vote) {
        Pending pending = Pending.of(vote);
        if (!running) {
            throw new VoteRejectedException("the ledger is closed", null);
        }
        waiting.incrementAndGet();
        try {
            queue.add(pending);
            if (stopped.isDone() && queue.remove(pending)) {
                throw new VoteRejectedException("the ledger is closed", null);
            }
            return await(pending);
        } finally {
            waiting.decrementAndGet();
        }
    }

    private VoteReceipt await(Pending pending) {
        try {
            return pending.done.get(waitMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            if (pending.state.compareAndSet(QUEUED, ABANDONED)) {
                throw new VoteRejectedException("vote not written in time; it was not counted", e);
            }
            return awaitTaken(pending);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (pending.state.compareAndSet(QUEUED, ABANDONED)) {
                throw new VoteRejectedException("interrupted before the vote was written", e);
            }
            return awaitTaken(pending);
        } catch (ExecutionException e) {
            throw new VoteRejectedException("vote not committed", e.getCause());
        }
    }

    /** The writer has the vote in a transaction: its outcome is coming, so wait for it rather than guess. */
    private VoteReceipt awaitTaken(Pending pending) {
        try {
            return pending.done.get(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VoteRejectedException("interrupted while the vote was being committed", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new VoteRejectedException("vote not committed", e);
        }
    }

    public Stats stats() {
        return new Stats(groups.sum(), votes.sum());
    }

    /** How many callers are waiting in {@link #cast} for their vote's commit (tests wait on it). */
    int waiting() {
        return waiting.get();
    }

    /** Stops taking votes, commits those already queued, and waits for the writer to finish. */
    @Override
    public void close() {
        running = false;
        queue.add(new Pending(null, null, new AtomicInteger(QUEUED)));
        try {
            stopped.get(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("vote writer did not stop cleanly", e);
        }
        failQueued();
    }

    private void writeLoop() {
        try {
            boolean stopping = false;
            while (!stopping) {
                List<Pending> group = new ArrayList<>();
                group.add(queue.take());
                queue.drainTo(group, MAX_GROUP - 1);
                stopping = group.removeIf(p -> p.vote == null);
                if (stopping) {
                    // take in what was queued before the stop marker
                    queue.drainTo(group);
                    group.removeIf(p -> p.vote == null);
                }
                try {
                    write(group);
                } catch (RuntimeException | Error e) {
                    LOG.error("vote writer: unexpected failure; {} votes refused", group.size(), e);
                    group.forEach(p -> p.done.completeExceptionally(e));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            running = false;
            failQueued();
            stopped.complete(null);
        }
    }

    private void failQueued() {
        for (Pending p = queue.poll(); p != null; p = queue.poll()) {
            if (p.done != null) {
                p.done.completeExceptionally(new IllegalStateException("ledger closed"));
            }
        }
    }

    private void write(List<Pending> offered) {
        List<Pending> group = new ArrayList<>();
        for (Pending p : offered) {
            if (p.state.compareAndSet(QUEUED, TAKEN)) {
                group.add(p);
            }
        }
        if (group.isEmpty()) {
            return;
        }
        group.sort(KEY_ORDER);
        List<VoteReceipt> receipts;
        boolean statementsDone = false;
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (VoteStatements s = new VoteStatements(c, doubleClick)) {
                receipts = VoteGroup.write(s, group.stream().map(p -> p.vote).toList());
                statementsDone = true;
                c.commit();
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c);
                throw e;
            }
        } catch (SQLException | RuntimeException e) {
            failed(group, e, statementsDone);
            return;
        }
        groups.increment();
        votes.add(group.size());
        for (int i = 0; i < group.size(); i++) {
            Pending p = group.get(i);
            p.done.complete(receipts.get(i));
        }
    }

    /** After a rollback: retry one by one when a statement failed; fail the group when the commit itself did. */
    private void failed(List<Pending> group, Exception e, boolean duringCommit) {
        boolean connectionLost = e instanceof SQLException sql && sql.getSQLState() != null
                && sql.getSQLState().startsWith("08");
        if (group.size() > 1 && !duringCommit && !connectionLost) {
            LOG.warn("group of {} votes rolled back ({}); writing them one by one", group.size(), e.getMessage());
            for (Pending p : group) {
                p.state.compareAndSet(TAKEN, QUEUED);
                write(new ArrayList<>(List.of(p)));
            }
            return;
        }
        LOG.error("{} vote(s) not committed{}: {}", group.size(), duringCommit ? " (commit failed)" : "",
                e.getMessage());
        group.forEach(p -> p.done.completeExceptionally(e));
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            LOG.debug("rollback failed", e);
        }
    }
}
