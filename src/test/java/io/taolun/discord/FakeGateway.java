package io.taolun.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.taolun.testing.Await;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * The fake Discord's loopback Gateway: HELLO on open, READY (and GUILD_CREATE for each announced guild) on IDENTIFY,
 * RESUMED on RESUME, ACK on heartbeat. Tests reach it through {@link FakeDiscord}.
 *
 * <p>Sharded as Discord is: an IDENTIFY carrying {@code shard: [id, total]} opens that shard's session, which is told
 * only of the guilds with {@code (guild_id >> 22) % total == id}, and a guild's interactions are dispatched to it. An
 * IDENTIFY without {@code shard} is shard 0 of 1, which holds every guild.
 */
final class FakeGateway extends WebSocketServer {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration SESSION_WAIT = Await.CEILING;
    /** The bot's role: view, send, embed, attach, read history, start public threads, send in threads. */
    private static final String BOT_ROLE_ID = "1600000000000000006";
    private static final long BOT_PERMISSIONS = (1L << 10) | (1L << 11) | (1L << 14) | (1L << 15) | (1L << 16)
            | (1L << 35) | (1L << 38);

    private final FakeChannels channels;
    /** The guilds READY announces, in the order they were announced. */
    private final List<String> guilds = new CopyOnWriteArrayList<>();
    private final CountDownLatch started = new CountDownLatch(1);
    private final Object lock = new Object();
    private final List<JsonNode> received = new ArrayList<>();
    private final Map<Integer, Integer> counts = new TreeMap<>();
    /** The latest session of each shard, by shard id. */
    private final Map<Integer, Session> shards = new TreeMap<>();
    /** The shard of each session id READY gave out, so that a RESUME finds its shard. */
    private final Map<String, Session> bySessionId = new HashMap<>();
    private int sequence;
    private volatile Exception failure;

    /** One connection; it is shard 0 of 1 until its IDENTIFY says otherwise. Guarded by the lock. */
    private static final class Session {
        final WebSocket socket;
        int shard;
        int total = 1;
        boolean live;
        int lastOp;

        Session(WebSocket socket) {
            this.socket = socket;
        }

        /** Discord's rule: a guild belongs to shard {@code (guild_id >> 22) % total}. */
        boolean holds(String guildId) {
            return (Long.parseUnsignedLong(guildId) >>> 22) % total == shard;
        }

        boolean serving() {
            return live && socket.isOpen();
        }
    }

    FakeGateway(FakeChannels channels) {
        super(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.channels = channels;
        setReuseAddr(true);
        setDaemon(true);
        setConnectionLostTimeout(0);
    }

    /** From now on, READY announces this guild (on its shard) and a GUILD_CREATE for it follows. */
    void announce(String guildId) {
        if (!guilds.contains(guildId)) {
            guilds.add(guildId);
        }
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
            connection.setAttachment(new Session(connection));
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
            Session session = connection.getAttachment();
            switch (op) {
                case 1 -> ack(connection);
                case 2 -> identify(session, payload.path("d"));
                case 6 -> resume(session, payload.path("d"));
                default -> { }
            }
            lock.notifyAll();
        }
    }

    /** READY and the GUILD_CREATEs of the shard the IDENTIFY asks for; the caller holds the lock. */
    private void identify(Session session, JsonNode identify) {
        JsonNode shard = identify.path("shard");
        if (shard.isArray() && shard.size() == 2) {
            session.shard = shard.get(0).asInt();
            session.total = shard.get(1).asInt();
        }
        String sessionId = "fake-session-" + FakeDiscord.snowflake();
        List<String> held = guilds.stream().filter(session::holds).toList();
        send(session.socket, "READY", ready(sessionId, held));
        for (String guild : held) {
            send(session.socket, "GUILD_CREATE", guildCreate(guild));
        }
        bySessionId.put(sessionId, session);
        serve(session, 2);
    }

    /** RESUMED, on the shard of the session resumed; the caller holds the lock. */
    private void resume(Session session, JsonNode resume) {
        Session earlier = bySessionId.get(resume.path("session_id").asText());
        if (earlier != null) {
            session.shard = earlier.shard;
            session.total = earlier.total;
            bySessionId.put(resume.path("session_id").asText(), session);
        }
        send(session.socket, "RESUMED", JSON.createObjectNode().putArray("_trace").add("fake"));
        serve(session, 6);
    }

    private void serve(Session session, int op) {
        Session before = shards.put(session.shard, session);
        if (before != null && before != session) {
            before.live = false;
        }
        session.live = true;
        session.lastOp = op;
    }

    @Override
    public void onClose(WebSocket connection, int code, String reason, boolean remote) {
        synchronized (lock) {
            Session session = connection.getAttachment();
            if (session != null) {
                session.live = false;
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

    /** Waits until the shard's latest session is live after this op (2 IDENTIFY, 6 RESUME); false on timeout. */
    boolean awaitLive(int shard, int op, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (true) {
                Session session = shards.get(shard);
                if (session != null && session.serving() && session.lastOp == op) {
                    return true;
                }
                if (!waitUntil(deadline)) {
                    return false;
                }
            }
        }
    }

    /**
     * Sends a dispatch to the live session holding the data's {@code guild_id} (shard 0 when it has none, as Discord
     * sends DMs there); waits up to 10 s for one.
     */
    void dispatch(String type, JsonNode data) {
        Optional<String> guild = data.hasNonNull("guild_id") ? Optional.of(data.get("guild_id").asText())
                : Optional.empty();
        long deadline = System.nanoTime() + SESSION_WAIT.toNanos();
        synchronized (lock) {
            while (true) {
                Optional<Session> target = shards.values().stream().filter(Session::serving)
                        .filter(s -> guild.map(s::holds).orElse(s.shard == 0)).findFirst();
                if (target.isPresent()) {
                    send(target.get().socket, type, data);
                    return;
                }
                if (!waitUntil(deadline)) {
                    throw new AssertionError("no live Gateway session for guild " + guild.orElse("(none)")
                            + " within " + SESSION_WAIT);
                }
            }
        }
    }

    /** Closes every live session with code 4000. */
    void drop() {
        synchronized (lock) {
            for (Session session : shards.values()) {
                if (session.live) {
                    session.live = false;
                    session.socket.close(4000, "fake drop");
                }
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

    private ObjectNode ready(String sessionId, List<String> held) {
        ObjectNode ready = JSON.createObjectNode().put("v", 10);
        ready.set("user", FakeDiscord.botUser());
        ArrayNode announced = ready.putArray("guilds");
        held.forEach(guild -> announced.addObject().put("id", guild).put("unavailable", true));
        ready.putArray("private_channels");
        ready.putArray("relationships");
        ready.putArray("presences");
        ready.put("session_id", sessionId).put("session_type", "normal").put("resume_gateway_url", url());
        ready.putObject("application").put("id", FakeDiscord.APP_ID).put("flags", 0);
        ready.putArray("_trace").add("fake-gateway");
        return ready;
    }

    /** A minimal GUILD_CREATE for a guild READY announced: enough for JDA to call it ready. */
    private ObjectNode guildCreate(String guildId) {
        // each guild has its own bot role; the first guild's keeps the id it always had
        String botRole = guildId.equals(FakeDiscord.GUILD_ID) ? BOT_ROLE_ID
                : Long.toString(Long.parseLong(guildId) + 6);
        ObjectNode guild = JSON.createObjectNode();
        guild.put("id", guildId).put("name", "Fake Guild").put("owner_id", "1").put("unavailable", false)
                .put("large", false).put("member_count", 1).put("joined_at", FakeDiscord.JOINED_AT)
                .put("verification_level", 0).put("default_message_notifications", 0)
                .put("explicit_content_filter", 0).put("mfa_level", 0).put("nsfw_level", 0).put("premium_tier", 0)
                .put("system_channel_flags", 0).put("preferred_locale", "en-US").put("afk_timeout", 300)
                .put("max_members", 500000).put("premium_subscription_count", 0).putNull("icon").putNull("splash")
                .putNull("banner").putNull("description").putNull("vanity_url_code").putNull("afk_channel_id")
                .putNull("system_channel_id").putNull("rules_channel_id").putNull("application_id");
        ArrayNode roles = guild.putArray("roles");
        roles.add(role(guildId, "@everyone", 0, 0, false));
        roles.add(role(botRole, "Taolun", BOT_PERMISSIONS, 1, true));
        for (String empty : new String[] {"emojis", "stickers", "voice_states", "presences", "features",
                "guild_scheduled_events", "stage_instances"}) {
            guild.putArray(empty);
        }
        guild.set("channels", channels.guildChannels(guildId));
        guild.set("threads", channels.activeThreads(guildId));
        // the bot's own member: JDA needs it to check its permissions before it sends
        ObjectNode self = guild.putArray("members").addObject();
        self.set("user", FakeDiscord.botUser());
        self.putArray("roles").add(botRole);
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
