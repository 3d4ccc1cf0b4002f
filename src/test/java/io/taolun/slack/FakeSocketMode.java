package io.taolun.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.taolun.testing.Await;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/** A loopback Slack Socket Mode server: says hello, sends envelopes and collects the client's acks. */
public final class FakeSocketMode implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HELLO = "{\"type\":\"hello\",\"num_connections\":1,\"debug_info\":{\"host\":\"fake\"},"
            + "\"connection_info\":{\"app_id\":\"A1\"}}";
    private static final Duration CONNECTION_WAIT = Await.CEILING;

    private final Server server = new Server();
    private final Object lock = new Object();
    private final Map<String, JsonNode> acks = new HashMap<>();
    private final List<JsonNode> received = new ArrayList<>();
    private WebSocket latest;
    private int opened;

    private FakeSocketMode() {
    }

    /** Starts a server on 127.0.0.1 at an ephemeral port. */
    public static FakeSocketMode start() {
        FakeSocketMode fake = new FakeSocketMode();
        fake.server.begin();
        return fake;
    }

    @Override
    public void close() {
        try {
            server.stop(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The WebSocket URL to hand out from apps.connections.open. */
    public String url() {
        return "ws://127.0.0.1:" + server.getPort() + "/";
    }

    /** How many connections were opened so far. */
    public int connections() {
        synchronized (lock) {
            return opened;
        }
    }

    /** Every message the clients sent, oldest first. */
    public List<JsonNode> received() {
        synchronized (lock) {
            return List.copyOf(received);
        }
    }

    /** Sends an envelope of this type and payload to the newest open connection; returns its envelope_id. */
    public String send(String type, String payloadJson) {
        String envelopeId = UUID.randomUUID().toString();
        ObjectNode envelope = JSON.createObjectNode().put("envelope_id", envelopeId).put("type", type)
                .put("accepts_response_payload", true).put("retry_attempt", 0).put("retry_reason", "");
        envelope.set("payload", parse(payloadJson));
        openConnection().send(envelope.toString());
        return envelopeId;
    }

    /** Waits for the message the client sent back with this envelope_id. */
    public JsonNode awaitAck(String envelopeId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (!acks.containsKey(envelopeId)) {
                waitUntil(deadline, "no ack for envelope " + envelopeId + " within " + timeout);
            }
            return acks.get(envelopeId);
        }
    }

    /** A slash_commands payload: the slash command form fields as one JSON object. */
    public static String slashPayload(String team, String channel, String user, String text, String responseUrl,
            String triggerId) {
        return JSON.valueToTree(SlackRequests.slashFields(team, channel, user, text, responseUrl, triggerId))
                .toString();
    }

    private WebSocket openConnection() {
        long deadline = System.nanoTime() + CONNECTION_WAIT.toNanos();
        synchronized (lock) {
            while (latest == null || !latest.isOpen()) {
                waitUntil(deadline, "no open Socket Mode connection within " + CONNECTION_WAIT);
            }
            return latest;
        }
    }

    /** Waits on the lock until notified or the deadline passes; the caller holds the lock. */
    private void waitUntil(long deadline, String failure) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new AssertionError(failure);
        }
        try {
            lock.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted: " + failure, e);
        }
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + json, e);
        }
    }

    private void opened(WebSocket connection) {
        synchronized (lock) {
            opened++;
            latest = connection;
            lock.notifyAll();
        }
        connection.send(HELLO);
    }

    private void message(String text) {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            node = JSON.getNodeFactory().textNode(text);
        }
        synchronized (lock) {
            received.add(node);
            if (node.hasNonNull("envelope_id")) {
                acks.put(node.get("envelope_id").asText(), node);
            }
            lock.notifyAll();
        }
    }

    private void changed() {
        synchronized (lock) {
            lock.notifyAll();
        }
    }

    /** The Java-WebSocket server that forwards its events to this fake. */
    private final class Server extends WebSocketServer {
        private final CountDownLatch started = new CountDownLatch(1);
        private volatile Exception failure;

        Server() {
            super(new InetSocketAddress("127.0.0.1", 0));
            setReuseAddr(true);
            setDaemon(true);
        }

        void begin() {
            start();
            try {
                if (!started.await(10, TimeUnit.SECONDS) || failure != null) {
                    throw new IllegalStateException("Socket Mode fake did not start", failure);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void onStart() {
            started.countDown();
        }

        @Override
        public void onOpen(WebSocket connection, ClientHandshake handshake) {
            opened(connection);
        }

        @Override
        public void onClose(WebSocket connection, int code, String reason, boolean remote) {
            changed();
        }

        @Override
        public void onMessage(WebSocket connection, String message) {
            message(message);
        }

        @Override
        public void onError(WebSocket connection, Exception e) {
            if (connection == null) {
                failure = e;
                started.countDown();
            }
        }
    }
}
