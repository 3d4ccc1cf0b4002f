package io.taolun.slack;

import java.util.List;
import java.util.Map;

/** A transport-neutral HTTP request and response, so any HTTP server can carry Slack's requests to the adapter. */
public final class HttpExchange {
    private HttpExchange() {
    }

    /**
     * What arrived: path, query parameters, headers, the raw body, the caller's address, and when it arrived
     * ({@link System#nanoTime()}), from which the ack budget counts.
     */
    public record In(String path, Map<String, List<String>> query, Map<String, List<String>> headers, String body,
            String remoteAddress, long receivedNanos) {
        /** A request arriving now. */
        public In(String path, Map<String, List<String>> query, Map<String, List<String>> headers, String body,
                String remoteAddress) {
            this(path, query, headers, body, remoteAddress, System.nanoTime());
        }
    }

    /** What to send back, with any headers besides its type (a redirect's {@code Location}, {@code Set-Cookie}). */
    public record Out(int status, String contentType, String body, Map<String, List<String>> headers) {
        public Out {
            headers = Map.copyOf(headers);
        }

        public Out(int status, String contentType, String body) {
            this(status, contentType, body, Map.of());
        }

        static Out json(int status, String body) {
            return new Out(status, "application/json; charset=utf-8", body);
        }
    }
}
