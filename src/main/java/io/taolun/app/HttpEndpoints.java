package io.taolun.app;

import io.taolun.slack.HttpExchange;
import io.taolun.slack.SlackAdapter;
import io.taolun.slack.SlackOAuth;
import io.taolun.web.WebPages;
import io.taolun.web.WebResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.BindException;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP endpoints, on Jetty: {@code POST /slack/events} (when Slack runs over HTTP), {@code GET /healthz}
 * (liveness), {@code GET /readyz} (readiness: the database takes a write and every adapter is connected; 503
 * otherwise) and {@code GET /metrics} (Prometheus text). With a management port the last three move there, and the
 * public port serves only Slack. Anything else is a JSON 404.
 *
 * <p>Limits, so that no client can hold the server: connections idle for {@link Limits#idleMillis} are closed (a
 * half-sent request line is idle: Jetty reads without a thread, so a thousand of them cost sockets, not threads); at
 * most {@link Limits#connections} connections, after which Jetty stops accepting until some close; request headers up
 * to 8 KB; bodies over 64 KB are refused with 413 before anything reads them whole; a body must arrive at 1 KB/s or
 * faster; at most {@link Limits#threads} requests are handled at once and {@link Limits#queue} more wait (up to 2 s),
 * the rest get 503 at once.
 */
final class HttpEndpoints implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpEndpoints.class);
    static final int MAX_BODY = 64 * 1024;
    private static final String MANAGEMENT = "management";

    private final org.eclipse.jetty.server.Server server;
    private final ServerConnector main;
    private final ServerConnector management;

    /** A health report: status code and JSON body. */
    record Health(int status, String json) {
    }

    /** The server's limits; {@link #production()} in service, smaller ones in tests. */
    record Limits(long idleMillis, int connections, int threads, int queue) {
        Limits {
            if (idleMillis < 1 || connections < 1 || threads < 8 || queue < 1) {
                throw new IllegalArgumentException("limits must be positive (threads at least 8)");
            }
        }

        static Limits production() {
            // Bolt's handlers wait for their answer up to the ack budget, so a handler holds its thread up to ~3 s
            return new Limits(10_000, 10_000, 200, 1_000);
        }
    }

    HttpEndpoints(Listen listen, Limits limits, Optional<SlackAdapter> slack, Supplier<Health> readiness,
            Supplier<String> metrics) throws BindException {
        this(listen, limits, slack, Optional.empty(), readiness, metrics);
    }

    /** @param web the reading pages, on the public port: {@code /}, {@code /articles/...}, {@code /polls/...} */
    HttpEndpoints(Listen listen, Limits limits, Optional<SlackAdapter> slack, Optional<WebPages> web,
            Supplier<Health> readiness, Supplier<String> metrics) throws BindException {
        // Jetty runs its own tasks (accepts, closes) on this pool too, so its queue stays Jetty's; requests are
        // bounded by the QoS handler below instead
        QueuedThreadPool threads = new QueuedThreadPool(limits.threads() + 16, 4);
        threads.setName("taolun-http");
        threads.setDaemon(true);
        server = new org.eclipse.jetty.server.Server(threads);
        server.setStopTimeout(0);
        main = connector(listen.bind(), listen.port(), limits, "public");
        server.addConnector(main);
        management = listen.separateManagement() ? connector(listen.bind(), listen.managementPort(), limits, MANAGEMENT)
                : null;
        if (management != null) {
            server.addConnector(management);
        }
        server.addBean(new NetworkConnectionLimit(limits.connections(), server));
        // at most `threads` requests handled at once, `queue` more waiting up to 2 s; beyond that 503 at once
        QoSHandler qos = new QoSHandler(new Routes(listen.separateManagement(), slack, web, readiness, metrics));
        qos.setMaxRequestCount(limits.threads());
        qos.setMaxSuspendedRequestCount(limits.queue());
        qos.setMaxSuspend(Duration.ofSeconds(2));
        qos.setRejectStatusCode(503);
        server.setHandler(qos);
        try {
            server.start();
        } catch (Exception e) {
            stopQuietly();
            if (e instanceof BindException bind) {
                throw bind;
            }
            if (e.getCause() instanceof BindException bind) {
                throw bind;
            }
            throw new IllegalStateException("HTTP server did not start: " + e.getClass().getSimpleName(), e);
        }
    }

    private ServerConnector connector(String host, int port, Limits limits, String name) {
        HttpConfiguration http = new HttpConfiguration();
        http.setRequestHeaderSize(8 * 1024);
        http.setResponseHeaderSize(8 * 1024);
        http.setSendServerVersion(false);
        http.setSendDateHeader(false);
        http.setMinRequestDataRate(1024);
        http.setIdleTimeout(limits.idleMillis());
        ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        connector.setIdleTimeout(limits.idleMillis());
        connector.setAcceptQueueSize(128);
        connector.setName(name);
        return connector;
    }

    /** The public port (the one bound, when 0 asked for any). */
    int port() {
        return main.getLocalPort();
    }

    /** The management port: the public one unless a separate one was asked for. */
    int managementPort() {
        return management == null ? port() : management.getLocalPort();
    }

    /** Stops taking connections, giving requests in flight up to {@code seconds} to finish. */
    void stop(int seconds) {
        server.setStopTimeout(seconds * 1000L);
        for (Connector c : server.getConnectors()) {
            try {
                // closes the listening socket at once: no new connections while requests in flight finish
                ((ServerConnector) c).close();
            } catch (RuntimeException e) {
                LOG.debug("connector close", e);
            }
        }
        stopQuietly();
    }

    @Override
    public void close() {
        stop(0);
    }

    private void stopQuietly() {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.info("http server stop: {}", e.getClass().getSimpleName());
        }
    }

    /** The routes; blocking handlers, so not a non-blocking handler. */
    private static final class Routes extends Handler.Abstract {
        private final boolean separateManagement;
        private final Optional<SlackAdapter> slack;
        private final Optional<WebPages> web;
        private final Supplier<Health> readiness;
        private final Supplier<String> metrics;

        Routes(boolean separateManagement, Optional<SlackAdapter> slack, Optional<WebPages> web,
                Supplier<Health> readiness, Supplier<String> metrics) {
            this.separateManagement = separateManagement;
            this.slack = slack;
            this.web = web;
            this.readiness = readiness;
            this.metrics = metrics;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            try {
                String path = request.getHttpURI().getPath();
                boolean onManagement = !separateManagement
                        || MANAGEMENT.equals(request.getConnectionMetaData().getConnector().getName());
                boolean onPublic = !separateManagement || !onManagement;
                String method = request.getMethod();
                if (onManagement && path != null && List.of("/healthz", "/readyz", "/metrics").contains(path)) {
                    if (!method.equals("GET")) {
                        send(response, callback, 405, "application/json", "{\"error\":\"GET only\"}");
                    } else if (path.equals("/healthz")) {
                        send(response, callback, 200, "application/json", "{\"status\":\"alive\"}");
                    } else if (path.equals("/readyz")) {
                        Health h = readiness.get();
                        send(response, callback, h.status(), "application/json", h.json());
                    } else {
                        send(response, callback, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.get());
                    }
                } else if (onPublic && slack.isPresent() && "/slack/events".equals(path)) {
                    slackEvent(request, response, callback, slack.get());
                } else if (onPublic && slack.isPresent() && slack.get().installs()
                        && (SlackOAuth.INSTALL_PATH.equals(path) || SlackOAuth.REDIRECT_PATH.equals(path))) {
                    slackInstall(request, response, callback, slack.get());
                } else if (onPublic && web.isPresent() && WebPages.serves(path)) {
                    page(request, response, callback, web.get(), path);
                } else {
                    send(response, callback, 404, "application/json", "{\"error\":\"not found\"}");
                }
            } catch (IOException | RuntimeException e) {
                LOG.warn("http request failed: {}", e.getClass().getSimpleName());
                if (!response.isCommitted()) {
                    send(response, callback, 500, "application/json", "{\"error\":\"internal\"}");
                } else {
                    callback.failed(e);
                }
            }
            return true;
        }

        private static void slackEvent(Request request, Response response, Callback callback, SlackAdapter adapter)
                throws IOException {
            if (!request.getMethod().equals("POST")) {
                send(response, callback, 405, "application/json", "{\"error\":\"POST only\"}");
                return;
            }
            Optional<String> body = readBody(request);
            if (body.isEmpty()) {
                send(response, callback, 413, "application/json", "{\"error\":\"body over 64 KB\"}");
                return;
            }
            Map<String, List<String>> headers = new HashMap<>();
            for (HttpField field : request.getHeaders()) {
                headers.computeIfAbsent(field.getName(), k -> new ArrayList<>()).add(field.getValue());
            }
            HttpExchange.Out out = adapter.handle(new HttpExchange.In(request.getHttpURI().getPath(),
                    query(request.getHttpURI().getQuery()), headers, body.get(), Request.getRemoteAddr(request),
                    request.getBeginNanoTime()));
            send(response, callback, out.status(), out.contentType(), out.body());
        }

        /** A browser installing the Slack app: GET only, no body; Bolt's redirect and cookie headers are kept. */
        private static void slackInstall(Request request, Response response, Callback callback, SlackAdapter adapter) {
            if (!request.getMethod().equals("GET")) {
                send(response, callback, 405, "application/json", "{\"error\":\"GET only\"}");
                return;
            }
            Map<String, List<String>> headers = new HashMap<>();
            for (HttpField field : request.getHeaders()) {
                headers.computeIfAbsent(field.getName(), k -> new ArrayList<>()).add(field.getValue());
            }
            HttpExchange.Out out = adapter.handleInstall(new HttpExchange.In(request.getHttpURI().getPath(),
                    query(request.getHttpURI().getQuery()), headers, "", Request.getRemoteAddr(request),
                    request.getBeginNanoTime()));
            out.headers().forEach((name, values) -> {
                if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                    values.forEach(value -> response.getHeaders().add(name, value));
                }
            });
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
            send(response, callback, out.status(), out.contentType(), out.body());
        }

        /** A page: its headers (security, ETag, caching), and its body unless the request is HEAD. */
        private static void page(Request request, Response response, Callback callback, WebPages web, String path) {
            WebResponse page = web.handle(request.getMethod(), path,
                    Optional.ofNullable(request.getHttpURI().getQuery()),
                    Optional.ofNullable(request.getHeaders().get(HttpHeader.IF_NONE_MATCH)));
            page.headers().forEach((name, value) -> response.getHeaders().put(name, value));
            response.setStatus(page.status());
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, page.contentType());
            if (page.status() != 304) {
                response.getHeaders().put(HttpHeader.CONTENT_LENGTH, page.body().length);
            }
            boolean body = !request.getMethod().equals("HEAD") && page.status() != 304;
            response.write(true, ByteBuffer.wrap(body ? page.body() : new byte[0]), callback);
        }

        private static Optional<String> readBody(Request request) throws IOException {
            long length = request.getLength();
            if (length > MAX_BODY) {
                return Optional.empty();
            }
            try (InputStream in = Request.asInputStream(request)) {
                byte[] bytes = in.readNBytes(MAX_BODY + 1);
                if (bytes.length > MAX_BODY) {
                    return Optional.empty();
                }
                return Optional.of(new String(bytes, StandardCharsets.UTF_8));
            }
        }
    }

    static Map<String, List<String>> query(String raw) {
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

    private static void send(Response response, Callback callback, int status, String contentType, String body) {
        // every answer, not only the pages': nothing in it may be read as another type, run or framed
        WebPages.SECURITY_HEADERS.forEach((name, value) -> response.getHeaders().put(name, value));
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    }
}
