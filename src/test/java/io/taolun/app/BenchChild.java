package io.taolun.app;

import com.google.gson.Gson;
import com.google.gson.JsonParser;
import com.slack.api.Slack;
import com.slack.api.app_backend.SlackSignature;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.util.json.GsonFactory;
import java.net.URLDecoder;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import com.sun.net.httpserver.HttpServer;
import io.taolun.core.article.SeedLoader;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;
import net.dv8tion.jda.api.utils.data.DataObject;

/**
 * One side of a benchmark in a JVM of its own, so that neither side inherits the other's JIT state, garbage or
 * threads, and the child's CPU time is that side's alone. The load generator and the fake platform stay in the test
 * JVM; the child only serves. It prints {@code READY [url]} once it serves, answers {@code stored PREFIX} on stdin
 * with {@code STORED n} (Taolun's Slack side), and exits when stdin closes.
 *
 * <ul>
 *   <li>{@code discord-bare API GATEWAY}: a bare JDA listener replying "pong" from JDA's event thread;</li>
 *   <li>{@code discord-embed API GATEWAY EMBED_FILE}: the same, replying the embed in EMBED_FILE (JSON; ephemeral
 *       when the file's first line is {@code ephemeral});</li>
 *   <li>{@code discord-taolun API GATEWAY DATA_DIR}: Taolun's server, Discord only;</li>
 *   <li>{@code slack-bare API}: a Bolt app that only acknowledges, behind the JDK HTTP server;</li>
 *   <li>{@code slack-lean API}: the same server checking the signature and reading the press with one shared Gson,
 *       without Bolt's per-request Gson, then acknowledging;</li>
 *   <li>{@code slack-taolun API DATA_DIR}: Taolun's server, Slack only.</li>
 * </ul>
 */
public final class BenchChild {
    static final String SECRET = SlackServerHarness.SECRET;
    static final String TOKEN = SlackServerHarness.TOKEN;

    /** The same heap for every side: a side must not be faster for having been given more memory. */
    private static final List<String> JVM = List.of("-Xms512m", "-Xmx512m");

    private BenchChild() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        AutoCloseable running;
        Composition taolun = null;
        String url = "";
        switch (args[0]) {
            case "discord-bare" -> running = bareJda(args[1], args[2], event -> event.reply("pong"));
            case "discord-embed" -> {
                List<String> lines = Files.readAllLines(Path.of(args[3]));
                boolean ephemeral = lines.get(0).equals("ephemeral");
                MessageEmbed embed = EmbedBuilder.fromData(DataObject.fromJson(lines.get(1))).build();
                running = bareJda(args[1], args[2], event -> event.replyEmbeds(embed).setEphemeral(ephemeral));
            }
            case "discord-taolun" -> {
                Map<String, String> env = Map.of("DISCORD_TOKEN", "bench-token", "DISCORD_API_URL", args[1],
                        "DISCORD_GATEWAY_URL", args[2], "TAOLUN_PORT", "0");
                taolun = composition(Path.of(args[3]), env);
                Server server = server(taolun, env);
                running = () -> server.close(0);
            }
            case "slack-bare", "slack-lean" -> {
                BareBolt bolt = new BareBolt(args[1], args[0].equals("slack-lean"));
                url = bolt.events;
                running = bolt;
            }
            case "slack-taolun" -> {
                Map<String, String> env = Map.of("SLACK_BOT_TOKEN", TOKEN, "SLACK_SIGNING_SECRET", SECRET,
                        "SLACK_API_URL", args[1], "TAOLUN_PORT", "0");
                taolun = composition(Path.of(args[2]), env);
                Server server = server(taolun, env);
                url = "http://127.0.0.1:" + server.port() + "/slack/events";
                running = () -> server.close(0);
            }
            default -> throw new IllegalArgumentException(args[0]);
        }
        out.println(("READY " + url).trim());
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.startsWith("stored ") && taolun != null) {
                try (Connection c = taolun.database().dataSource().getConnection();
                        Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM vote WHERE user_id LIKE '"
                                + line.substring(7).replaceAll("\\W", "") + "%'")) {
                    rs.next();
                    out.println("STORED " + rs.getInt(1));
                }
            }
        }
        running.close();
        if (taolun != null) {
            taolun.close();
        }
        System.exit(0);
    }

    private static Composition composition(Path data, Map<String, String> platforms) throws Exception {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.remove("TAOLUN_DB_URL");
        return new Composition(TaolunConfig.defaults(), new SeedLoader().load(Path.of("seeds")),
                DatabaseSettings.from(env, data), Clock.systemUTC(), new Random(1), e -> { },
                Outbound.of(PlatformSettings.from(platforms)));
    }

    private static Server server(Composition app, Map<String, String> env) throws Exception {
        return new Server(app, TaolunConfig.defaults(), PlatformSettings.from(env), Clock.systemUTC(),
                new PrintStream(OutputStream.nullOutputStream()));
    }

    private interface Answer {
        net.dv8tion.jda.api.requests.restaction.interactions.ReplyCallbackAction apply(
                SlashCommandInteractionEvent event);
    }

    /** The bare listener: replies from JDA's event thread, JDA as its documentation shows it. */
    private static AutoCloseable bareJda(String api, String gateway, Answer answer) throws Exception {
        JDA jda = JDABuilder.createLight("bare-token", EnumSet.noneOf(GatewayIntent.class))
                .setRestConfig(new RestConfig().setBaseUrl(api))
                .setSessionController(new ConcurrentSessionController() {
                    @Override
                    public String getGateway() {
                        return gateway;
                    }
                })
                .setCompression(Compression.NONE)
                .addEventListeners(new ListenerAdapter() {
                    @Override
                    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
                        answer.apply(event).queue();
                    }
                }).build();
        jda.awaitReady();
        return jda::shutdownNow;
    }

    /**
     * A Bolt app that only acknowledges button presses, behind the JDK's HTTP server with 32 threads; the baseline of
     * the Slack benchmarks (this one's and {@link IdleMemoryBenchmark}'s).
     */
    static final class BareBolt implements AutoCloseable {
        final String events;
        private final HttpServer server;

        /**
         * @param lean when true, a press is not run through Bolt: its signature is checked with the SDK's verifier and
         *             its payload read with one shared Gson (Bolt's own request builds a new Gson per request)
         */
        BareBolt(String apiUrl, boolean lean) throws Exception {
            SlackConfig config = new SlackConfig();
            config.setMethodsEndpointUrlPrefix(apiUrl);
            config.setStatsEnabled(false);
            App app = new App(AppConfig.builder().slack(Slack.getInstance(config))
                    .singleTeamBotToken(TOKEN).signingSecret(SECRET).build());
            app.blockAction(Pattern.compile(".*"), (req, ctx) -> ctx.ack());
            SlackRequestParser parser = new SlackRequestParser(app.config());
            Gson gson = GsonFactory.createSnakeCase();
            SlackSignature.Verifier verifier = new SlackSignature.Verifier(new SlackSignature.Generator(SECRET));
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 128);
            server.setExecutor(Executors.newFixedThreadPool(32));
            server.createContext("/slack/events", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                if (lean) {
                    String ts = exchange.getRequestHeaders().getFirst("X-Slack-Request-Timestamp");
                    String sig = exchange.getRequestHeaders().getFirst("X-Slack-Signature");
                    boolean ok = ts != null && sig != null && verifier.isValid(ts, body, sig)
                            && gson.fromJson(JsonParser.parseString(URLDecoder.decode(body.substring(
                                    "payload=".length()), StandardCharsets.UTF_8)), BlockActionPayload.class) != null;
                    exchange.sendResponseHeaders(ok ? 200 : 401, -1);
                    exchange.close();
                    return;
                }
                try {
                    Response response = app.run(parser.parse(SlackRequestParser.HttpRequest.builder()
                            .requestUri("/slack/events").queryString(new HashMap<>())
                            .headers(new RequestHeaders(new HashMap<>(exchange.getRequestHeaders())))
                            .requestBody(body).remoteAddress("127.0.0.1").build()));
                    byte[] bytes = response.getBody() == null ? new byte[0]
                            : response.getBody().getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(response.getStatusCode(), bytes.length == 0 ? -1 : bytes.length);
                    if (bytes.length > 0) {
                        try (OutputStream out = exchange.getResponseBody()) {
                            out.write(bytes);
                        }
                    }
                } catch (Exception e) {
                    exchange.sendResponseHeaders(500, -1);
                }
                exchange.close();
            });
            server.start();
            events = "http://127.0.0.1:" + server.getAddress().getPort() + "/slack/events";
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    /** A running child, seen from the test JVM. */
    static final class Running implements AutoCloseable {
        private final Process process;
        private final PrintStream in;
        private final BlockingQueue<String> protocol = new LinkedBlockingQueue<>();
        /** What the child printed after READY, its events URL (Slack) or empty. */
        final String url;

        /** Starts {@code BenchChild args...} on the tests' class path (full JIT, as in service) and waits for READY. */
        Running(String... args) throws IOException, InterruptedException {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(JVM);
            // e.g. -Dbench.childJvm=-XX:StartFlightRecording=filename=/tmp/{side}.jfr to profile each side
            String extra = System.getProperty("bench.childJvm", "").replace("{side}", args[0]);
            if (!extra.isBlank()) {
                command.addAll(List.of(extra.trim().split("\\s+")));
            }
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), BenchChild.class.getName()));
            command.addAll(List.of(args));
            ProcessBuilder pb = new ProcessBuilder(command);
            pb.environment().remove("TAOLUN_DB_URL");
            process = pb.start();
            in = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
            drain(process.getInputStream(), true);
            drain(process.getErrorStream(), false);
            String ready = next("READY");
            url = ready.substring("READY".length()).trim();
        }

        /** The child's CPU time so far, user and system, all threads. */
        Duration cpu() {
            return process.info().totalCpuDuration().orElseThrow(
                    () -> new IllegalStateException("this OS does not report a process's CPU time"));
        }

        long pid() {
            return process.pid();
        }

        /** Votes stored by users whose id begins with {@code prefix} (Taolun's side only). */
        int stored(String prefix) throws InterruptedException {
            in.println("stored " + prefix);
            return Integer.parseInt(next("STORED").substring("STORED ".length()));
        }

        private String next(String word) throws InterruptedException {
            while (true) {
                String line = protocol.poll(5, TimeUnit.MINUTES);
                if (line == null) {
                    throw new IllegalStateException("child printed no " + word);
                }
                if (line.startsWith(word)) {
                    return line;
                }
            }
        }

        private void drain(InputStream stream, boolean listen) {
            Thread t = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                    for (String line = r.readLine(); line != null; line = r.readLine()) {
                        if (listen && (line.startsWith("READY") || line.startsWith("STORED"))) {
                            protocol.add(line);
                        } else if (line.contains("Exception") || line.contains("ERROR")) {
                            System.err.println("child " + process.pid() + ": " + line);
                        }
                    }
                } catch (IOException e) {
                    // the child is gone
                }
            }, "bench-child-" + process.pid());
            t.setDaemon(true);
            t.start();
        }

        @Override
        public void close() throws InterruptedException {
            in.close();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
