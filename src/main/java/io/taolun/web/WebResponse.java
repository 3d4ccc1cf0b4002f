package io.taolun.web;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * An answer to a page request: status, content type, body, and extra headers (an ETag, caching). The security
 * headers every answer carries are the server's ({@link WebPages#SECURITY_HEADERS}).
 */
public record WebResponse(int status, String contentType, byte[] body, Map<String, String> headers) {
    public WebResponse {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
        headers = Map.copyOf(headers);
    }

    WebResponse withStatus(int value) {
        return new WebResponse(value, contentType, body, headers);
    }

    static WebResponse html(int status, String html, Map<String, String> headers) {
        return new WebResponse(status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8), headers);
    }

    static WebResponse text(int status, String text) {
        return new WebResponse(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8), Map.of());
    }
}
