package io.taolun.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import com.sun.net.httpserver.HttpServer;
import io.taolun.slack.SlackRequests;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signed vote clicks against Taolun's Slack endpoint, next to a bare Bolt app in the same run that only acknowledges
 * (same JDK HTTP server, same request parsing and signature check). Prints a table; decides nothing.
 * Run with {@code mvn -B -q -Pbench test}.
 */
@Tag("benchmark")
final class SlackVoteBenchmark {
    private static final int CLICKS = Integer.getInteger("bench.clicks", 2000);
    private static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 64);

    @TempDir
    Path data;

    private record Run(double perSecond, double p50, double p99, int ok) {
    }

    @Test
    void vote_clicks_against_a_bare_bolt_app() throws Exception {
        try (SlackServerHarness h = new SlackServerHarness(data); BareBolt bare = new BareBolt(h.slack.apiUrl())) {
            h.command("alice", "poll c1");
            h.slack.awaitCall("chat.postMessage", 1, Duration.ofSeconds(10));
            String ts = "1700000000.555555";
            String responseUrl = h.slack.responseUrl("bench");
            run(bare.events, 100, "warm", ts, responseUrl);
            run(h.events, 100, "warm", ts, responseUrl);

            Run baseline = run(bare.events, CLICKS, "bare", ts, responseUrl);
            long began = System.nanoTime();
            Run taolun = run(h.events, CLICKS, "voter", ts, responseUrl);
            double seconds = (System.nanoTime() - began) / 1e9;
            Thread.sleep(2500);

            int stored;
            try (Connection c = h.app.database().dataSource().getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM vote WHERE user_id LIKE 'voter%'")) {
                rs.next();
                stored = rs.getInt(1);
            }
            long updates = h.slack.calls("chat.update").size();
            StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
                    "%n%d signed vote clicks from %d users, %d at a time, %d cores%n", CLICKS, CLICKS, CONCURRENCY,
                    Runtime.getRuntime().availableProcessors()));
            table.append("| endpoint                         | clicks/s | p50 ms | p99 ms | 200s |\n");
            table.append("|----------------------------------|----------|--------|--------|------|\n");
            row(table, "bare Bolt app, ack only", baseline);
            row(table, "Taolun (vote committed, then ack)", taolun);
            table.append(String.format(Locale.ROOT,
                    "ratio %.2f of the bare app's throughput; %d of %d acknowledged votes stored; "
                            + "%d chat.update calls in %.1f s of voting (incl. warm-up and 2.5 s after)%n",
                    taolun.perSecond() / baseline.perSecond(), stored, taolun.ok(), updates, seconds));
            System.out.println(table);
            assertThat(stored).isEqualTo(taolun.ok());
        }
    }

    private static void row(StringBuilder table, String name, Run run) {
        table.append(String.format(Locale.ROOT, "| %-32s | %8.0f | %6.2f | %6.2f | %4d |%n", name, run.perSecond(),
                run.p50(), run.p99(), run.ok()));
    }

    private static Run run(URI events, int clicks, String prefix, String ts, String responseUrl) throws Exception {
        long[] latencies = new long[clicks];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger ok = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
        long began = System.nanoTime();
        for (int t = 0; t < CONCURRENCY; t++) {
            pool.execute(() -> {
                for (int i = next.getAndIncrement(); i < clicks; i = next.getAndIncrement()) {
                    String body = SlackRequests.blockAction("T1", "C1", prefix + i, "taolun-button-0",
                            "vote 1 " + (i % 5 + 1), ts, responseUrl, prefix + "-trigger-" + i);
                    long start = System.nanoTime();
                    try {
                        HttpResponse<String> r = SlackRequests.post(events, SlackServerHarness.SECRET,
                                System.currentTimeMillis() / 1000, body, Map.of());
                        if (r.statusCode() == 200) {
                            ok.incrementAndGet();
                        }
                    } catch (Exception e) {
                        // counted as not acknowledged
                    }
                    latencies[i] = System.nanoTime() - start;
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.MINUTES)).isTrue();
        double seconds = (System.nanoTime() - began) / 1e9;
        Arrays.sort(latencies);
        return new Run(clicks / seconds, latencies[clicks / 2] / 1e6, latencies[(int) (clicks * 0.99)] / 1e6, ok.get());
    }

    /** A Bolt app that only acknowledges button presses, behind the same kind of HTTP server. */
    private static final class BareBolt implements AutoCloseable {
        final URI events;
        private final HttpServer server;

        BareBolt(String apiUrl) throws Exception {
            SlackConfig config = new SlackConfig();
            config.setMethodsEndpointUrlPrefix(apiUrl);
            config.setStatsEnabled(false);
            App app = new App(AppConfig.builder().slack(Slack.getInstance(config))
                    .singleTeamBotToken(SlackServerHarness.TOKEN).signingSecret(SlackServerHarness.SECRET).build());
            app.blockAction(Pattern.compile(".*"), (req, ctx) -> ctx.ack());
            SlackRequestParser parser = new SlackRequestParser(app.config());
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 128);
            server.setExecutor(Executors.newFixedThreadPool(32));
            server.createContext("/slack/events", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                try {
                    Response response = app.run(parser.parse(SlackRequestParser.HttpRequest.builder()
                            .requestUri("/slack/events").queryString(new HashMap<>())
                            .headers(new RequestHeaders(new HashMap<>(exchange.getRequestHeaders())))
                            .requestBody(body).remoteAddress("127.0.0.1").build()));
                    byte[] bytes = response.getBody() == null ? new byte[0]
                            : response.getBody().getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(response.getStatusCode(), bytes.length == 0 ? -1 : bytes.length);
                    if (bytes.length > 0) {
                        try (OutputStream out = exchange.getResponseBody()) {
                            out.write(bytes);
                        }
                    }
                } catch (Exception e) {
                    exchange.sendResponseHeaders(500, -1);
                }
                exchange.close();
            });
            server.start();
            events = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/slack/events");
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
