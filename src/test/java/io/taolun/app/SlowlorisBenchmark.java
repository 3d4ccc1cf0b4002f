package io.taolun.app;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code /healthz} beside idle connections that each sent half a request line (a slowloris): Taolun's Jetty server
 * with 1,000 of them, against the JDK's httpserver as Taolun ran it before (128 threads, no read timeout) with 128.
 * Prints the median and worst of 50 health checks (5 for the baseline), a check that gets no answer within 5 s counting as 5 s.
 * {@code mvn -B -q -Pbench test -Dtest=SlowlorisBenchmark}
 */
@Tag("benchmark")
final class SlowlorisBenchmark {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @Test
    void healthz_beside_half_sent_requests() throws Exception {
        double[] ours;
        try (HttpEndpoints jetty = new HttpEndpoints(new Listen("127.0.0.1", 0, 0), HttpEndpoints.Limits.production(),
                Optional.empty(), () -> new HttpEndpoints.Health(200, "{}"), () -> "")) {
            ours = checks(jetty.port(), 1000, 50);
        }
        HttpServer jdk = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 128);
        jdk.setExecutor(Executors.newFixedThreadPool(128));
        jdk.createContext("/healthz", exchange -> {
            byte[] body = "{\"status\":\"alive\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        jdk.start();
        double[] before;
        try {
            before = checks(jdk.getAddress().getPort(), 128, 5);
        } finally {
            jdk.stop(0);
        }
        System.out.printf("slowloris: /healthz median %.1f ms, worst %.1f ms beside 1000 idle connections (Jetty);"
                + " baseline JDK httpserver beside 128: median %.1f ms, worst %.1f ms; ratio of medians %.4f%n",
                ours[0], ours[1], before[0], before[1], ours[0] / before[0]);
    }

    /** Opens {@code idle} half-sent requests, then times {@code n} health checks: median and worst, in ms. */
    private static double[] checks(int port, int idle, int n) throws Exception {
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < idle; i++) {
                Socket s = new Socket();
                s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
                s.getOutputStream().write("GET /hea".getBytes(StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
                sockets.add(s);
            }
            double[] millis = new double[n];
            for (int i = 0; i < millis.length; i++) {
                long start = System.nanoTime();
                try {
                    CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz"))
                            .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding());
                    millis[i] = (System.nanoTime() - start) / 1e6;
                } catch (java.net.http.HttpTimeoutException e) {
                    millis[i] = 5000;
                }
            }
            Arrays.sort(millis);
            return new double[] {millis[millis.length / 2], millis[millis.length - 1]};
        } finally {
            for (Socket s : sockets) {
                s.close();
            }
        }
    }
}
