package io.taolun.app;

import io.taolun.discord.DiscordAdapter;
import io.taolun.slack.SlackAdapter;
import io.taolun.store.JdbcDeliveryLog;
import java.io.PrintStream;
import java.net.BindException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Taolun serving its platforms: the inbound side, built last on a {@link Composition}: the Slack adapter over HTTP or
 * Socket Mode, the Discord adapter, and the HTTP endpoints. Closing it stops taking requests, lets those in flight
 * finish, and stops the rest; the composition closes what it opened afterwards.
 */
final class Server implements AutoCloseable {
    private final Composition app;
    private final Pools pools;
    private final JdbcDeliveryLog deliveryLog;
    private final Optional<SlackAdapter> slack;
    private final Optional<DiscordAdapter> discord;
    private final HttpEndpoints http;

    /** @param app built with {@link Outbound#of} the same {@code platforms} */
    Server(Composition app, TaolunConfig config, PlatformSettings platforms, Clock clock, PrintStream out)
            throws Exception {
        this.app = app;
        this.pools = app.pools();
        // a server needs its database: a bad URL or password stops start-up here
        app.database().open();
        this.deliveryLog = new JdbcDeliveryLog(app.database().dataSource(), clock);
        pools.housekeeping.scheduleWithFixedDelay(deliveryLog::forgetOld, 1, 10, TimeUnit.MINUTES);
        Outbound outbound = app.outbound();
        if (platforms.slack().isPresent() != outbound.slack().isPresent()
                || platforms.discord().isPresent() != outbound.discord().isPresent()) {
            throw new IllegalArgumentException("the composition was built for other platforms than these");
        }
        try {
            this.slack = outbound.slack().map(s -> new SlackAdapter(s, app.router(), app.followUps(), config.lang(),
                    pools.work, pools.votes, pools.calls, pools.timers, clock, app.metrics(), deliveryLog,
                    app.completions(), app.home()));
        } catch (IllegalStateException e) {
            close();
            throw new ConfigException("SLACK_BOT_TOKEN: " + e.getMessage());
        }
        this.discord = platforms.discord().map(d -> new DiscordAdapter(d, outbound.discord().orElseThrow(),
                app.router(), app.followUps(), app.completions(), config.polls().policy().maxDuration(), pools.work,
                pools.timers, app.metrics()));
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
                    slackOverHttp ? slack : Optional.empty(), Optional.of(app.web()), this::health,
                    app.metrics()::scrape);
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
        app.rituals().start();
        Listen listen = platforms.listen();
        out.println("taolun: serving on port " + http.port() + " of " + listen.bind() + " ("
                + (http.managementPort() != http.port() ? "healthz and metrics on port " + http.managementPort()
                : "healthz") + (slack.isPresent() ? ", slack " + slack.get().state()
                + (slack.get().installs() ? ", installs at " + io.taolun.slack.SlackOAuth.INSTALL_PATH : "") : "")
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
        return pools.work.idle() && pools.votes.idle() && pools.calls.idle() && pools.timers.getQueue().isEmpty()
                && pools.timers.getActiveCount() == 0;
    }

    HttpEndpoints.Health health() {
        boolean db;
        try {
            // the pool waits up to 30 s for a connection; a probe must answer sooner
            db = CompletableFuture.supplyAsync(app.database()::probe, pools.healthCheck).get(2, TimeUnit.SECONDS);
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
        long serving = start + TimeUnit.SECONDS.toNanos(graceSeconds + 2L);
        pools.work.shutdown();
        pools.votes.shutdown();
        Pools.stop(pools.work, serving);
        Pools.stop(pools.votes, serving);
        app.rituals().close();
        Pools.stop(pools.calls, start + TimeUnit.SECONDS.toNanos(graceSeconds + 4L));
        if (slack != null) {
            slack.ifPresent(SlackAdapter::close);
        }
        if (discord != null) {
            discord.ifPresent(DiscordAdapter::close);
        }
        for (ExecutorService rest : List.of(pools.healthCheck, pools.timers, pools.housekeeping)) {
            rest.shutdownNow();
        }
    }
}
