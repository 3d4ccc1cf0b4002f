package io.taolun.app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.taolun.slack.SlackAdapter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP endpoints on {@code TAOLUN_PORT}: {@code POST /slack/events} (when Slack runs over HTTP), {@code GET
 * /healthz} (liveness: the process serves HTTP), {@code GET /readyz} (readiness: the database answers and every
 * adapter is connected; 503 otherwise) and {@code GET /metrics} (Prometheus text). Bodies over 64 KB are refused
 * before anything reads them whole.
 */
final class HttpEndpoints implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpEndpoints.class);
    static final int MAX_BODY = 64 * 1024;

    private final HttpServer server;

    /** A health report: status code and JSON body. */
    record Health(int status, String json) {
    }

    HttpEndpoints(int port, Optional<SlackAdapter> slack, Supplier<Health> readiness, Supplier<String> metrics,
            ExecutorService threads) throws IOException {
        server = HttpServer.create(new InetSocketAddress(port), 128);
        server.setExecutor(threads);
        get("/healthz", exchange -> send(exchange, 200, "application/json", "{\"status\":\"alive\"}"));
        get("/readyz", exchange -> {
            Health h = readiness.get();
            send(exchange, h.status(), "application/json", h.json());
        });
        get("/metrics", exchange -> send(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.get()));
        slack.ifPresent(adapter -> server.createContext("/slack/events", exchange -> slackEvent(exchange, adapter)));
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** A GET-only endpoint at exactly this path. */
    private void get(String path, com.sun.net.httpserver.HttpHandler handler) {
        server.createContext(path, exchange -> {
            try {
                if (!exchange.getRequestURI().getPath().equals(path)) {
                    send(exchange, 404, "text/plain", "not found");
                } else if (!exchange.getRequestMethod().equals("GET")) {
                    send(exchange, 405, "text/plain", "GET only");
                } else {
                    handler.handle(exchange);
                }
            } catch (RuntimeException e) {
                LOG.warn("{} failed: {}", path, e.getClass().getSimpleName());
                send(exchange, 500, "text/plain", "internal error");
            }
        });
    }

    /** Stops taking connections, giving requests in flight up to {@code seconds} to finish. */
    void stop(int seconds) {
        server.stop(seconds);
    }

    @Override
    public void close() {
        stop(0);
    }

    private static void slackEvent(HttpExchange exchange, SlackAdapter adapter) throws IOException {
        try {
            if (!exchange.getRequestMethod().equals("POST")) {
                send(exchange, 405, "text/plain", "POST only");
                return;
            }
            Optional<String> body = readBody(exchange);
            if (body.isEmpty()) {
                send(exchange, 413, "text/plain", "body over 64 KB");
                return;
            }
            io.taolun.slack.HttpExchange.Out out = adapter.handle(new io.taolun.slack.HttpExchange.In(
                    exchange.getRequestURI().getPath(), query(exchange.getRequestURI().getRawQuery()),
                    new HashMap<>(exchange.getRequestHeaders()), body.get(),
                    exchange.getRemoteAddress().getAddress().getHostAddress()));
            send(exchange, out.status(), out.contentType(), out.body());
        } catch (RuntimeException e) {
            LOG.error("slack endpoint failed", e);
            send(exchange, 500, "text/plain", "internal error");
        }
    }

    private static Optional<String> readBody(HttpExchange exchange) throws IOException {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (length != null && length.matches("\\d{1,12}") && Long.parseLong(length) > MAX_BODY) {
            return Optional.empty();
        }
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                return Optional.empty();
            }
            return Optional.of(new String(bytes, StandardCharsets.UTF_8));
        }
    }

    private static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> out = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            String[] kv = pair.split("=", 2);
            try {
                String key = URLDecoder.decode(kv[0], StandardCharsets.UTF_8);
                String value = kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "";
                out.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
            } catch (IllegalArgumentException e) {
                // a malformed %-escape in the query: the parameter is dropped, Slack never sends one
            }
        }
        return out;
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        if (bytes.length == 0) {
            exchange.sendResponseHeaders(status, -1);
        } else {
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        exchange.close();
    }
}
