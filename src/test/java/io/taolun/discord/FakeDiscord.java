package io.taolun.discord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fake Discord on loopback: a REST API (recording every request) and a Gateway that identifies, resumes and
 * dispatches interactions, enough for a real JDA to log in, register commands, answer interactions and post to the
 * guild's text channel {@link #CHANNEL_ID} (see {@link FakeChannels}: messages, files, threads, enforced nonces).
 *
 * <p>Sharded as Discord is (see {@link FakeGateway}): with {@link #announceTwoGuilds()}, a session that identifies as
 * shard 0 of 2 is told of {@link #GUILD_ID} only and one that identifies as shard 1 of 2 of {@link #SECOND_GUILD_ID}
 * only; {@link #inGuild} moves a built interaction to the second guild, and it is dispatched to that shard's session.
 *
 * <p>Paths in {@link Call#path()} and in every {@code pathRegex} are relative to {@link #apiUrl()} and carry no
 * query, e.g. {@code users/@me} or {@code interactions/123/tok/callback}; a regex must match the whole path. The
 * interaction builders return the INTERACTION_CREATE data as JSON; {@link Interaction#of(String)} reads its id and
 * token back.
 */
public final class FakeDiscord implements AutoCloseable {
    /** The bot's user id, as {@code GET users/@me} and READY report it. */
    public static final String BOT_ID = "1100000000000000001";
    /** The application id, as READY reports it and interactions carry it. */
    public static final String APP_ID = "1200000000000000002";
    /** The guild every built interaction comes from. */
    public static final String GUILD_ID = "1300000000000000003";
    /** The text channel every built interaction comes from. */
    public static final String CHANNEL_ID = "1400000000000000004";
    /** A second guild, announced by {@link #announceTwoGuilds()}: on shard 1 of 2, where {@link #GUILD_ID} is on 0. */
    public static final String SECOND_GUILD_ID = "1310000000000000003";
    /** The text channel of {@link #SECOND_GUILD_ID}. */
    public static final String SECOND_CHANNEL_ID = "1410000000000000004";
    /** The id of the {@code /article} command in built interactions. */
    public static final String COMMAND_ID = "1500000000000000005";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String API_PREFIX = "/api/v10/";
    private static final long DISCORD_EPOCH = 1_420_070_400_000L;
    private static final AtomicLong SNOWFLAKES = new AtomicLong();
    private static final String NOT_FOUND = "{\"message\":\"Unknown\",\"code\":0}";
    static final String JOINED_AT = "2024-01-01T00:00:00.000000+00:00";
    private static final String PERMISSIONS = "2248473465835073";

    private final HttpServer http;
    private final ExecutorService executor;
    private final List<Call> calls = new ArrayList<>();
    private final List<Failure> failures = new ArrayList<>();
    private final Map<String, String> originals = new ConcurrentHashMap<>();
    /** The channel of each interaction sent, by token: its webhook messages are in that channel. */
    private final Map<String, String> interactionChannels = new ConcurrentHashMap<>();
    private volatile int recommendedShards = 1;
    private final FakeChannels channels = new FakeChannels(GUILD_ID, CHANNEL_ID);
    private final FakeGateway gateway = new FakeGateway(channels);

    /**
     * One recorded REST request. {@code path} is relative to the API URL, without query; the raw query is kept in
     * {@code headers} under the pseudo-header {@code :query} (see {@link #query()}).
     */
    public record Call(String method, String path, String body, Map<String, List<String>> headers, Instant at) {
        /** The JSON body; for {@code multipart/form-data} the {@code payload_json} part; {} when empty. */
        public JsonNode json() {
            String type = header("Content-Type");
            String text = type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/")
                    ? payloadJson(type, body) : body;
            return text == null || text.isBlank() ? JSON.createObjectNode() : parse(text);
        }

        /** The first value of a request header, by case-insensitive name, or null. */
        public String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        /** The raw query string, or null when there was none. */
        public String query() {
            return header(":query");
        }

        private static String payloadJson(String contentType, String body) {
            Matcher boundary = Pattern.compile("boundary=\"?([^\";]+)\"?").matcher(contentType);
            if (!boundary.find()) {
                return null;
            }
            for (String part : body.split(Pattern.quote("--" + boundary.group(1)))) {
                int split = part.indexOf("\r\n\r\n");
                if (split >= 0 && part.substring(0, split).contains("name=\"payload_json\"")) {
                    String content = part.substring(split + 4);
                    return content.endsWith("\r\n") ? content.substring(0, content.length() - 2) : content;
                }
            }
            return null;
        }
    }

    /** The id and token of a built interaction, and its INTERACTION_CREATE data as JSON. */
    public record Interaction(String id, String token, String json) {
        /** Reads the id and token back from an interaction JSON built here (or any INTERACTION_CREATE data). */
        public static Interaction of(String json) {
            JsonNode node = parse(json);
            return new Interaction(node.path("id").asText(), node.path("token").asText(), json);
        }

        /** The path regex of this interaction's callback, for {@link FakeDiscord#awaitCall}. */
        public String callbackPath() {
            return "interactions/" + id + "/" + Pattern.quote(token) + "/callback";
        }

        /** The path regex of edits to this interaction's original response. */
        public String originalPath() {
            return "webhooks/" + APP_ID + "/" + Pattern.quote(token) + "/messages/@original";
        }
    }

    private static final class Failure {
        final String method;
        final Pattern path;
        final int status;
        final Integer retryAfterSeconds;
        /** Discord's JSON error code; 0 for a bare failure. */
        final int code;
        /** The request takes effect and only its answer is the failure (a lost answer). */
        final boolean applied;
        /** How long the answer is held back; zero for at once. */
        final Duration delay;
        int left;

        Failure(String method, Pattern path, int times, int status, Integer retryAfterSeconds, int code,
                boolean applied, Duration delay) {
            this.method = method;
            this.path = path;
            this.left = times;
            this.status = status;
            this.retryAfterSeconds = retryAfterSeconds;
            this.code = code;
            this.applied = applied;
            this.delay = delay;
        }
    }

    /** A REST answer: status, JSON body (null for none) and extra headers. */
    record Answer(int status, String body, Map<String, String> headers) {
        static Answer json(JsonNode node) {
            return new Answer(200, node.toString(), Map.of());
        }

        static Answer empty() {
            return new Answer(204, null, Map.of());
        }

        /** Discord's error shape, e.g. 404 with code 10003 "Unknown Channel". */
        static Answer error(int status, int code, String message) {
            ObjectNode body = JSON.createObjectNode().put("message", message).put("code", code);
            return new Answer(status, body.toString(), Map.of());
        }
    }

    private FakeDiscord(HttpServer http, ExecutorService executor) {
        this.http = http;
        this.executor = executor;
    }

    /** Starts the REST server and the Gateway on 127.0.0.1 at ephemeral ports. */
    public static FakeDiscord start() {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
            ExecutorService executor = Executors.newFixedThreadPool(16, runnable -> {
                Thread thread = new Thread(runnable, "fake-discord-rest");
                thread.setDaemon(true);
                return thread;
            });
            FakeDiscord fake = new FakeDiscord(http, executor);
            http.createContext("/", fake::handle);
            http.setExecutor(executor);
            http.start();
            fake.gateway.begin();
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            gateway.stop(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        http.stop(0);
        executor.shutdownNow();
    }

    /** The REST base URL for {@code RestConfig#setBaseUrl}, ending in {@code /api/v10/}. */
    public String apiUrl() {
        return "http://127.0.0.1:" + http.getAddress().getPort() + API_PREFIX;
    }

    /** The Gateway URL for {@code SessionController#getGateway}; also READY's resume_gateway_url. */
    public String gatewayUrl() {
        return gateway.url();
    }

    // ---- REST recording ----

    /** Every REST request so far, oldest first. */
    public List<Call> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    /** The REST requests with this HTTP method whose path fully matches the regex, oldest first. */
    public List<Call> calls(String method, String pathRegex) {
        Pattern pattern = Pattern.compile(pathRegex);
        synchronized (calls) {
            return calls.stream().filter(c -> matches(c, method, pattern)).toList();
        }
    }

    /** Waits for the {@code nth} (1-based) matching request and returns it; AssertionError on timeout. */
    public Call awaitCall(String method, String pathRegex, int nth, Duration timeout) {
        Pattern pattern = Pattern.compile(pathRegex);
        long deadline = System.nanoTime() + timeout.toNanos();
        // each wake-up looks only at the calls recorded since the last one (the lock is the recorder's too, so a
        // rescan of every call on every wake-up would slow the fake down as calls pile up)
        int scanned = 0;
        int found = 0;
        synchronized (calls) {
            while (true) {
                if (calls.size() < scanned) {
                    scanned = 0;
                    found = 0;
                }
                for (; scanned < calls.size(); scanned++) {
                    if (matches(calls.get(scanned), method, pattern) && ++found == nth) {
                        return calls.get(scanned);
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("expected " + nth + " call(s) of " + method + " " + pathRegex
                            + " within " + timeout + " but saw " + found + "; all calls: "
                            + calls.stream().map(c -> c.method() + " " + c.path()).toList());
                }
                try {
                    calls.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted waiting for " + method + " " + pathRegex, e);
                }
            }
        }
    }

    /**
     * What the user sees of an interaction sent with {@link #sendInteraction}, as a callback of type 4: the callback
     * itself when the bot answered at once; when it deferred (type 5: it had no answer within its budget, as on a
     * loaded machine), the deferral's flags with the content of the edit of the original that followed, marked
     * {@code "deferred": true}. Any other callback (an acknowledged button, autocomplete choices) as it came.
     */
    public JsonNode awaitAnswer(String interaction, Duration timeout) {
        Interaction sent = Interaction.of(interaction);
        JsonNode callback = awaitCall("POST", sent.callbackPath(), 1, timeout).json();
        if (callback.path("type").asInt() != 5) {
            return callback;
        }
        ObjectNode data = ((ObjectNode) awaitCall("PATCH", sent.originalPath(), 1, timeout).json()).deepCopy();
        JsonNode flags = callback.path("data").path("flags");
        if (flags.isMissingNode()) {
            data.remove("flags");
        } else {
            data.set("flags", flags);
        }
        ObjectNode answer = JSON.createObjectNode().put("type", 4).put("deferred", true);
        answer.set("data", data);
        return answer;
    }

    /** Forgets the recorded requests (not pending failures nor the Gateway session). */
    public void clear() {
        synchronized (calls) {
            calls.clear();
        }
    }

    /**
     * The next {@code times} matching requests answer with this status and have no effect (still recorded). A 429
     * carries Discord's rate-limit body and headers with {@code retryAfterSeconds} (1 when null), so JDA waits and
     * retries; other statuses get an error body and a Retry-After header only when given.
     */
    public void failNext(String method, String pathRegex, int times, int status, Integer retryAfterSeconds) {
        addFailure(new Failure(method, Pattern.compile(pathRegex), times, status, retryAfterSeconds, 0, false,
                Duration.ZERO));
    }

    /** The next {@code times} matching requests have no effect and answer Discord's error {@code code}. */
    public void failNextWithCode(String method, String pathRegex, int times, int status, int code) {
        addFailure(new Failure(method, Pattern.compile(pathRegex), times, status, null, code, false, Duration.ZERO));
    }

    /**
     * The next {@code times} matching requests take effect, but their answer is lost: the client gets this status
     * instead (e.g. a 500 after the message was stored).
     */
    public void failNextAfterApplying(String method, String pathRegex, int times, int status) {
        addFailure(new Failure(method, Pattern.compile(pathRegex), times, status, null, 0, true, Duration.ZERO));
    }

    /** The next {@code times} matching requests take effect, and their answer is held back this long. */
    public void delayNext(String method, String pathRegex, int times, Duration delay) {
        addFailure(new Failure(method, Pattern.compile(pathRegex), times, 0, null, 0, true, delay));
    }

    private void addFailure(Failure failure) {
        synchronized (failures) {
            failures.add(failure);
        }
    }

    // ---- Channels ----

    /** A member (not the bot) writes in a channel or thread. */
    public void userPosts(String channelId, String userId, String text) {
        channels.userPosts(channelId, userId, text);
    }

    /** The messages posted to a channel or thread through REST, oldest first, as they look now. */
    public List<FakeChannels.Posted> messages(String channelId) {
        return channels.messages(channelId);
    }

    /** The thread started from this message (a thread's id is its starter message's id), if any. */
    public Optional<JsonNode> thread(String messageId) {
        return channels.thread(messageId);
    }

    // ---- Gateway ----

    /** From now on, READY announces the guild {@link #GUILD_ID} and a GUILD_CREATE for it follows. */
    public void announceGuild() {
        gateway.announce(GUILD_ID);
    }

    /**
     * From now on, READY announces {@link #GUILD_ID} and {@link #SECOND_GUILD_ID} (with its text channel
     * {@link #SECOND_CHANNEL_ID}), each to the session of its shard, and {@code GET gateway/bot} recommends 2 shards.
     */
    public void announceTwoGuilds() {
        channels.addTextChannel(SECOND_GUILD_ID, SECOND_CHANNEL_ID);
        recommendedShards = 2;
        gateway.announce(GUILD_ID);
        gateway.announce(SECOND_GUILD_ID);
    }

    /**
     * Dispatches INTERACTION_CREATE with this data to the live session of the interaction's guild (shard 0 for none);
     * waits up to 10 s for READY/RESUMED.
     */
    public void sendInteraction(String json) {
        JsonNode interaction = parse(json);
        interactionChannels.put(interaction.path("token").asText(), interaction.path("channel_id").asText(CHANNEL_ID));
        gateway.dispatch("INTERACTION_CREATE", interaction);
    }

    /** Closes every Gateway socket with code 4000, which JDA answers by reconnecting and RESUMEing. */
    public void dropConnection() {
        gateway.drop();
    }

    /** How many IDENTIFY payloads the Gateway received. */
    public int identifies() {
        return gateway.count(2);
    }

    /** How many RESUME payloads the Gateway received. */
    public int resumes() {
        return gateway.count(6);
    }

    /** Waits until READY was sent and the session (shard 0) is live; false on timeout. */
    public boolean awaitReady(Duration timeout) {
        return awaitReady(0, timeout);
    }

    /** Waits until READY was sent to this shard's session and it is live; false on timeout. */
    public boolean awaitReady(int shard, Duration timeout) {
        return gateway.awaitLive(shard, 2, timeout);
    }

    /** Waits until a RESUMED was sent and the session (shard 0) is live again; false on timeout. */
    public boolean awaitResumed(Duration timeout) {
        return gateway.awaitLive(0, 6, timeout);
    }

    /** Every payload the client sent on the Gateway, oldest first. */
    public List<JsonNode> gatewayReceived() {
        return gateway.received();
    }

    // ---- Interaction builders ----

    /**
     * An {@code /article <subcommand>} chat-input command in the guild. {@code user} is a numeric user id or a name
     * (then the id is derived from it); options are typed by value: integral numbers 4, booleans 5, other numbers
     * 10, anything else a string (3).
     */
    public static String slashCommand(String user, String locale, String subcommand, Map<String, Object> options) {
        ObjectNode interaction = base(2, user, locale);
        ObjectNode sub = commandData(interaction).putArray("options").addObject().put("name", subcommand).put("type", 1);
        ArrayNode values = sub.putArray("options");
        options.forEach((name, value) -> addOption(values.addObject().put("name", name), value));
        return interaction.toString();
    }

    /** A click on a button with this custom id on the bot's message {@code messageId} in the guild channel. */
    public static String button(String user, String locale, String customId, String messageId) {
        ObjectNode interaction = base(3, user, locale);
        interaction.putObject("data").put("custom_id", customId).put("component_type", 2);
        ObjectNode message = interaction.putObject("message");
        message.put("id", messageId).put("channel_id", CHANNEL_ID).put("content", "");
        message.putArray("embeds");
        message.putArray("components");
        message.putArray("attachments");
        message.putArray("mentions");
        message.putArray("mention_roles");
        message.put("pinned", false).put("mention_everyone", false).put("tts", false);
        message.set("author", botUser());
        message.put("timestamp", now()).putNull("edited_timestamp").put("type", 0).put("flags", 0);
        return interaction.toString();
    }

    /**
     * A modal's submission (type 5), as Discord sends it for a modal of labelled text inputs: the modal's custom id
     * and each field's custom id with what the user typed.
     */
    public static String modalSubmit(String user, String locale, String modalId, String inputId, String typed) {
        ObjectNode interaction = base(5, user, locale);
        ObjectNode data = interaction.putObject("data").put("custom_id", modalId);
        data.putArray("components").addObject().put("type", 18).put("id", 1).putObject("component")
                .put("type", 4).put("id", 2).put("custom_id", inputId).put("value", typed);
        return interaction.toString();
    }

    /** Autocomplete for {@code /article <subcommand>} with the string option {@code option} focused and typed. */
    public static String autocomplete(String user, String locale, String subcommand, String option, String typed) {
        return autocomplete(user, locale, "article", subcommand, option, 3, typed);
    }

    /**
     * Autocomplete for {@code /<command> <subcommand>} with {@code option} of this type (3 string, 4 integer)
     * focused; Discord sends what was typed as a string whatever the type, since it may not be a number yet.
     */
    public static String autocomplete(String user, String locale, String command, String subcommand, String option,
            int type, String typed) {
        ObjectNode interaction = base(4, user, locale);
        ObjectNode sub = commandData(interaction).put("name", command).putArray("options").addObject()
                .put("name", subcommand).put("type", 1);
        sub.putArray("options").addObject().put("name", option).put("type", type).put("value", typed)
                .put("focused", true);
        return interaction.toString();
    }

    /** The built interaction moved to another guild and its channel, e.g. {@link #SECOND_GUILD_ID}. */
    public static String inGuild(String interaction, String guildId, String channelId) {
        ObjectNode json = (ObjectNode) parse(interaction);
        json.put("guild_id", guildId).put("channel_id", channelId);
        ((ObjectNode) json.path("guild")).put("id", guildId);
        ((ObjectNode) json.path("channel")).put("id", channelId).put("guild_id", guildId);
        if (json.path("data").has("guild_id")) {
            ((ObjectNode) json.path("data")).put("guild_id", guildId);
        }
        if (json.path("message").isObject()) {
            ((ObjectNode) json.path("message")).put("channel_id", channelId);
        }
        return json.toString();
    }

    /** A fresh snowflake for now (Discord epoch millis in the high bits, a counter in the low 22). */
    public static String snowflake() {
        long millis = System.currentTimeMillis() - DISCORD_EPOCH;
        return Long.toString((millis << 22) | (SNOWFLAKES.incrementAndGet() & 0x3F_FFFFL));
    }

    private static ObjectNode base(int type, String user, String locale) {
        String id = snowflake();
        ObjectNode interaction = JSON.createObjectNode();
        interaction.put("id", id).put("token", "itoken-" + id).put("type", type).put("version", 1)
                .put("application_id", APP_ID).put("guild_id", GUILD_ID).put("channel_id", CHANNEL_ID)
                .put("locale", locale).put("guild_locale", "en-US").put("app_permissions", PERMISSIONS)
                .put("context", 0);
        interaction.putObject("authorizing_integration_owners");
        interaction.putArray("entitlements");
        ObjectNode guild = interaction.putObject("guild").put("id", GUILD_ID).put("locale", "en-US");
        guild.putArray("features");
        ObjectNode channel = interaction.putObject("channel");
        channel.put("id", CHANNEL_ID).put("type", 0).put("guild_id", GUILD_ID).put("name", "general")
                .put("position", 0).put("nsfw", false).putNull("parent_id").putNull("topic")
                .put("rate_limit_per_user", 0).put("flags", 0).put("permissions", PERMISSIONS);
        channel.putArray("permission_overwrites");
        ObjectNode member = interaction.putObject("member");
        member.set("user", user(user));
        member.putArray("roles");
        member.put("joined_at", JOINED_AT).put("permissions", PERMISSIONS).put("flags", 0).put("deaf", false)
                .put("mute", false).put("pending", false).putNull("nick").putNull("avatar")
                .putNull("premium_since").putNull("communication_disabled_until");
        return interaction;
    }

    private static ObjectNode commandData(ObjectNode interaction) {
        return interaction.putObject("data").put("id", COMMAND_ID).put("name", "article").put("type", 1)
                .put("guild_id", GUILD_ID);
    }

    private static void addOption(ObjectNode option, Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            option.put("type", 4).put("value", ((Number) value).longValue());
        } else if (value instanceof Boolean flag) {
            option.put("type", 5).put("value", flag);
        } else if (value instanceof Number number) {
            option.put("type", 10).put("value", number.doubleValue());
        } else {
            option.put("type", 3).put("value", String.valueOf(value));
        }
    }

    private static ObjectNode user(String user) {
        boolean numeric = !user.isEmpty() && user.chars().allMatch(Character::isDigit);
        String id = numeric ? user : Long.toString(1_000_000_000_000_000L + (user.hashCode() & 0x7FFF_FFFFL));
        String name = numeric ? "user" + user.substring(Math.max(0, user.length() - 4)) : user;
        return JSON.createObjectNode().put("id", id).put("username", name).put("discriminator", "0")
                .put("global_name", name).putNull("avatar").put("public_flags", 0);
    }

    static ObjectNode botUser() {
        return JSON.createObjectNode().put("id", BOT_ID).put("username", "taolun").put("discriminator", "0")
                .put("global_name", "Taolun").putNull("avatar").put("bot", true).put("flags", 0)
                .put("verified", true).put("mfa_enabled", false);
    }

    // ---- REST handling ----

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String fullPath = exchange.getRequestURI().getPath();
            String path = fullPath.startsWith(API_PREFIX) ? fullPath.substring(API_PREFIX.length()) : fullPath;
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            byte[] raw = exchange.getRequestBody().readAllBytes();
            Call call = new Call(method, path, new String(raw, StandardCharsets.UTF_8), headersOf(exchange),
                    Instant.now());
            record(call);
            Failure failure = nextFailure(call);
            boolean takesEffect = failure == null || failure.applied;
            Answer answer = takesEffect && fullPath.startsWith(API_PREFIX) ? route(call, raw) : null;
            if (failure != null) {
                hold(failure.delay);
                answer = failure.status == 0 ? answer : failed(failure);
            }
            respond(exchange, answer == null ? new Answer(404, NOT_FOUND, Map.of()) : answer);
        }
    }

    private static Map<String, List<String>> headersOf(HttpExchange exchange) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null) {
            headers.put(":query", List.of(query));
        }
        return Collections.unmodifiableMap(headers);
    }

    private static void respond(HttpExchange exchange, Answer answer) throws IOException {
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        if (answer.body() == null) {
            exchange.sendResponseHeaders(answer.status(), -1);
            return;
        }
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private void record(Call call) {
        synchronized (calls) {
            calls.add(call);
            calls.notifyAll();
        }
    }

    private static boolean matches(Call call, String method, Pattern path) {
        return call.method().equalsIgnoreCase(method) && path.matcher(call.path()).matches();
    }

    private Failure nextFailure(Call call) {
        synchronized (failures) {
            for (Failure failure : failures) {
                if (failure.left > 0 && matches(call, failure.method, failure.path)) {
                    failure.left--;
                    return failure;
                }
            }
            return null;
        }
    }

    private static void hold(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Answer failed(Failure failure) {
        if (failure.status != 429) {
            String body = "{\"message\":\"Fake failure " + failure.status + "\",\"code\":" + failure.code + "}";
            return new Answer(failure.status, body, failure.retryAfterSeconds == null ? Map.of()
                    : Map.of("Retry-After", String.valueOf(failure.retryAfterSeconds)));
        }
        int seconds = failure.retryAfterSeconds == null ? 1 : failure.retryAfterSeconds;
        long resetAt = Instant.now().plusSeconds(seconds).getEpochSecond();
        String body = "{\"message\":\"You are being rate limited.\",\"retry_after\":" + seconds
                + ".0,\"global\":false}";
        // JDA reads a bucket limit only when "Via" is present (else it assumes Cloudflare) and any
        // X-RateLimit-Global header (whatever its value) as a global limit, so the latter is left out.
        return new Answer(429, body, Map.of("Retry-After", String.valueOf(seconds), "Via", "1.1 google",
                "X-RateLimit-Limit", "5", "X-RateLimit-Remaining", "0",
                "X-RateLimit-Reset", String.valueOf(resetAt), "X-RateLimit-Reset-After", seconds + ".000",
                "X-RateLimit-Bucket", "fake-" + Integer.toHexString(failure.path.pattern().hashCode()),
                "X-RateLimit-Scope", "user"));
    }

    private Answer route(Call call, byte[] raw) {
        String[] p = call.path().split("/");
        String m = call.method();
        if (m.equals("GET") && call.path().equals("users/@me")) {
            return Answer.json(botUser());
        }
        if (m.equals("GET") && call.path().equals("gateway/bot")) {
            ObjectNode bot = JSON.createObjectNode().put("url", gatewayUrl()).put("shards", recommendedShards);
            bot.putObject("session_start_limit").put("total", 1000).put("remaining", 1000).put("reset_after", 0)
                    .put("max_concurrency", 1);
            return Answer.json(bot);
        }
        if (m.equals("POST") && p.length == 4 && p[0].equals("interactions") && p[3].equals("callback")) {
            JsonNode body = call.json();
            // a modal (type 9), as Discord checks it: an id of 1-100, a title of 1-45, 1-5 components
            if (body.path("type").asInt() == 9) {
                JsonNode data = body.path("data");
                int id = data.path("custom_id").asText().length();
                int title = data.path("title").asText().length();
                int components = data.path("components").size();
                if (id < 1 || id > 100 || title < 1 || title > 45 || components < 1 || components > 5) {
                    return Answer.error(400, 50035, "Invalid Form Body");
                }
            }
            return Answer.empty();
        }
        if (p.length == 3 && p[0].equals("applications") && p[2].equals("commands") && m.equals("PUT")) {
            return commands(call, null);
        }
        if (p.length == 5 && p[0].equals("applications") && p[2].equals("guilds") && p[4].equals("commands")
                && m.equals("PUT")) {
            return commands(call, p[3]);
        }
        if (p.length == 5 && p[0].equals("webhooks") && p[3].equals("messages") && p[4].equals("@original")) {
            return switch (m) {
                case "PATCH", "GET" -> {
                    ObjectNode original = message(originals.computeIfAbsent(p[2], t -> snowflake()),
                            interactionChannels.getOrDefault(p[2], CHANNEL_ID), call.json());
                    channels.interactionAnswer(original);
                    yield Answer.json(original);
                }
                case "DELETE" -> Answer.empty();
                default -> null;
            };
        }
        if (p.length == 3 && p[0].equals("webhooks") && m.equals("POST")) {
            return Answer.json(message(snowflake(), interactionChannels.getOrDefault(p[2], CHANNEL_ID), call.json()));
        }
        if (p.length >= 2 && p[0].equals("channels")) {
            return channelRoute(call, p, raw);
        }
        return null;
    }

    /** Channels, messages and threads; an edit of a message the fake never stored echoes the request. */
    private Answer channelRoute(Call call, String[] p, byte[] raw) {
        String m = call.method();
        if (p.length == 2 && m.equals("GET")) {
            return channels.channel(p[1]);
        }
        if (p.length == 3 && p[2].equals("messages") && m.equals("POST")) {
            String type = call.header("Content-Type");
            List<Multipart.Part> parts = Multipart.is(type) ? Multipart.parse(type, raw) : List.of();
            return channels.post(p[1], call.json(), parts);
        }
        if (p.length == 3 && p[2].equals("messages") && m.equals("GET")) {
            java.util.regex.Matcher limit = Pattern.compile("(?:^|&)limit=(\\d+)").matcher(
                    call.query() == null ? "" : call.query());
            return channels.history(p[1], limit.find() ? Integer.parseInt(limit.group(1)) : 50);
        }
        if (p.length == 4 && p[2].equals("messages") && m.equals("PATCH")) {
            return channels.edit(p[1], p[3], call.json())
                    .orElseGet(() -> Answer.json(message(p[3], p[1], call.json())));
        }
        if (p.length == 4 && p[2].equals("messages") && m.equals("GET")) {
            return channels.message(p[1], p[3]);
        }
        if (p.length == 5 && p[2].equals("messages") && p[4].equals("threads") && m.equals("POST")) {
            return channels.startThread(p[1], p[3], call.json());
        }
        return null;
    }

    private static Answer commands(Call call, String guildId) {
        ArrayNode out = JSON.createArrayNode();
        for (JsonNode given : call.json()) {
            ObjectNode command = given.deepCopy();
            command.put("id", snowflake()).put("application_id", APP_ID).put("version", snowflake());
            if (!command.has("type")) {
                command.put("type", 1);
            }
            if (guildId != null) {
                command.put("guild_id", guildId);
            }
            out.add(command);
        }
        return Answer.json(out);
    }

    /** A message object as Discord returns it, with the content, embeds, components and flags of the request. */
    static ObjectNode message(String id, String channelId, JsonNode request) {
        ObjectNode message = JSON.createObjectNode();
        message.put("id", id).put("channel_id", channelId).put("type", 0)
                .put("content", request.path("content").asText(""));
        ArrayNode embeds = message.putArray("embeds");
        // Discord answers every embed with its type; a bot's are "rich"
        request.path("embeds").forEach(e -> embeds.add(e.isObject() && !e.has("type")
                ? ((ObjectNode) e.deepCopy()).put("type", "rich") : e.deepCopy()));
        message.set("components", request.has("components") ? request.get("components") : JSON.createArrayNode());
        message.putArray("attachments");
        message.putArray("mentions");
        message.putArray("mention_roles");
        message.put("pinned", false).put("mention_everyone", false).put("tts", false);
        message.set("author", botUser());
        message.put("timestamp", now()).putNull("edited_timestamp").put("flags", request.path("flags").asInt(0));
        return message;
    }

    private static String now() {
        return Instant.now().atOffset(ZoneOffset.UTC).toString();
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + json, e);
        }
    }
}
