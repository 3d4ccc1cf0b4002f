package io.taolun.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.taolun.core.TestBot;
import io.taolun.core.poll.InMemoryPolls;
import io.taolun.web.WebPages;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The pages through the app's Jetty: headers on the wire, HEAD without a body, other methods refused. */
final class WebServingTest {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String ARTICLE = "/articles/000_a8e75d267bb866eb";

    private static HttpEndpoints serve() throws Exception {
        InMemoryPolls polls = new InMemoryPolls(Duration.ofSeconds(1));
        TestBot bot = TestBot.withPolls(polls, polls, TestBot.everyoneMayOpen());
        return new HttpEndpoints(new Listen("127.0.0.1", 0, 0), HttpEndpoints.Limits.production(), Optional.empty(),
                Optional.of(new WebPages(TestBot.library(), polls, bot.clock())),
                () -> new HttpEndpoints.Health(200, "{\"status\":\"ok\"}"), () -> "up 1\n");
    }

    private static HttpResponse<String> send(int port, String method, String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void a_page_arrives_with_its_security_headers_and_etag_and_head_has_the_same_headers_without_a_body()
            throws Exception {
        try (HttpEndpoints http = serve()) {
            HttpResponse<String> get = send(http.port(), "GET", ARTICLE);
            assertThat(get.statusCode()).isEqualTo(200);
            assertThat(get.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
            assertThat(get.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                    csp -> assertThat(csp).startsWith("default-src 'none'"));
            assertThat(get.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(get.headers().firstValue("Referrer-Policy")).contains("no-referrer");
            assertThat(get.headers().firstValue("ETag")).isPresent();
            assertThat(get.body()).contains("<h1 lang=\"zh\">");
            HttpResponse<String> head = send(http.port(), "HEAD", ARTICLE);
            assertThat(head.statusCode()).isEqualTo(200);
            assertThat(head.body()).isEmpty();
            assertThat(head.headers().firstValue("ETag")).isEqualTo(get.headers().firstValue("ETag"));
            assertThat(head.headers().firstValueAsLong("Content-Length")).hasValue(
                    get.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
            HttpResponse<String> again = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + http.port() + ARTICLE)).header("If-None-Match", get.headers().firstValue("ETag").orElseThrow())
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(again.statusCode()).isEqualTo(304);
            assertThat(again.body()).isEmpty();
        }
    }

    @Test
    void other_methods_are_refused_and_the_health_endpoints_still_answer_beside_the_pages() throws Exception {
        try (HttpEndpoints http = serve()) {
            for (String method : new String[] {"POST", "PUT", "DELETE", "OPTIONS"}) {
                HttpResponse<String> refused = send(http.port(), method, "/");
                assertThat(refused.statusCode()).as(method).isEqualTo(405);
                assertThat(refused.headers().firstValue("Allow")).contains("GET, HEAD");
                assertThat(refused.headers().firstValue("Content-Security-Policy")).isPresent();
            }
            assertThat(send(http.port(), "GET", "/healthz").body()).contains("alive");
            HttpResponse<String> elsewhere = send(http.port(), "GET", "/favicon.ico");
            assertThat(elsewhere.statusCode()).isEqualTo(404);
            assertThat(elsewhere.headers().firstValue("Content-Security-Policy")).isPresent();
            assertThat(elsewhere.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
            HttpResponse<String> missing = send(http.port(), "GET", "/articles/none");
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(missing.body()).contains("找不到这个页面");
            assertThat(send(http.port(), "GET", "/slack/events").statusCode()).isEqualTo(404);
            assertThat(send(http.port(), "GET", "/static/taolun.js").headers().firstValue("Content-Type"))
                    .contains("text/javascript; charset=utf-8");
        }
    }
}
