package io.taolun.app;

import io.taolun.core.ChatRequest;
import io.taolun.core.article.SeedLoader;
import io.taolun.web.WebPages;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reading page served by the app's Jetty: requests per second for {@code /articles/<id>} (rendered per request,
 * with each claim's latest poll read from H2) against the same bytes served as a static file by the same server, in
 * the same run, {@code bench.webClients} clients (default 8) for {@code bench.webSeconds} each (default 10), after a
 * warm-up. Then how long a vote takes to show in a poll's JSON (what the page's script reads every 2 s): median of 50.
 * Prints a table; decides nothing. Run with {@code mvn -B -q -Pbench test -Dtest=WebBenchmark}.
 */
@Tag("benchmark")
final class WebBenchmark {
    private static final int CLIENTS = Integer.getInteger("bench.webClients", 8);
    private static final int SECONDS = Integer.getInteger("bench.webSeconds", 10);
    private static final String ARTICLE = "/articles/000_a8e75d267bb866eb";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    @TempDir
    Path data;

    @Test
    void the_article_page_against_the_same_bytes_served_static() throws Exception {
        try (Composition app = new Composition(TaolunConfig.defaults(), new SeedLoader().load(Path.of("seeds")),
                DatabaseSettings.from(Map.of(), data), Clock.systemUTC(), new Random(5), e -> { })) {
            app.database().open();
            // a season of polls, so that the page reads real tallies
            for (int c = 1; c <= 40; c++) {
                if (ask(app, "host", "poll c" + c).contains("#")) {
                    for (int v = 0; v < 10; v++) {
                        ask(app, "u" + v, "vote " + c + " " + (1 + (v + c) % 3));
                    }
                }
            }
            byte[] page = app.web().handle("GET", ARTICLE, Optional.empty(), Optional.empty()).body();
            WebPages web = new WebPages(new SeedLoader().load(Path.of("seeds")), app.pollQueries(), Clock.systemUTC(),
                    Map.of("article-copy.html", page), Duration.ofSeconds(Long.getLong("bench.webFresh", 1)),
                    com.github.benmanes.caffeine.cache.Ticker.systemTicker());
            try (HttpEndpoints http = new HttpEndpoints(new Listen("127.0.0.1", 0, 0),
                    HttpEndpoints.Limits.production(), Optional.empty(), Optional.of(web),
                    () -> new HttpEndpoints.Health(200, "{}"), () -> "")) {
                String base = "http://127.0.0.1:" + http.port();
                load(base + ARTICLE, 3);
                load(base + "/static/article-copy.html", 3);
                double rendered = load(base + ARTICLE, SECONDS);
                double copy = load(base + "/static/article-copy.html", SECONDS);
                double shown = voteShown(app, base);
                System.out.printf(Locale.ROOT, "%n%d clients, %d s each, %d cores, page %,d bytes%n"
                        + "| path | requests/s |%n|---|---|%n| /articles/<id> (rendered) | %,.0f |%n"
                        + "| the same bytes, static | %,.0f |%n| ratio | %.2f |%n"
                        + "a vote shown in /polls/<id>.json: median %.1f ms after the vote returned (the page's "
                        + "script reads it every 2 s)%n", CLIENTS, SECONDS,
                        Runtime.getRuntime().availableProcessors(), page.length, rendered, copy, rendered / copy,
                        shown);
            }
        }
    }

    private static String ask(Composition app, String user, String text) {
        return app.router().handle(new ChatRequest("console", "local", "console", user, "", text)).plainText();
    }

    /** Requests per second from {@link #CLIENTS} clients over {@code seconds}; every answer must be a 200. */
    private static double load(String url, int seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long start = System.nanoTime();
        List<Future<?>> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            clients.add(pool.submit(() -> {
                HttpRequest request = HttpRequest.newBuilder(URI.create(url)).GET().build();
                while (System.nanoTime() < end) {
                    HttpResponse<byte[]> r = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    if (r.statusCode() != 200) {
                        throw new IllegalStateException(url + " answered " + r.statusCode());
                    }
                    done.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> f : clients) {
            f.get();
        }
        pool.shutdown();
        return done.get() / ((System.nanoTime() - start) / 1e9);
    }

    /** Milliseconds from a vote returning to its poll's JSON counting it, median of 50 votes. */
    private static double voteShown(Composition app, String base) throws Exception {
        String opened = ask(app, "host", "poll c7");
        long id = Long.parseLong(opened.replaceAll("(?s).*?#(\\d+).*", "$1"));
        double[] ms = new double[50];
        for (int i = 0; i < ms.length; i++) {
            ask(app, "voter" + i, "vote " + id + " 1");
            long voted = System.nanoTime();
            String expected = "\"votes\":" + (i + 1) + ",";
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/polls/" + id + ".json")).GET().build();
            while (!HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body().contains(expected)) {
                Thread.onSpinWait();
            }
            ms[i] = (System.nanoTime() - voted) / 1e6;
        }
        Arrays.sort(ms);
        return ms[ms.length / 2];
    }
}
