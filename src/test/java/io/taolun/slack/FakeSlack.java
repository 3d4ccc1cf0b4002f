package io.taolun.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.taolun.testing.Await;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** A fake Slack Web API, response_url receiver and file upload target on one loopback HTTP server. */
public final class FakeSlack implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NO_SOCKET = "{\"ok\":false,\"error\":\"no_socket\"}";

    private final HttpServer server;
    private final Map<String, List<ObjectNode>> threads = new java.util.concurrent.ConcurrentHashMap<>();
    private final ExecutorService executor;
    private final List<Call> calls = new ArrayList<>();
    private final Map<String, Deque<Failure>> failures = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> holds = new ConcurrentHashMap<>();
    /** The ts each chat.postMessage call was answered with, by the recorded call itself. */
    private final Map<Call, String> postedTs = Collections.synchronizedMap(new IdentityHashMap<>());
    private final AtomicInteger timestamps = new AtomicInteger();
    private final AtomicInteger uploads = new AtomicInteger();
    private volatile String socketModeUrl;
    private volatile boolean sharesOnComplete;

    /** One recorded request; method is the Web API method, {@code response_url} or {@code upload}. */
    public record Call(String method, Map<String, String> form, String body, Map<String, List<String>> headers,
            Instant at) {
        private static final Set<String> JSON_FIELDS = Set.of("blocks", "attachments", "files", "metadata", "view");

        /** The JSON body, or for a form an object of its fields with JSON-valued fields such as blocks parsed. */
        public JsonNode json() {
            if (form.isEmpty()) {
                return body.isBlank() ? JSON.createObjectNode() : parse(body);
            }
            ObjectNode node = JSON.createObjectNode();
            form.forEach((name, value) -> node.set(name,
                    JSON_FIELDS.contains(name) ? parseOrText(value) : node.textNode(value)));
            return node;
        }

        /** The first value of a request header, by case-insensitive name, or null. */
        public String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        /** The request path, e.g. {@code /respond/abc} (kept as the pseudo-header {@code :path}). */
        public String path() {
            return header(":path");
        }

        private static JsonNode parseOrText(String text) {
            try {
                return JSON.readTree(text);
            } catch (JsonProcessingException e) {
                return JSON.getNodeFactory().textNode(text);
            }
        }

        private static JsonNode parse(String text) {
            try {
                return JSON.readTree(text);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("not JSON: " + text, e);
            }
        }
    }

    /** A planned failure: an HTTP status (with Retry-After), an ok=false error, or (status 0) no answer at all. */
    private record Failure(int status, Integer retryAfterSeconds, String error) {
        static final int DROP = 0;
    }

    private record Answer(int status, String contentType, String body) {
        static Answer json(String body) {
            return new Answer(200, "application/json; charset=utf-8", body);
        }
    }

    private final Map<String, List<String>> members = new java.util.concurrent.ConcurrentHashMap<>();
    /** Install codes not yet exchanged, and the workspace each bot token of an install belongs to. */
    private final Map<String, Grant> grants = new ConcurrentHashMap<>();
    private final Map<String, Grant> installedTokens = new ConcurrentHashMap<>();
    private final Set<String> revoked = ConcurrentHashMap.newKeySet();
    private volatile String clientCredentials;

    /** What an install's consent grants: a workspace's bot token. */
    private record Grant(String team, String teamName, String token, String botUser, String installer) {
    }
    private volatile int memberPage = 100;

    private FakeSlack(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Starts a fake on 127.0.0.1 at an ephemeral port. */
    public static FakeSlack start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 128);
            ExecutorService executor = Executors.newFixedThreadPool(32, runnable -> {
                Thread thread = new Thread(runnable, "fake-slack");
                thread.setDaemon(true);
                return thread;
            });
            FakeSlack fake = new FakeSlack(server, executor);
            server.createContext("/", fake::handle);
            server.setExecutor(executor);
            server.start();
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** The Web API prefix for {@code SlackConfig#setMethodsEndpointUrlPrefix}, ending in {@code /api/}. */
    public String apiUrl() {
        return base() + "/api/";
    }

    /** A response_url that this fake receives, recorded as method {@code response_url}. */
    public String responseUrl(String id) {
        return base() + "/respond/" + id;
    }

    /** The URL that apps.connections.open hands out; until set it answers {@code no_socket}. */
    public void setSocketModeUrl(String url) {
        this.socketModeUrl = url;
    }

    /** Every request so far, oldest first. */
    public List<Call> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    /** The requests of one method so far, oldest first. */
    public List<Call> calls(String method) {
        synchronized (calls) {
            return calls.stream().filter(c -> c.method().equals(method)).toList();
        }
    }

    /** Waits until the method was called at least {@code nth} times (1-based) and returns that call. */
    public Call awaitCall(String method, int nth, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (calls) {
            while (true) {
                List<Call> matching = calls.stream().filter(c -> c.method().equals(method)).toList();
                if (matching.size() >= nth) {
                    return matching.get(nth - 1);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("expected " + nth + " call(s) of " + method + " within " + timeout
                            + " but saw " + matching.size() + "; all calls: "
                            + calls.stream().map(Call::method).toList());
                }
                try {
                    calls.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted waiting for " + method, e);
                }
            }
        }
    }

    /**
     * What a slash command answered: the acknowledgement's body, or, when the bot acknowledged empty because the answer
     * missed its ack budget (a slowed machine), the answer it sent later to {@link #responseUrl}{@code (responseId)}.
     */
    public String answerOf(java.net.http.HttpResponse<String> ack, String responseId) {
        if (!ack.body().isBlank()) {
            return ack.body();
        }
        String path = "/respond/" + responseId;
        long deadline = System.nanoTime() + Await.CEILING.toNanos();
        synchronized (calls) {
            while (true) {
                Optional<Call> answer = calls.stream().filter(c -> c.method().equals("response_url")
                        && path.equals(c.path())).findFirst();
                if (answer.isPresent()) {
                    return answer.get().body();
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("acknowledged empty, and no answer to " + path + " within "
                            + Await.CEILING);
                }
                try {
                    calls.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted waiting for " + path, e);
                }
            }
        }
    }

    /** The ts this fake gave the message a recorded chat.postMessage call posted; empty for any other call. */
    public Optional<String> tsOf(Call call) {
        return Optional.ofNullable(postedTs.get(call));
    }

    /** Forgets the recorded calls (not the failures, delays or socket URL). */
    public void clear() {
        synchronized (calls) {
            calls.clear();
        }
    }

    /** The next {@code times} calls of the method answer with this HTTP status and have no effect. */
    public void failNext(String method, int times, int status, Integer retryAfterSeconds) {
        addFailures(method, times, new Failure(status, retryAfterSeconds, null));
    }

    /** The next {@code times} calls of the method answer HTTP 200 with {@code ok:false} and this error. */
    public void refuseNext(String method, int times, String error) {
        addFailures(method, times, new Failure(200, null, error));
    }

    /**
     * The next {@code times} calls of the method are recorded, take effect (a post gets its ts), and then the
     * connection is closed without an answer: a lost answer, after which the caller cannot know what happened.
     */
    public void dropAnswerNext(String method, int times) {
        addFailures(method, times, new Failure(Failure.DROP, null, null));
    }

    /**
     * Whether files.completeUploadExternal names the message it shared the file in ({@code files[].shares}); real
     * Slack does not (the share happens after the answer), which is the default.
     */
    public void setSharesOnComplete(boolean on) {
        this.sharesOnComplete = on;
    }

    private void addFailures(String method, int times, Failure failure) {
        Deque<Failure> queue = failures.computeIfAbsent(method, m -> new ArrayDeque<>());
        synchronized (queue) {
            for (int i = 0; i < times; i++) {
                queue.add(failure);
            }
        }
    }

    /**
     * Holds back the answers to every call of the method (each is recorded on arrival) until the returned latch is
     * counted down.
     */
    public CountDownLatch hold(String method) {
        CountDownLatch release = new CountDownLatch(1);
        holds.put(method, release);
        return release;
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            byte[] raw = exchange.getRequestBody().readAllBytes();
            String method = methodOf(path);
            Map<String, String> form = formOf(exchange, method, path, raw);
            String body = new String(raw, method.equals("upload") ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
            Call call = new Call(method, form, body, headersOf(exchange, path), Instant.now());
            record(call);
            awaitRelease(holds.get(method));
            Failure failure = nextFailure(method);
            if (failure != null && failure.status() == Failure.DROP) {
                answerOrReject(call, path);
                return; // closing the exchange before any header closes the connection: the answer is lost
            }
            Answer answer = failure == null ? answerOrReject(call, path) : failed(exchange, failure);
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static String methodOf(String path) {
        if (path.startsWith("/api/")) {
            return path.substring("/api/".length());
        }
        if (path.startsWith("/respond/")) {
            return "response_url";
        }
        if (path.startsWith("/upload/")) {
            return "upload";
        }
        return "not_found";
    }

    private static Map<String, String> formOf(HttpExchange exchange, String method, String path, byte[] raw) {
        Map<String, String> form = new LinkedHashMap<>();
        if (method.equals("upload")) {
            form.put("file_id", "F" + path.substring("/upload/".length()));
            form.put("bytes", String.valueOf(raw.length));
            return Collections.unmodifiableMap(form);
        }
        decodeInto(form, exchange.getRequestURI().getRawQuery());
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        boolean isJson = type != null && type.toLowerCase(Locale.ROOT).contains("json");
        if (!isJson && raw.length > 0) {
            decodeInto(form, new String(raw, StandardCharsets.UTF_8));
        }
        return Collections.unmodifiableMap(form);
    }

    private static void decodeInto(Map<String, String> form, String encoded) {
        if (encoded == null || encoded.isEmpty()) {
            return;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            form.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
    }

    private static Map<String, List<String>> headersOf(HttpExchange exchange, String path) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
        headers.put(":path", List.of(path));
        return Collections.unmodifiableMap(headers);
    }

    private void record(Call call) {
        synchronized (calls) {
            calls.add(call);
            calls.notifyAll();
        }
    }

    private static void awaitRelease(CountDownLatch hold) {
        if (hold == null) {
            return;
        }
        try {
            hold.await(Await.CEILING.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Failure nextFailure(String method) {
        Deque<Failure> queue = failures.get(method);
        if (queue == null) {
            return null;
        }
        synchronized (queue) {
            return queue.poll();
        }
    }

    private static Answer failed(HttpExchange exchange, Failure failure) {
        if (failure.retryAfterSeconds() != null) {
            exchange.getResponseHeaders().set("Retry-After", String.valueOf(failure.retryAfterSeconds()));
        }
        String error = failure.error() != null ? failure.error()
                : failure.status() == 429 ? "ratelimited" : "http_" + failure.status();
        return new Answer(failure.status(), "application/json; charset=utf-8",
                "{\"ok\":false,\"error\":\"" + error + "\"}");
    }

    private Answer answerOrReject(Call call, String path) {
        try {
            return answer(call, path);
        } catch (IllegalStateException e) {
            return Answer.json("{\"ok\":false,\"error\":\"invalid_form_data\"}");
        }
    }

    private Answer answer(Call call, String path) {
        Map<String, String> form = call.form();
        String token = tokenOf(call);
        if (token != null && revoked.contains(token)) {
            return Answer.json("{\"ok\":false,\"error\":\"invalid_auth\"}");
        }
        return switch (call.method()) {
            case "auth.test" -> authTest(call);
            case "oauth.v2.access" -> oauthAccess(call);
            case "chat.postMessage" -> postMessage(call);
            case "conversations.replies" -> replies(field(call, "channel"), field(call, "ts"));
            case "conversations.members" -> members(call);
            case "chat.update" -> object(o -> o.put("ok", true).put("channel", field(call, "channel"))
                    .put("ts", field(call, "ts")));
            case "chat.postEphemeral" -> object(o -> o.put("ok", true).put("message_ts", nextTs()));
            case "views.open" -> viewsOpen(call);
            case "views.publish" -> viewsPublish(call);
            case "files.getUploadURLExternal" -> uploadUrl();
            case "files.completeUploadExternal" -> completeUpload(call, sharesOnComplete ? nextTs() : null);
            case "apps.connections.open" -> socketModeUrl == null ? Answer.json(NO_SOCKET)
                    : object(o -> o.put("ok", true).put("url", socketModeUrl));
            case "response_url" -> new Answer(200, "text/plain; charset=utf-8", "ok");
            case "upload" -> new Answer(200, "text/plain; charset=utf-8", "OK");
            case "not_found" -> new Answer(404, "text/plain; charset=utf-8", "no such path: " + path);
            default -> Answer.json("{\"ok\":false,\"error\":\"unknown_method\"}");
        };
    }

    private Answer postMessage(Call call) {
        String ts = nextTs();
        postedTs.put(call, ts);
        String channel = field(call, "channel");
        String text = field(call, "text");
        String thread = field(call, "thread_ts");
        return object(o -> {
            o.put("ok", true).put("channel", channel).put("ts", ts);
            ObjectNode message = o.putObject("message").put("type", "message").put("ts", ts).put("text", text)
                    .put("user", "UBOT").put("bot_id", "BBOT");
            if (thread != null) {
                message.put("thread_ts", thread);
                threadOf(channel, thread).add(message.deepCopy());
            }
        });
    }

    /** The messages of a thread as {@code conversations.replies} lists them after the parent, oldest first. */
    private List<ObjectNode> threadOf(String channel, String threadTs) {
        return threads.computeIfAbsent(channel + "/" + threadTs, k -> new java.util.concurrent.CopyOnWriteArrayList<>());
    }

    /** A person (not the bot) writes in the thread under the message {@code threadTs} of the channel. */
    public void userReplies(String channel, String threadTs, String user, String text) {
        threadOf(channel, threadTs).add(JSON.createObjectNode().put("type", "message").put("ts", nextTs())
                .put("thread_ts", threadTs).put("user", user).put("text", text));
    }

    /**
     * The members of a channel, as {@code conversations.members} lists them (the bot among them), at most
     * {@code pageSize} a page whatever the caller's {@code limit}: set before use; a channel not set is not found.
     */
    public void setMembers(String channel, List<String> users, int pageSize) {
        members.put(channel, List.copyOf(users));
        memberPage = pageSize;
    }

    /**
     * The app's client id and secret: {@code oauth.v2.access} takes only these, as HTTP Basic credentials (as Bolt
     * sends them) or form fields.
     */
    public void setClient(String clientId, String clientSecret) {
        clientCredentials = clientId + ":" + clientSecret;
    }

    /**
     * A user consents to install the app in {@code team}: Slack would redirect back with {@code code}, which
     * {@code oauth.v2.access} exchanges, once, for {@code token}; {@code auth.test} then answers for that workspace.
     */
    public void consent(String code, String team, String token, String botUser, String installer) {
        grants.put(code, new Grant(team, "Team " + team, token, botUser, installer));
    }

    /** The token stops working: {@code auth.test} and every method called with it answer {@code invalid_auth}. */
    public void revoke(String token) {
        revoked.add(token);
    }

    /** The bearer token a recorded call was made with, or null. */
    public static String tokenOf(Call call) {
        String auth = call.header("Authorization");
        if (auth != null && auth.startsWith("Bearer ")) {
            return auth.substring("Bearer ".length());
        }
        return call.form().get("token");
    }

    /** {@code auth.test}: the workspace of an installed token, T1 for any other, {@code invalid_auth} if revoked. */
    private Answer authTest(Call call) {
        String token = tokenOf(call);
        if (token != null && revoked.contains(token)) {
            return Answer.json("{\"ok\":false,\"error\":\"invalid_auth\"}");
        }
        Grant grant = token == null ? null : installedTokens.get(token);
        String team = grant == null ? "T1" : grant.team();
        String user = grant == null ? "UBOT" : grant.botUser();
        return object(o -> o.put("ok", true).put("url", "https://fake.slack.test/").put("team", "Fake")
                .put("user", "taolun").put("team_id", team).put("user_id", user).put("bot_id", "BBOT"));
    }

    /** {@code oauth.v2.access}: the app's credentials and an unused code give the workspace's bot token. */
    private Answer oauthAccess(Call call) {
        String basic = call.header("Authorization");
        String credentials = basic != null && basic.startsWith("Basic ")
                ? new String(java.util.Base64.getDecoder().decode(basic.substring(6)), StandardCharsets.UTF_8)
                : call.form().get("client_id") + ":" + call.form().get("client_secret");
        if (clientCredentials == null || !clientCredentials.equals(credentials)) {
            return Answer.json("{\"ok\":false,\"error\":\"invalid_client_id\"}");
        }
        Grant grant = grants.remove(String.valueOf(call.form().get("code")));
        if (grant == null) {
            return Answer.json("{\"ok\":false,\"error\":\"invalid_code\"}");
        }
        installedTokens.put(grant.token(), grant);
        return object(o -> {
            o.put("ok", true).put("access_token", grant.token()).put("token_type", "bot")
                    .put("scope", "commands,chat:write").put("bot_user_id", grant.botUser()).put("app_id", "AFAKE");
            o.putObject("team").put("id", grant.team()).put("name", grant.teamName());
            o.putNull("enterprise");
            o.put("is_enterprise_install", false);
            o.putObject("authed_user").put("id", grant.installer());
        });
    }

    /** {@code conversations.members}: a page of the channel's members from the cursor (an offset), and the next. */
    private Answer members(Call call) {
        List<String> users = members.get(String.valueOf(field(call, "channel")));
        if (users == null) {
            return Answer.json("{\"ok\":false,\"error\":\"channel_not_found\"}");
        }
        String cursor = field(call, "cursor");
        int from = cursor == null || cursor.isEmpty() ? 0 : Integer.parseInt(cursor);
        String limit = field(call, "limit");
        int size = Math.min(memberPage, limit == null ? 100 : Integer.parseInt(limit));
        int to = Math.min(users.size(), from + size);
        return object(o -> {
            ArrayNode page = o.put("ok", true).putArray("members");
            users.subList(from, to).forEach(page::add);
            o.putObject("response_metadata").put("next_cursor", to < users.size() ? String.valueOf(to) : "");
        });
    }

    /** {@code conversations.replies}: the parent (the bot's post), then the thread, in one page. */
    private Answer replies(String channel, String threadTs) {
        if (channel == null || threadTs == null) {
            return Answer.json("{\"ok\":false,\"error\":\"invalid_arguments\"}");
        }
        return object(o -> {
            ArrayNode messages = o.put("ok", true).putArray("messages");
            messages.addObject().put("type", "message").put("ts", threadTs).put("thread_ts", threadTs)
                    .put("user", "UBOT").put("bot_id", "BBOT").put("text", "parent");
            threadOf(channel, threadTs).forEach(messages::add);
            o.put("has_more", false).putObject("response_metadata").put("next_cursor", "");
        });
    }

    private Answer uploadUrl() {
        int n = uploads.incrementAndGet();
        return object(o -> o.put("ok", true).put("upload_url", base() + "/upload/" + n).put("file_id", "F" + n));
    }

    /** @param shareTs the ts of the message sharing the files, to list under their shares; null for none */
    private static Answer completeUpload(Call call, String shareTs) {
        JsonNode requested = call.json().path("files");
        String channel = field(call, "channel_id");
        return object(o -> {
            o.put("ok", true);
            ArrayNode files = o.putArray("files");
            for (JsonNode file : requested) {
                ObjectNode out = files.addObject().put("id", file.path("id").asText());
                if (file.hasNonNull("title")) {
                    out.put("title", file.get("title").asText());
                }
                if (shareTs != null && channel != null) {
                    out.putObject("shares").putObject("public").putArray(channel).addObject().put("ts", shareTs);
                }
            }
        });
    }

    /** A text field of the request, from the form or from a JSON body; null when absent. */
    private static String field(Call call, String name) {
        JsonNode value = call.json().get(name);
        return value == null || value.isNull() ? null : value.asText();
    }

    private String nextTs() {
        return String.format("1700000000.%06d", timestamps.incrementAndGet());
    }

    /**
     * Publishes a home view as Slack does: refused without a user, or with a view that is not a home of at most 100
     * blocks whose texts are within Slack's limits (a header 150, a section 3,000, a field 2,000 characters).
     */
    private static Answer viewsPublish(Call call) {
        String user = field(call, "user_id");
        JsonNode view = call.json().path("view");
        if (view.isTextual()) {
            view = Call.parse(view.asText());
        }
        boolean valid = user != null && !user.isBlank() && view.path("type").asText().equals("home")
                && view.path("blocks").isArray() && view.path("blocks").size() <= 100;
        for (JsonNode block : view.path("blocks")) {
            String type = block.path("type").asText();
            valid &= !type.equals("header") || block.path("text").path("text").asText().length() <= 150;
            valid &= !type.equals("section") || block.path("text").path("text").asText().length() <= 3000;
            for (JsonNode f : block.path("fields")) {
                valid &= f.path("text").asText().length() <= 2000;
            }
        }
        if (!valid) {
            return Answer.json("{\"ok\":false,\"error\":\"invalid_arguments\"}");
        }
        return object(o -> o.put("ok", true).putObject("view").put("id", "VHOME").put("type", "home"));
    }

    /**
     * Slack's checks of a modal's blocks that Taolun's modals could break: block ids unique; an input's label at most
     * 2,000 characters; a select's or checkbox group's options at most 100 (10), each text at most 75 characters;
     * placeholders at most 150; an initial value within the input's maximum length.
     */
    private static boolean blocksValid(JsonNode blocks) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (JsonNode block : blocks) {
            if (block.has("block_id") && !ids.add(block.path("block_id").asText())) {
                return false;
            }
            if (!block.path("type").asText().equals("input")) {
                continue;
            }
            JsonNode element = block.path("element");
            String label = block.path("label").path("text").asText();
            int maxOptions = element.path("type").asText().equals("checkboxes") ? 10 : 100;
            boolean ok = !label.isEmpty() && label.length() <= 2000
                    && element.path("options").size() <= maxOptions
                    && element.path("placeholder").path("text").asText().length() <= 150
                    && (!element.has("max_length") || element.path("initial_value").asText().length()
                            <= element.path("max_length").asInt());
            for (JsonNode option : element.path("options")) {
                String text = option.path("text").path("text").asText();
                ok &= !text.isEmpty() && text.length() <= 75 && option.path("value").asText().length() <= 150;
            }
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /**
     * Opens a modal as Slack does: refused without a trigger, or with a view that is not a modal whose title and
     * submit label are plain text of at most 24 characters and whose blocks are at most 100.
     */
    private static Answer viewsOpen(Call call) {
        String trigger = field(call, "trigger_id");
        JsonNode view = call.json().path("view");
        if (trigger == null || trigger.isBlank()) {
            return Answer.json("{\"ok\":false,\"error\":\"invalid_trigger_id\"}");
        }
        boolean valid = view.path("type").asText().equals("modal")
                && view.path("title").path("type").asText().equals("plain_text")
                && !view.path("title").path("text").asText().isEmpty()
                && view.path("title").path("text").asText().length() <= 24
                && view.path("submit").path("text").asText().length() <= 24
                && view.path("blocks").isArray() && view.path("blocks").size() <= 100
                && view.path("private_metadata").asText().length() <= 3000
                && view.path("close").path("text").asText().length() <= 24
                && blocksValid(view.path("blocks"));
        if (!valid) {
            return Answer.json("{\"ok\":false,\"error\":\"invalid_arguments\"}");
        }
        return object(o -> o.put("ok", true).putObject("view").put("id", "V" + Math.abs(trigger.hashCode()))
                .put("type", "modal"));
    }

    private static Answer object(Consumer<ObjectNode> filler) {
        ObjectNode node = JSON.createObjectNode();
        filler.accept(node);
        return Answer.json(node.toString());
    }
}
