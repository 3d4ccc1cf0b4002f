package io.taolun.app;

import io.taolun.chart.PngResultChart;
import io.taolun.core.ChatGateway;
import io.taolun.discord.DiscordAdapter;
import io.taolun.slack.SlackAdapter;
import io.taolun.store.JdbcDeliveryLog;
import java.io.PrintStream;
import java.net.BindException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Taolun serving its platforms: the Slack adapter over HTTP or Socket Mode and the HTTP endpoints, on top of a
 * {@link Composition}. Closing it stops taking requests, lets those in flight finish, and closes the rest.
 */
final class Server implements AutoCloseable {
    private final Composition app;
    private final LogContextExecutor work =
            new LogContextExecutor(Executors.newFixedThreadPool(16, named("taolun-work")));
    private final LogContextExecutor votes =
            new LogContextExecutor(Executors.newFixedThreadPool(32, named("taolun-votes")));
    // one probe at a time; while one hangs (the pool waits for a connection), the next is refused: not ready
    private final ExecutorService healthCheck = new ThreadPoolExecutor(1, 1, 0,
            TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(1), named("taolun-health"),
            new ThreadPoolExecutor.AbortPolicy());
    private final LogContextExecutor calls =
            new LogContextExecutor(Executors.newFixedThreadPool(16, named("taolun-slack-calls")));
    private final ScheduledThreadPoolExecutor timers = timers();
    // deletes delivery marks past every platform's retry window; apart from the timers, which quiet() watches
    private final ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(
            named("taolun-housekeeping"));
    private final JdbcDeliveryLog deliveryLog;
    private final Optional<SlackAdapter> slack;
    private final Optional<DiscordAdapter> discord;
    private final HttpEndpoints http;

    Server(Composition app, TaolunConfig config, PlatformSettings platforms, Clock clock, PrintStream out)
            throws Exception {
        this.app = app;
        this.deliveryLog = new JdbcDeliveryLog(app.database().dataSource(), clock);
        housekeeping.scheduleWithFixedDelay(deliveryLog::forgetOld, 1, 10, TimeUnit.MINUTES);
        try {
            this.slack = platforms.slack().map(s -> new SlackAdapter(s, app.router(), app.pollMessages(), config.lang(),
                    work, votes, calls, timers, clock, app.metrics(), deliveryLog));
        } catch (IllegalStateException e) {
            close();
            throw new ConfigException("SLACK_BOT_TOKEN: " + e.getMessage());
        }
        this.discord = platforms.discord().map(d -> new DiscordAdapter(d, app.router(), app.pollMessages(),
                app.shelf(), config.polls().policy().maxDuration(), work, timers, clock, app.metrics()));
        try {
            discord.ifPresent(DiscordAdapter::start);
        } catch (RuntimeException e) {
            close();
            throw new ConfigException("DISCORD_TOKEN: Discord refused the token or could not be reached ("
                    + e.getClass().getSimpleName() + ")");
        }
        boolean slackOverHttp = slack.isPresent() && !platforms.slack().get().socketMode();
        try {
            this.http = new HttpEndpoints(platforms.listen(), HttpEndpoints.Limits.production(),
                    slackOverHttp ? slack : Optional.empty(), this::health, app.metrics()::scrape);
        } catch (BindException e) {
            close(0);
            Listen l = platforms.listen();
            throw new ConfigException("TAOLUN_PORT/TAOLUN_MANAGEMENT_PORT/TAOLUN_BIND: " + l.bind() + " port "
                    + l.port() + (l.separateManagement() ? " or " + l.managementPort() : "") + " cannot be used ("
                    + e.getMessage() + "); is another process on it, or is the address not this host's?");
        }
        if (slack.isPresent() && platforms.slack().get().socketMode()) {
            slack.get().startSocketMode();
        }
        List<ChatGateway> gateways = new ArrayList<>();
        slack.ifPresent(s -> gateways.add(s.gateway()));
        discord.ifPresent(d -> gateways.add(d.gateway()));
        app.rituals().start(gateways, new PngResultChart());
        work.execute(app::warmSearch);
        Listen listen = platforms.listen();
        out.println("taolun: serving on port " + http.port() + " of " + listen.bind() + " ("
                + (http.managementPort() != http.port() ? "healthz and metrics on port " + http.managementPort()
                : "healthz") + (slack.isPresent() ? ", slack " + slack.get().state() : "")
                + (discord.isPresent() ? ", discord" : "") + ")");
    }

    int port() {
        return http.port();
    }

    int managementPort() {
        return http.managementPort();
    }

    /**
     * True when no answer, vote, platform call or timed update is under way or waiting: until the next request or
     * scheduled post, nothing more will be sent. Tests wait for it before checking that something was not sent.
     */
    boolean quiet() {
        return work.idle() && votes.idle() && calls.idle() && timers.getQueue().isEmpty()
                && timers.getActiveCount() == 0;
    }

    /** One thread for timed work; a cancelled timer leaves the queue at once, so an empty queue means none wait. */
    private static ScheduledThreadPoolExecutor timers() {
        ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1, named("taolun-timer"));
        timers.setRemoveOnCancelPolicy(true);
        return timers;
    }

    HttpEndpoints.Health health() {
        boolean db;
        try {
            // the pool waits up to 30 s for a connection; a probe must answer sooner
            db = CompletableFuture.supplyAsync(app.database()::probe, healthCheck).get(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            db = false;
        } catch (ExecutionException | TimeoutException | RejectedExecutionException e) {
            db = false;
        }
        boolean ready = db && slack.map(SlackAdapter::ready).orElse(true)
                && discord.map(DiscordAdapter::ready).orElse(true);
        List<String> states = new ArrayList<>();
        slack.ifPresent(s -> states.add("\"slack\":\"" + s.state() + "\""));
        discord.ifPresent(d -> states.add("\"discord\":\"" + d.state() + "\""));
        String adapters = String.join(",", states);
        String json = "{\"status\":\"" + (ready ? "ok" : "unavailable") + "\",\"database\":\"" + (db ? "up" : "down")
                + "\",\"adapters\":{" + adapters + "}}";
        return new HttpEndpoints.Health(ready ? 200 : 503, json);
    }

    @Override
    public void close() {
        close(3);
    }

    /**
     * Stops: no new requests (Discord interactions are answered "restarting"; the HTTP listener closes, requests in
     * flight get up to {@code graceSeconds}, more than Slack's 2 s acknowledgement budget); the answers and votes in
     * flight finish; no new scheduled posts, the one being made finishes; then the platform sessions close. The
     * composition closes the vote writer and the pool after; Main's watchdog cuts anything past 9.5 s.
     */
    void close(int graceSeconds) {
        long start = System.nanoTime();
        if (discord != null) {
            discord.ifPresent(DiscordAdapter::stopTakingInteractions);
        }
        if (http != null) {
            http.stop(graceSeconds);
        }
        work.shutdown();
        votes.shutdown();
        await(work, start + TimeUnit.SECONDS.toNanos(graceSeconds + 2L));
        await(votes, start + TimeUnit.SECONDS.toNanos(graceSeconds + 2L));
        app.rituals().close();
        calls.shutdown();
        await(calls, start + TimeUnit.SECONDS.toNanos(graceSeconds + 4L));
        if (slack != null) {
            slack.ifPresent(SlackAdapter::close);
        }
        if (discord != null) {
            discord.ifPresent(DiscordAdapter::close);
        }
        for (ExecutorService rest : List.of(healthCheck, timers, housekeeping)) {
            rest.shutdownNow();
        }
    }

    /** Waits for the executor until the deadline, then interrupts what still runs. */
    private static void await(ExecutorService executor, long deadlineNanos) {
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

    private static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
