package io.taolun.app;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every thread pool of Taolun, created here and nowhere else, and injected into what uses it. A pool's threads start
 * with its first task, so a console that never serves starts none of the serving pools.
 */
final class Pools {
    /** Answers commands, off the platforms' request threads. */
    final LogContextExecutor work = new LogContextExecutor(shrinking(16, "taolun-work"));
    /**
     * Runs votes, apart from commands so that a stalled database cannot hold up answers that need none; as many as
     * the vote writer groups in one commit, so a burst fills a group.
     */
    final LogContextExecutor votes = new LogContextExecutor(shrinking(32, "taolun-votes"));
    /** Slack Web API and response_url calls, which may wait out retries: a slow Slack never delays a vote. */
    final LogContextExecutor calls =
            new LogContextExecutor(shrinking(16, "taolun-slack-calls"));
    /** Timed work of the adapters (Discord's deferrals, Slack's later attempts at a post). */
    final ScheduledThreadPoolExecutor timers = timers("taolun-timer");
    /** Deletes delivery marks past every platform's retry window; apart from the timers, which quiet() watches. */
    final ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(
            named("taolun-housekeeping"));
    /** One health probe at a time; while one hangs (the pool waits for a connection), the next is refused. */
    final ExecutorService healthCheck = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(1), named("taolun-health"), new ThreadPoolExecutor.AbortPolicy());
    /** The vote ledger's one writer, which commits votes in groups. */
    final ExecutorService voteWriter = Executors.newSingleThreadExecutor(named("taolun-vote-writer"));
    /** Records and refreshes posted poll messages. */
    final ExecutorService refreshWork = Executors.newFixedThreadPool(2, named("taolun-poll-refresh"));
    /** Coalesces refreshes of a poll's messages. */
    final ScheduledThreadPoolExecutor refreshTimer = timers("taolun-poll-refresh-timer");
    /** The outbox's delivery passes. */
    final ScheduledExecutorService delivery = Executors.newSingleThreadScheduledExecutor(named("taolun-outbox"));

    /** The pools that serve requests, for a server's orderly stop. */
    List<ExecutorService> serving() {
        return List.of(work, votes);
    }

    /**
     * A fixed pool whose threads end after a minute idle: a burst grows it to its size, and a quiet server gives the
     * threads (and their stacks) back instead of keeping them for good.
     */
    private static ExecutorService shrinking(int size, String name) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(size, size, 60, TimeUnit.SECONDS,
                new java.util.concurrent.LinkedBlockingQueue<>(), named(name));
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /** A cancelled timer leaves the queue at once, so an empty queue means none wait. */
    private static ScheduledThreadPoolExecutor timers(String name) {
        ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1, named(name));
        timers.setRemoveOnCancelPolicy(true);
        return timers;
    }

    /** Waits for the executor until the deadline, then interrupts what still runs. */
    static void stop(ExecutorService executor, long deadlineNanos) {
        executor.shutdown();
        try {
            long left = Math.max(0, deadlineNanos - System.nanoTime());
            if (!executor.awaitTermination(left, TimeUnit.NANOSECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
