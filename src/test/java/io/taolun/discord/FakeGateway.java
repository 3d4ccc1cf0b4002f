package io.taolun.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * The fake Discord's loopback Gateway: HELLO on open, READY (and GUILD_CREATE for an announced guild) on IDENTIFY,
 * RESUMED on RESUME, ACK on heartbeat. Tests reach it through {@link FakeDiscord}.
 */
final class FakeGateway extends WebSocketServer {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration SESSION_WAIT = Duration.ofSeconds(10);
    /** The bot's role: view, send, embed, attach, read history, start public threads, send in threads. */
    private static final String BOT_ROLE_ID = "1600000000000000006";
    private static final long BOT_PERMISSIONS = (1L << 10) | (1L << 11) | (1L << 14) | (1L << 15) | (1L << 16)
            | (1L << 35) | (1L << 38);

    private final FakeChannels channels;
    private volatile boolean withGuild;
    private final CountDownLatch started = new CountDownLatch(1);
    private final Object lock = new Object();
    private final List<JsonNode> received = new ArrayList<>();
    private final Map<Integer, Integer> counts = new TreeMap<>();
    private WebSocket current;
    private boolean live;
    private int lastOp;
    private int sequence;
    private volatile Exception failure;

    FakeGateway(FakeChannels channels) {
        super(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.channels = channels;
        setReuseAddr(true);
        setDaemon(true);
        setConnectionLostTimeout(0);
    }

    /** From now on, READY announces the guild {@link FakeDiscord#GUILD_ID} and a GUILD_CREATE for it follows. */
    void announceGuild() {
        withGuild = true;
    }

    /** The URL to connect to; also READY's resume_gateway_url. */
    String url() {
        return "ws://127.0.0.1:" + getPort();
    }

    void begin() {
        start();
        try {
            if (!started.await(10, TimeUnit.SECONDS) || failure != null) {
                throw new IllegalStateException("fake Gateway did not start", failure);
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
        synchronized (lock) {
            current = connection;
            live = false;
            connection.send("{\"op\":10,\"d\":{\"heartbeat_interval\":41250},\"s\":null,\"t\":null}");
            lock.notifyAll();
        }
    }

    @Override
    public void onMessage(WebSocket connection, String text) {
        JsonNode payload = FakeDiscord.parse(text);
        int op = payload.path("op").asInt(-1);
        synchronized (lock) {
            received.add(payload);
            counts.merge(op, 1, Integer::sum);
            switch (op) {
                case 1 -> ack(connection);
                case 2 -> {
                    send(connection, "READY", ready());
                    if (withGuild) {
                        send(connection, "GUILD_CREATE", guildCreate());
                    }
                }
                case 6 -> send(connection, "RESUMED", JSON.createObjectNode().putArray("_trace").add("fake"));
                default -> { }
            }
            if ((op == 2 || op == 6) && connection == current) {
                live = true;
                lastOp = op;
            }
            lock.notifyAll();
        }
    }

    @Override
    public void onClose(WebSocket connection, int code, String reason, boolean remote) {
        synchronized (lock) {
            if (connection == current) {
                live = false;
            }
            lock.notifyAll();
        }
    }

    @Override
    public void onError(WebSocket connection, Exception e) {
        if (connection == null) {
            failure = e;
            started.countDown();
        }
    }

    int count(int op) {
        synchronized (lock) {
            return counts.getOrDefault(op, 0);
        }
    }

    List<JsonNode> received() {
        synchronized (lock) {
            return List.copyOf(received);
        }
    }

    boolean awaitLive(int op, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (!(live && lastOp == op && current.isOpen())) {
                if (!waitUntil(deadline)) {
                    return false;
                }
            }
            return true;
        }
    }

    void dispatch(String type, JsonNode data) {
        long deadline = System.nanoTime() + SESSION_WAIT.toNanos();
        synchronized (lock) {
            while (!(live && current.isOpen())) {
                if (!waitUntil(deadline)) {
                    throw new AssertionError("no live Gateway session within " + SESSION_WAIT);
                }
            }
            send(current, type, data);
        }
    }

    void drop() {
        synchronized (lock) {
            if (current != null) {
                live = false;
                current.close(4000, "fake drop");
            }
        }
    }

    /** Answers a heartbeat unless the socket is already closing (JDA may beat while it goes away). */
    private void ack(WebSocket connection) {
        try {
            connection.send("{\"op\":11,\"d\":null,\"s\":null,\"t\":null}");
        } catch (WebsocketNotConnectedException e) {
            // the client left; nothing to acknowledge
        }
    }

    /** Sends a dispatch with the next sequence; the caller holds the lock. */
    private void send(WebSocket connection, String type, JsonNode data) {
        ObjectNode payload = JSON.createObjectNode().put("op", 0).put("s", ++sequence).put("t", type);
        payload.set("d", data);
        connection.send(payload.toString());
    }

    private ObjectNode ready() {
        ObjectNode ready = JSON.createObjectNode().put("v", 10);
        ready.set("user", FakeDiscord.botUser());
        ArrayNode guilds = ready.putArray("guilds");
        if (withGuild) {
            guilds.addObject().put("id", FakeDiscord.GUILD_ID).put("unavailable", true);
        }
        ready.putArray("private_channels");
        ready.putArray("relationships");
        ready.putArray("presences");
        ready.put("session_id", "fake-session-" + FakeDiscord.snowflake()).put("session_type", "normal")
                .put("resume_gateway_url", url());
        ready.putObject("application").put("id", FakeDiscord.APP_ID).put("flags", 0);
        ready.putArray("_trace").add("fake-gateway");
        return ready;
    }

    /** A minimal GUILD_CREATE for the guild READY announced: enough for JDA to call it ready. */
    private ObjectNode guildCreate() {
        ObjectNode guild = JSON.createObjectNode();
        guild.put("id", FakeDiscord.GUILD_ID).put("name", "Fake Guild").put("owner_id", "1").put("unavailable", false)
                .put("large", false).put("member_count", 1).put("joined_at", FakeDiscord.JOINED_AT)
                .put("verification_level", 0).put("default_message_notifications", 0)
                .put("explicit_content_filter", 0).put("mfa_level", 0).put("nsfw_level", 0).put("premium_tier", 0)
                .put("system_channel_flags", 0).put("preferred_locale", "en-US").put("afk_timeout", 300)
                .put("max_members", 500000).put("premium_subscription_count", 0).putNull("icon").putNull("splash")
                .putNull("banner").putNull("description").putNull("vanity_url_code").putNull("afk_channel_id")
                .putNull("system_channel_id").putNull("rules_channel_id").putNull("application_id");
        ArrayNode roles = guild.putArray("roles");
        roles.add(role(FakeDiscord.GUILD_ID, "@everyone", 0, 0, false));
        roles.add(role(BOT_ROLE_ID, "Taolun", BOT_PERMISSIONS, 1, true));
        for (String empty : new String[] {"emojis", "stickers", "voice_states", "presences", "features",
                "guild_scheduled_events", "stage_instances"}) {
            guild.putArray(empty);
        }
        guild.set("channels", channels.guildChannels());
        guild.set("threads", channels.activeThreads());
        // the bot's own member: JDA needs it to check its permissions before it sends
        ObjectNode self = guild.putArray("members").addObject();
        self.set("user", FakeDiscord.botUser());
        self.putArray("roles").add(BOT_ROLE_ID);
        self.put("joined_at", FakeDiscord.JOINED_AT).put("flags", 0).put("deaf", false).put("mute", false)
                .put("pending", false).putNull("nick").putNull("avatar").putNull("premium_since")
                .putNull("communication_disabled_until");
        return guild;
    }

    private ObjectNode role(String id, String name, long permissions, int position, boolean managed) {
        ObjectNode role = JSON.createObjectNode().put("id", id).put("name", name)
                .put("permissions", Long.toString(permissions)).put("position", position).put("color", 0)
                .put("hoist", false).put("managed", managed).put("mentionable", false).put("flags", 0);
        role.putObject("colors").put("primary_color", 0).putNull("secondary_color").putNull("tertiary_color");
        return role;
    }

    /** Waits on the lock until notified or the deadline; false once it passed. The caller holds the lock. */
    private boolean waitUntil(long deadline) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            return false;
        }
        try {
            lock.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
