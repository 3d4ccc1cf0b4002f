package io.taolun.slack;

import com.google.gson.Gson;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.bolt.util.SlackRequestParser;
import com.slack.api.socket_mode.SocketModeClient;
import com.slack.api.util.json.GsonFactory;
import io.taolun.core.AddOptionAction;
import io.taolun.core.Answerer;
import io.taolun.core.ChatRequest;
import io.taolun.core.DeliveryLog;
import io.taolun.core.Lang;
import io.taolun.core.PollPosts;
import io.taolun.core.Reply;
import io.taolun.core.SafeText;
import io.taolun.core.ShareAction;
import io.taolun.core.Telemetry;
import io.taolun.core.VoteAction;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.MDC;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Taolun on Slack: a Bolt app routing {@code /article} and button presses to the core, rendering replies as Block
 * Kit. Every request is acknowledged within the ack budget: the answer goes in the acknowledgement when it is ready
 * in time, otherwise through {@code response_url} once it is. Polls are posted with {@code chat.postMessage} so their
 * live tally can be kept current with {@code chat.update}; a file (a CSV export) is uploaded after the answer that
 * says it is coming.
 */
public final class SlackAdapter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SlackAdapter.class);
    /** How long a request may wait for its answer before it is acknowledged without it (Slack allows 3 s). */
    static final long ACK_BUDGET_MILLIS = 2000;
    /**
     * How long after its arrival a vote may wait for its commit: past it the press is answered 503, never 200, so
     * Slack shows the voter it failed (its confirmation follows if the vote commits after all). Slack allows 3 s.
     */
    static final long VOTE_BUDGET_MILLIS = 2000;
    /** When the request being handled on this thread arrived: Bolt calls the handlers on the thread that runs it. */
    private static final ThreadLocal<Long> ARRIVED = new ThreadLocal<>();

    private final SlackSettings settings;
    private final Answerer router;
    private final ExecutorService work;
    private final ExecutorService votes;
    private final ExecutorService calls;
    private final App app;
    private final SlackRequestParser parser;
    private final SlackWeb web;
    private final SlackTokens tokens;
    private final SlackFollowUps followUps;
    private final DeliveryLog deliveries;
    private final Gson gson = GsonFactory.createSnakeCase();
    private final SlackPayloads messages;
    private volatile SocketModeApp socketMode;
    private final Telemetry telemetry;
    private final Clock clock;
    private final SlackPollForms pollForms;
    private final Lang lang;

    /**
     * @param lang  the language of replies (Slack sends no locale with commands; {@code --lang} overrides)
     * @param work   runs the core for commands, off Slack's request threads
     * @param votes  runs votes, so that a stalled database cannot hold up commands that do not need it
     * @param calls  runs Web API and response_url calls, which may wait out retries; kept apart so that a slow or
     *               rate-limited Slack never delays a vote
     * @param timers schedules live-tally updates
     * @param deliveries the requests already taken, so that a re-delivered command is answered once (votes are
     *                   de-duplicated in their own transaction by the ledger)
     */
    public SlackAdapter(SlackConnection connection, Answerer router, PollPosts polls, Lang lang,
            ExecutorService work, ExecutorService votes, ExecutorService calls, ScheduledExecutorService timers,
            Clock clock, Telemetry telemetry, DeliveryLog deliveries, io.taolun.core.Completions completions,
            io.taolun.core.HomeTab home) {
        this.settings = connection.settings();
        this.lang = lang;
        this.deliveries = deliveries;
        this.telemetry = telemetry;
        this.clock = clock;
        this.router = router;
        this.work = work;
        this.votes = votes;
        this.calls = calls;
        this.messages = new SlackPayloads(lang, gson);
        Optional<SlackInstallStore> installs = connection.installStore();
        this.app = installs.isPresent() ? BoltApps.installedApp(connection.slack(), settings, installs.get(),
                connection.oauthStates().orElseThrow()) : BoltApps.app(connection.slack(), settings);
        this.parser = new SlackRequestParser(app.config());
        installs.ifPresent(this::onUninstall);
        this.web = connection.web();
        this.tokens = connection.tokens();
        this.followUps = new SlackFollowUps(web, connection.slackGateway(), messages, gson, polls, lang, timers, calls);
        app.command("/article", (request, ctx) -> acknowledged("command", request.getPayload().getChannelId(),
                () -> onCommand(request, ctx)));
        // presses over Socket Mode come through Bolt; over HTTP they are read by handle() itself (ButtonPresses)
        app.blockAction(Pattern.compile(".*"), (request, ctx) -> onPress(request.getPayload()));
        this.pollForms = new SlackPollForms(web, tokens, router, completions, deliveries, followUps, messages, gson,
                lang, work, calls, ACK_BUDGET_MILLIS);
        app.viewSubmission(SlackPollForm.CALLBACK, (request, ctx) -> acknowledged("poll-form",
                SlackPollForm.channelOf(request.getPayload().getView().getPrivateMetadata()).orElse("-"),
                () -> pollForms.onSubmit(request.getPayload(), ctx)));
        app.messageShortcut(SlackPollForm.SHORTCUT, (request, ctx) -> acknowledged("shortcut",
                request.getPayload().getChannel() == null ? "-" : request.getPayload().getChannel().getId(),
                () -> pollForms.onShortcut(request.getPayload())));
        SlackHome homeTab = new SlackHome(web, home, lang, gson, calls);
        app.event(com.slack.api.model.event.AppHomeOpenedEvent.class, (request, ctx) -> acknowledged("home", "-",
                () -> homeTab.opened(request, ctx)));
        app.viewSubmission(SlackForms.CALLBACK, (request, ctx) -> acknowledged("form",
                SlackForms.channelOf(request.getPayload().getView().getPrivateMetadata()),
                () -> onSubmit(request.getPayload(), ctx)));
        try {
            // auth.test now, so a bad token or an unreachable API stops start-up instead of the first request
            app.start();
        } catch (Exception e) {
            throw new IllegalStateException("Slack refused the bot token or could not be reached at "
                    + settings.apiUrl() + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * Uninstalling the app, or revoking its bot token, removes the workspace's installation before the event is
     * acknowledged: should the database fail, Slack is answered 500 and sends the event again.
     */
    private void onUninstall(SlackInstallStore installs) {
        app.event(com.slack.api.model.event.AppUninstalledEvent.class, (payload, ctx) -> acknowledged("uninstall",
                "-", () -> {
                    installs.remove(payload.getTeamId(), "the app was uninstalled");
                    return ctx.ack();
                }));
        app.event(com.slack.api.model.event.TokensRevokedEvent.class, (payload, ctx) -> acknowledged("revoked", "-",
                () -> {
                    com.slack.api.model.event.TokensRevokedEvent.Tokens tokens = payload.getEvent() == null ? null
                            : payload.getEvent().getTokens();
                    if (tokens != null && tokens.getBot() != null && !tokens.getBot().isEmpty()) {
                        installs.remove(payload.getTeamId(), "its bot token was revoked");
                    }
                    return ctx.ack();
                }));
    }

    /** True when Taolun is installed in workspaces through OAuth: {@link #handleInstall} then serves the flow. */
    public boolean installs() {
        return settings.installs();
    }

    /**
     * Serves a browser's GET of {@link SlackOAuth#INSTALL_PATH} (sent on to Slack's consent page with a one-time
     * state cookie) or of {@link SlackOAuth#REDIRECT_PATH} (Slack's redirect back: the code is exchanged for the
     * workspace's bot token, stored sealed, and a page says it is done). Not signed: the state is what protects it.
     */
    public HttpExchange.Out handleInstall(HttpExchange.In in) {
        if (!installs()) {
            return HttpExchange.Out.json(404, "{\"error\":\"not found\"}");
        }
        Optional<Request<?>> request = parse(in, "");
        if (request.isEmpty()) {
            return HttpExchange.Out.json(400, "{\"error\":\"malformed request\"}");
        }
        try {
            Response response = app.run(request.get());
            return new HttpExchange.Out(response.getStatusCode(),
                    response.getContentType() == null ? "text/html; charset=utf-8" : response.getContentType(),
                    response.getBody() == null ? "" : response.getBody(),
                    response.getHeaders() == null ? java.util.Map.of() : response.getHeaders());
        } catch (Exception e) {
            LOG.warn("slack install request failed: {}", e.getClass().getSimpleName());
            return HttpExchange.Out.json(500, "{\"error\":\"internal\"}");
        }
    }

    /**
     * Serves one HTTP request to {@code /slack/events}: signed within five minutes of the clock (either way), its
     * JSON at most {@link JsonDepth#MAX} levels deep, then verified again and routed by Bolt.
     */
    public HttpExchange.Out handle(HttpExchange.In in) {
        if (!SlackPayloads.signed(settings.signingSecret(), in, clock)) {
            // refused before anything parses (or logs) the body; with no secret (Socket Mode settings) nothing over
            // HTTP can be verified, so nothing is taken
            return HttpExchange.Out.json(401, "{\"error\":\"invalid request\"}");
        }
        if (!JsonDepth.withinLimit(in.body())) {
            // Gson parses recursively: a few thousand levels exhaust the request thread's stack
            LOG.warn("slack request refused: JSON nested deeper than {} levels", JsonDepth.MAX);
            return HttpExchange.Out.json(400, "{\"error\":\"malformed request\"}");
        }
        // a press is read here with one shared Gson and goes to the handler Bolt calls over Socket Mode; everything
        // else is Bolt's to parse and route (its request object builds a Gson per request)
        Optional<BlockActionPayload> press = ButtonPresses.read(in.body(), gson);
        Request<?> request = null;
        if (press.isEmpty()) {
            request = parse(in, in.body()).orElse(null);
            if (request == null) {
                return HttpExchange.Out.json(400, "{\"error\":\"malformed request\"}");
            }
        }
        ARRIVED.set(in.receivedNanos());
        try {
            Response response = press.isPresent() ? onPress(press.get()) : app.run(request);
            return new HttpExchange.Out(response.getStatusCode(),
                    response.getContentType() == null ? "text/plain" : response.getContentType(),
                    response.getBody() == null ? "" : response.getBody());
        } catch (Exception e) {
            LOG.warn("slack request failed: {}", e.getClass().getSimpleName());
            return HttpExchange.Out.json(500, "{\"error\":\"internal\"}");
        } finally {
            ARRIVED.remove();
        }
    }

    /** The request as Bolt reads it; empty when Bolt cannot (a malformed body, a path it does not serve). */
    private Optional<Request<?>> parse(HttpExchange.In in, String body) {
        try {
            return Optional.ofNullable(parser.parse(SlackRequestParser.HttpRequest.builder()
                    .requestUri(in.path())
                    .queryString(in.query())
                    .headers(new RequestHeaders(in.headers()))
                    .requestBody(body)
                    .remoteAddress(in.remoteAddress())
                    .build()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Connects over Socket Mode (needs {@code SLACK_APP_TOKEN}); requests then arrive over the WebSocket. */
    public void startSocketMode() throws Exception {
        socketMode = new SocketModeApp(settings.appToken().orElseThrow(), SocketModeClient.Backend.JavaWebSocket, app);
        socketMode.startAsync();
    }

    /** {@code http}, or Socket Mode's state, for the health endpoint. */
    public String state() {
        SocketModeApp s = socketMode;
        if (s == null) {
            return "http";
        }
        return s.isClientStopped() ? "socket-mode stopped" : "socket-mode";
    }

    /** True when the adapter can take requests: over HTTP always, over Socket Mode while its WebSocket is open. */
    public boolean ready() {
        SocketModeApp s = socketMode;
        if (s == null) {
            return true;
        }
        try {
            return s.getClient() != null && s.getClient().verifyConnection();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Stops taking requests over Socket Mode; the connection's client is closed by its owner. */
    @Override
    public void close() {
        SocketModeApp s = socketMode;
        if (s != null) {
            try {
                s.close();
            } catch (Exception e) {
                LOG.info("socket mode close: {}", e.getClass().getSimpleName());
            }
        }
    }

    /**
     * Runs a request's handler with its log context (platform, channel, a request id: work handed to the executors
     * carries it along) and reports how long the acknowledgement took.
     */
    private Response acknowledged(String kind, String channel, Supplier<Response> handler) {
        long start = System.nanoTime();
        MDC.put("platform", "slack");
        MDC.put("channel", channel == null ? "-" : SafeText.echo(channel));
        MDC.put("request", UUID.randomUUID().toString().substring(0, 8));
        try {
            return handler.get();
        } finally {
            telemetry.acknowledged("slack", kind, System.nanoTime() - start);
            MDC.clear();
        }
    }

    private Response onCommand(SlashCommandRequest request, SlashCommandContext ctx) {
        SlashCommandPayload p = request.getPayload();
        String retry = request.getHeaders().getFirstValue("X-Slack-Retry-Num");
        String text = p.getText() == null ? "" : p.getText();
        ChatRequest chat = new ChatRequest("slack", nonBlank(p.getTeamId()), nonBlank(p.getChannelId()),
                nonBlank(p.getUserId()), "", text, tokens.installedBy(p.getTeamId(), p.getUserId()))
                .delivered(trigger(p.getTriggerId()));
        Optional<io.taolun.core.Lang> form = SlackPollForms.asksForForm(text, lang);
        if (form.isPresent()) {
            return pollForms.onCommand(p, chat, form.get());
        }
        // the delivery is marked on the executor, within the ack budget: a stalled database cannot hold the ack
        CompletableFuture<Optional<Reply>> answer = CompletableFuture.supplyAsync(() -> {
            if (!deliveries.first("slack", p.getTriggerId())) {
                LOG.info("re-delivered /article ignored (retry {})", retry);
                return Optional.<Reply>empty();
            }
            return Optional.of(router.handle(chat));
        }, work);
        Optional<Optional<Reply>> ready = get(answer, ACK_BUDGET_MILLIS);
        if (ready.isEmpty()) {
            answer.thenAcceptAsync(r -> r.ifPresent(reply -> followUps.deliver(reply, chat, p.getResponseUrl())),
                    calls);
            return ctx.ack();
        }
        if (ready.get().isEmpty()) {
            return ctx.ack();
        }
        Reply reply = ready.get().get();
        if (reply.attachment().isPresent()) {
            calls.execute(() -> followUps.sendFile(reply, chat, p.getResponseUrl()));
            return Response.json(200, gson.toJson(messages.message(followUps.announcing(reply, chat), chat, false)));
        }
        if (SlackPayloads.postsAsBot(reply)) {
            calls.execute(() -> followUps.deliver(reply, chat, p.getResponseUrl()));
            return ctx.ack();
        }
        return Response.json(200, gson.toJson(messages.message(reply, chat, false)));
    }

    private Response onPress(BlockActionPayload p) {
        return acknowledged("button", p.getChannel() != null ? p.getChannel().getId() : null, () -> onAction(p));
    }

    private Response onAction(BlockActionPayload p) {
        if (p.getActions() == null || p.getActions().isEmpty()) {
            return Response.ok();
        }
        BlockActionPayload.Action action = p.getActions().get(0);
        String actionId = action.getActionId() == null ? "" : action.getActionId();
        if (!actionId.startsWith(BlockKit.BUTTON) && !actionId.equals(BlockKit.SHARE)) {
            LOG.warn("unknown slack action id ignored: {}", SafeText.echo(actionId));
            return Response.ok();
        }
        String value = action.getValue() == null ? "" : action.getValue();
        String team = p.getTeam() != null ? p.getTeam().getId() : p.getUser() != null ? p.getUser().getTeamId() : null;
        String channel = p.getChannel() != null ? p.getChannel().getId()
                : p.getContainer() != null ? p.getContainer().getChannelId() : null;
        if (p.getUser() == null || team == null || channel == null || p.getResponseUrl() == null) {
            return Response.json(400, "{\"error\":\"malformed block action\"}");
        }
        // a press needs no admin (votes, shares, an added option): the vote path reads no installation
        ChatRequest from = new ChatRequest("slack", nonBlank(team), nonBlank(channel), nonBlank(p.getUser().getId()),
                "", "").delivered(trigger(p.getTriggerId()));
        if (actionId.equals(BlockKit.SHARE)) {
            if (value.isBlank() || value.length() > 2000) {
                LOG.info("slack share button with an unusable value ignored");
                return Response.ok();
            }
            ChatRequest chat = from.pressing(new ShareAction(value));
            CompletableFuture.supplyAsync(() -> deliveries.first("slack", p.getTriggerId())
                            ? Optional.of(router.handle(chat)) : Optional.<Reply>empty(), work)
                    .thenAcceptAsync(r -> r.ifPresentOrElse(reply -> followUps.deliver(reply, chat,
                            p.getResponseUrl()), () -> LOG.info("re-delivered share ignored")), calls);
            return Response.ok();
        }
        if (io.taolun.core.Action.parse(value).orElse(null) instanceof AddOptionAction add) {
            return onFormPress(p, from.pressing(add));
        }
        Optional<VoteAction> parsed = VoteAction.parse(value);
        if (parsed.isEmpty()) {
            LOG.info("slack button with a value that is not a vote ignored");
            return Response.ok();
        }
        VoteAction vote = parsed.get();
        if (p.getContainer() != null && p.getContainer().getMessageTs() != null && !p.getContainer().isEphemeral()) {
            // the core keeps the pressed message's tally current; Slack names no language, the channel's is used
            vote = vote.on(p.getContainer().getMessageTs(), "");
        }
        ChatRequest chat = from.pressing(vote);
        // a re-delivered press carries the same trigger_id: the ledger marks it with the vote, so it counts once
        long arrived = ARRIVED.get() == null ? System.nanoTime() : ARRIVED.get();
        CompletableFuture<Reply> voted = CompletableFuture.supplyAsync(() -> router.handle(chat), votes);
        long left = VOTE_BUDGET_MILLIS - (System.nanoTime() - arrived) / 1_000_000;
        Optional<Reply> committed = get(voted, Math.max(0, left));
        voted.thenAcceptAsync(r -> web.respond(p.getResponseUrl(), gson.toJson(messages.message(r, chat, true))),
                calls);
        if (committed.isEmpty()) {
            // not 200: acknowledged means stored. Slack shows the voter the press failed; should the vote commit
            // after all, the confirmation above tells them, and a retry of the press counts once
            LOG.info("vote not committed within the ack budget; answered 503, the outcome follows");
            return Response.builder().statusCode(503).contentType("application/json; charset=utf-8")
                    .body("{\"error\":\"vote not stored yet\"}").build();
        }
        return Response.ok();
    }

    /**
     * A button that opens a form: acknowledged at once, then the core says which form (or why not, answered
     * privately) and the modal is opened with the press's trigger, which Slack honours for 3 seconds.
     */
    private Response onFormPress(BlockActionPayload p, ChatRequest chat) {
        CompletableFuture.supplyAsync(() -> router.handle(chat), work).thenAcceptAsync(reply -> {
            if (reply.form().isPresent() && p.getTriggerId() != null) {
                String view = SlackForms.view(reply.form().get(), chat.channel());
                SlackWeb in = web.in(chat.workspace());
                if (in.call("views.open", false, m -> m.viewsOpen(r -> r.triggerId(p.getTriggerId())
                        .viewAsString(view))).ok()) {
                    return;
                }
            }
            // no form (a closed or full poll), or Slack would not open it: the reply says why, or what to type
            web.respond(p.getResponseUrl(), gson.toJson(messages.message(reply, chat, true)));
        }, calls);
        return Response.ok();
    }

    /**
     * A form's submission: answered within the ack budget when the core is done by then. A refusal is shown under
     * the field, so the user can correct it; success closes the modal and is confirmed privately in the channel.
     * Past the budget the modal closes and the outcome follows as a private message.
     */
    private Response onSubmit(ViewSubmissionPayload p, ViewSubmissionContext ctx) {
        Optional<SlackForms.Submitted> submitted = SlackForms.read(p.getView().getPrivateMetadata(),
                p.getView().getState());
        String team = p.getTeam() != null ? p.getTeam().getId() : p.getUser() != null ? p.getUser().getTeamId() : null;
        if (submitted.isEmpty() || p.getUser() == null || team == null) {
            LOG.info("slack view submission that is not a form of ours ignored");
            return ctx.ack();
        }
        ChatRequest chat = new ChatRequest("slack", nonBlank(team), submitted.get().channel(),
                nonBlank(p.getUser().getId()), "", "").pressing(submitted.get().action());
        CompletableFuture<Reply> answer = CompletableFuture.supplyAsync(() -> router.handle(chat), work);
        Optional<Reply> ready = get(answer, ACK_BUDGET_MILLIS);
        if (ready.isPresent() && ready.get().error()) {
            return ctx.ackWithErrors(SlackForms.errors(SlackPayloads.texts(ready.get())));
        }
        answer.thenAcceptAsync(reply -> followUps.ephemeral(reply, chat), calls);
        return ctx.ack();
    }

    /** The answer if it is ready within the ack budget. */
    static <T> Optional<T> get(Future<T> answer, long millis) {
        try {
            return Optional.of(answer.get(millis, TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            LOG.error("slack command failed", e.getCause());
            return Optional.empty();
        }
    }

    /** A trigger id as a delivery id: empty when Slack sent none, cut to the column's width. */
    private static String trigger(String id) {
        return id == null ? "" : id.length() > 200 ? id.substring(0, 200) : id;
    }

    private static String nonBlank(String value) {
        return value == null || value.isBlank() ? "unknown" : value;
    }
}
