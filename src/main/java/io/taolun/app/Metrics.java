package io.taolun.app;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.taolun.core.Telemetry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * The bot's figures for Prometheus: commands, acknowledgements, votes and scheduled posts (as {@link Telemetry}),
 * the outbox depth, the connection pool (HikariCP reports to {@link #registry}) and the JVM. Served as text at
 * {@code GET /metrics}.
 */
final class Metrics implements Telemetry, AutoCloseable {
    /** Histogram buckets for latencies: few, fixed, so a scrape stays small (not Micrometer's ~70 per series). */
    private static final Duration[] BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
        Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
        Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    /**
     * The meters already registered, by name and tags: building and registering a meter (its id, sorted tags and
     * the registry's lookup) on every command cost more than recording into it. Tag values come from a small fixed
     * set (platforms, command names, outcomes), so this stays small.
     */
    private final Map<List<String>, Timer> timers = new ConcurrentHashMap<>();
    private final Map<List<String>, Counter> counters = new ConcurrentHashMap<>();

    Metrics() {
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    MeterRegistry registry() {
        return registry;
    }

    /** How many scheduled posts wait in the outbox, read at each scrape. */
    void outboxDepth(IntSupplier depth) {
        Gauge.builder("taolun.outbox.depth", depth::getAsInt)
                .description("scheduled posts waiting to be made").register(registry);
    }

    /** Everything, in Prometheus's text format. */
    String scrape() {
        return registry.scrape();
    }

    @Override
    public void commandHandled(String platform, String command, String outcome, long nanos) {
        timers.computeIfAbsent(List.of("taolun.commands", platform, command, outcome), k -> Timer
                .builder("taolun.commands").description("commands answered by the core, and how long the answer took")
                .tags("platform", platform, "command", command, "outcome", outcome)
                .serviceLevelObjectives(BUCKETS).register(registry)).record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void acknowledged(String platform, String kind, long nanos) {
        timers.computeIfAbsent(List.of("taolun.acks", platform, kind), k -> Timer
                .builder("taolun.acks").description("platform requests acknowledged, and how long that took")
                .tags("platform", platform, "kind", kind)
                .serviceLevelObjectives(BUCKETS).register(registry)).record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void voteRecorded(String outcome, long nanos) {
        timers.computeIfAbsent(List.of("taolun.votes", outcome), k -> Timer
                .builder("taolun.votes").description("votes committed, and how long until they were")
                .tags("outcome", outcome)
                .serviceLevelObjectives(BUCKETS).register(registry)).record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void posted(String platform, String kind) {
        counters.computeIfAbsent(List.of("taolun.posts", platform, kind), k -> Counter.builder("taolun.posts")
                .description("scheduled posts made").tags("platform", platform, "kind", kind)
                .register(registry)).increment();
    }

    @Override
    public void postRetried(String platform) {
        counters.computeIfAbsent(List.of("taolun.post.retries", platform), k -> Counter
                .builder("taolun.post.retries").description("scheduled posts refused for now, to be tried again")
                .tags("platform", platform).register(registry)).increment();
    }

    @Override
    public void postFailed(String platform) {
        counters.computeIfAbsent(List.of("taolun.post.failures", platform), k -> Counter
                .builder("taolun.post.failures").description("scheduled posts given up")
                .tags("platform", platform).register(registry)).increment();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
