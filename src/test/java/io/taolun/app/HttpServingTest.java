package io.taolun.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taolun.testing.Await;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The HTTP server as an attacker and a misconfiguration would meet it: a slowloris, unknown paths, a management
 * port, a bind address, bad listen variables.
 */
final class HttpServingTest {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static HttpEndpoints endpoints(Listen listen, HttpEndpoints.Limits limits) throws Exception {
        return new HttpEndpoints(listen, limits, Optional.empty(),
                () -> new HttpEndpoints.Health(200, "{\"status\":\"ok\"}"), () -> "up 1\n");
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void a_thousand_half_sent_requests_leave_healthz_answering_and_are_closed_by_the_idle_timeout() throws Exception {
        // GIVEN the server with a 3 s idle timeout
        try (HttpEndpoints http = endpoints(new Listen("127.0.0.1", 0, 0),
                new HttpEndpoints.Limits(3_000, 10_000, 16, 100))) {
            // AND 1,000 connections, each having sent half a request line and nothing more
            List<Socket> idle = new ArrayList<>();
            try {
                for (int i = 0; i < 1000; i++) {
                    Socket s = new Socket();
                    s.connect(new InetSocketAddress("127.0.0.1", http.port()), 5_000);
                    OutputStream out = s.getOutputStream();
                    out.write("GET /hea".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    idle.add(s);
                }
                // WHEN a health check comes while they are all open
                long start = System.nanoTime();
                HttpResponse<String> health = get(http.port(), "/healthz");
                long millis = (System.nanoTime() - start) / 1_000_000;
                System.out.println("healthz beside 1000 half-sent requests: " + millis + " ms");
                // THEN it is answered
                assertThat(health.statusCode()).isEqualTo(200);
                assertThat(health.body()).contains("alive");
                // AND every idle connection is closed by the server (the client reads end of stream)
                for (Socket s : idle) {
                    s.setSoTimeout((int) Await.CEILING.toMillis());
                    InputStream in = s.getInputStream();
                    int read;
                    try {
                        read = in.read();
                        while (read >= 0) {
                            read = in.read();
                        }
                    } catch (SocketTimeoutException e) {
                        throw new AssertionError("a half-sent request was kept open past the ceiling", e);
                    } catch (java.net.SocketException e) {
                        read = -1; // reset by the server: closed as well
                    }
                    assertThat(read).isEqualTo(-1);
                }
            } finally {
                for (Socket s : idle) {
                    s.close();
                }
            }
        }
    }

    @Test
    void unknown_paths_and_methods_get_short_json_answers() throws Exception {
        // GIVEN the server
        try (HttpEndpoints http = endpoints(new Listen("127.0.0.1", 0, 0), HttpEndpoints.Limits.production())) {
            // WHEN unknown paths, Slack's path without Slack, and a POST to /healthz are asked for
            HttpResponse<String> unknown = get(http.port(), "/nothing/here");
            HttpResponse<String> slack = get(http.port(), "/slack/events");
            HttpResponse<String> post = CLIENT.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + http.port() + "/healthz"))
                    .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
            // THEN each gets a short JSON answer, and no server version is announced
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(unknown.body()).isEqualTo("{\"error\":\"not found\"}");
            assertThat(unknown.headers().firstValue("content-type")).hasValue("application/json");
            assertThat(unknown.headers().firstValue("server")).isEmpty();
            assertThat(slack.statusCode()).isEqualTo(404);
            assertThat(post.statusCode()).isEqualTo(405);
            assertThat(post.body()).isEqualTo("{\"error\":\"GET only\"}");
        }
    }

    @Test
    void a_management_port_takes_health_and_metrics_off_the_public_port() throws Exception {
        // GIVEN a free port for management
        int managementPort;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            managementPort = free.getLocalPort();
        }
        // WHEN the server listens on a public port and that management port
        try (HttpEndpoints http = endpoints(new Listen("127.0.0.1", 0, managementPort),
                HttpEndpoints.Limits.production())) {
            // THEN health, readiness and metrics answer on the management port
            assertThat(http.managementPort()).isEqualTo(managementPort);
            assertThat(get(managementPort, "/healthz").statusCode()).isEqualTo(200);
            assertThat(get(managementPort, "/readyz").statusCode()).isEqualTo(200);
            assertThat(get(managementPort, "/metrics").body()).isEqualTo("up 1\n");
            // AND not on the public one
            assertThat(get(http.port(), "/metrics").statusCode()).isEqualTo(404);
            assertThat(get(http.port(), "/healthz").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void the_bind_address_limits_where_it_listens() throws Exception {
        // GIVEN an address of this host other than loopback, when there is one
        Optional<String> other = java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(n -> java.util.Collections.list(n.getInetAddresses()).stream())
                .filter(a -> a instanceof java.net.Inet4Address && !a.isLoopbackAddress())
                .map(java.net.InetAddress::getHostAddress).findFirst();
        // WHEN the server binds to 127.0.0.1
        try (HttpEndpoints http = endpoints(new Listen("127.0.0.1", 0, 0), HttpEndpoints.Limits.production())) {
            // THEN it answers on loopback
            assertThat(get(http.port(), "/healthz").statusCode()).isEqualTo(200);
            // AND a connection to the host's other address is refused
            if (other.isPresent()) {
                assertThatThrownBy(() -> {
                    try (Socket s = new Socket()) {
                        s.connect(new InetSocketAddress(other.get(), http.port()), 5_000);
                    }
                }).isInstanceOf(java.net.ConnectException.class);
            }
        }
    }

    @Test
    void bad_listen_variables_are_named_together() {
        // WHEN the port, the management port and the bind address are all wrong
        List<String> problems = Listen.problems(Map.of("TAOLUN_PORT", "80000", "TAOLUN_MANAGEMENT_PORT", "x",
                "TAOLUN_BIND", "example.com"));
        // THEN each is named once
        assertThat(problems).hasSize(3);
        assertThat(String.join("\n", problems)).contains("TAOLUN_PORT: \"80000\"")
                .contains("TAOLUN_MANAGEMENT_PORT: \"x\"").contains("TAOLUN_BIND: \"example.com\"");
        // AND good ones make a listen address
        Listen listen = Listen.from(Map.of("TAOLUN_PORT", "3000", "TAOLUN_MANAGEMENT_PORT", "9090",
                "TAOLUN_BIND", "127.0.0.1"));
        assertThat(listen).isEqualTo(new Listen("127.0.0.1", 3000, 9090));
        assertThat(listen.separateManagement()).isTrue();
        assertThat(Listen.from(Map.of())).isEqualTo(new Listen("0.0.0.0", 3000, 3000));
    }
}
