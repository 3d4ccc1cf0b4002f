package io.taolun.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.util.http.SlackHttpClient;
import com.slack.api.webhook.WebhookResponse;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slack Web API and {@code response_url} calls that survive rate limits: a 429 is retried after its
 * {@code Retry-After}, a 5xx after a short back-off, a few times. Single attempts ({@link #once}) tell the caller
 * whether Slack surely did nothing or may have acted, for callers that retry on their own. Runs on the adapter's
 * work executor, never on a request thread. Error messages never contain the token.
 */
final class SlackWeb {
    private static final Logger LOG = LoggerFactory.getLogger(SlackWeb.class);
    static final int ATTEMPTS = 5;
    private static final Duration MAX_WAIT = Duration.ofSeconds(30);
    /** Refusals that mean "later", should Slack send one with HTTP 200 rather than 429. */
    private static final Set<String> RATE_LIMITED_ERRORS = Set.of("ratelimited", "rate_limited");
    /** Refusals that Slack documents as failing part-way: the work may have been done. */
    private static final Set<String> FAILED_INSIDE_ERRORS = Set.of("internal_error", "fatal_error",
            "service_unavailable");

    private final Slack slack;
    /** The client with this instance's token; null when there is none (a workspace Taolun is not installed in). */
    private final MethodsClient methods;
    private final SlackTokens tokens;
    private final Sleeper sleeper;
    /** True when the workspace's installation could not be read: calls fail as not sent, so they may be retried. */
    private final boolean unreadable;

    /** Waits between attempts; a test can record instead of sleeping. */
    interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    /** What became of one call. */
    enum Outcome {
        /** Slack did it. */
        DONE,
        /** Slack said no (ok=false, an HTTP 4xx): nothing was done, and the same call would be refused again. */
        REFUSED,
        /** Slack is rate-limiting us (HTTP 429): nothing was done; try again after {@code Retry-After}. */
        RATE_LIMITED,
        /** The connection was refused: nothing was sent. */
        UNREACHED,
        /** A 5xx, a timeout, a lost or unreadable answer: Slack may have done it before failing. */
        UNCERTAIN
    }

    /**
     * A call's result: the response when Slack said ok; otherwise what went wrong, in words without secrets
     * ({@code problem}: Slack's error code, {@code HTTP 500}, an exception's class name), and the wait Slack asked for.
     */
    record Result<T>(Optional<T> response, Outcome outcome, String problem, Optional<Duration> retryAfter) {
        Result {
            Objects.requireNonNull(response, "response");
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(problem, "problem");
            Objects.requireNonNull(retryAfter, "retryAfter");
            if (response.isPresent() != (outcome == Outcome.DONE)) {
                throw new IllegalArgumentException("a response comes with DONE, and only with it");
            }
        }

        static <T> Result<T> done(T response) {
            return new Result<>(Optional.of(response), Outcome.DONE, "", Optional.empty());
        }

        static <T> Result<T> failed(Outcome outcome, String problem, Optional<Duration> retryAfter) {
            return new Result<>(Optional.empty(), outcome, problem, retryAfter);
        }

        boolean ok() {
            return outcome == Outcome.DONE;
        }

        /** True when the call failed and Slack surely did nothing (it refused, rate-limited, or was not reached). */
        boolean surelyNotDone() {
            return outcome == Outcome.REFUSED || outcome == Outcome.RATE_LIMITED || outcome == Outcome.UNREACHED;
        }
    }

    /** One Web API call. */
    interface Call<T extends SlackApiTextResponse> {
        T call(MethodsClient methods) throws IOException, SlackApiException;
    }

    /**
     * Idle pooled connections are closed after this long. OkHttp keeps them five minutes, but load balancers and NAT
     * often drop an idle connection sooner, and the next request on it then fails (the first after a quiet spell
     * failed with a 500).
     */
    static final Duration IDLE_CONNECTION = Duration.ofSeconds(30);
    /**
     * Idle connections kept, at least as many as threads that call Slack at once: every Web API and response_url call
     * runs on the server's {@code taolun-slack-calls} pool of 16 threads. With OkHttp's default of 5, a burst of
     * votes (one response_url confirmation each) opened a connection for most calls and closed it again, about 360
     * sockets left in TIME_WAIT after 2,000 clicks, each with its TCP handshake; idle ones still go after
     * {@link #IDLE_CONNECTION}.
     */
    static final int IDLE_CONNECTIONS = 16;
    /** Web API methods that only read, so that sending one twice does no harm (Bolt calls auth.test itself). */
    private static final Set<String> SAFE_METHODS = Set.of("auth.test");
    /** The problem of a call in a workspace Taolun has no token for. */
    static final String NOT_INSTALLED = "not_installed";

    /**
     * A Slack client whose HTTP client never resends a request on its own. OkHttp by default repeats a request whose
     * connection failed, even a POST after the server may have read it: a {@code chat.postMessage} could then post
     * twice. Every retry is this class's or its caller's decision, except that a read-only method
     * ({@link #SAFE_METHODS}) is sent once more after an I/O failure, such as a pooled connection the other side had
     * closed. Up to {@link #IDLE_CONNECTIONS} idle connections are kept, each for at most {@link #IDLE_CONNECTION}.
     */
    static Slack client(SlackConfig config) {
        OkHttpClient http = SlackHttpClient.buildOkHttpClient(config).newBuilder()
                .retryOnConnectionFailure(false)
                .connectionPool(new ConnectionPool(IDLE_CONNECTIONS, IDLE_CONNECTION.toSeconds(), TimeUnit.SECONDS))
                .addInterceptor(SlackWeb::retrySafeOnce)
                .build();
        SlackHttpClient client = new SlackHttpClient(http);
        client.setConfig(config);
        return Slack.getInstance(config, client);
    }

    private static Response retrySafeOnce(Interceptor.Chain chain) throws IOException {
        Request request = chain.request();
        List<String> segments = request.url().pathSegments();
        if (segments.isEmpty() || !SAFE_METHODS.contains(segments.get(segments.size() - 1))) {
            return chain.proceed(request);
        }
        try {
            return chain.proceed(request);
        } catch (IOException e) {
            LOG.info("slack {} failed ({}), retrying once", segments.get(segments.size() - 1),
                    e.getClass().getSimpleName());
            return chain.proceed(request);
        }
    }

    /** Calls with one bot token, whatever the workspace. */
    SlackWeb(Slack slack, String botToken, Sleeper sleeper) {
        this(slack, SlackTokens.single(botToken), sleeper);
    }

    /**
     * Calls with the token {@code tokens} give: with one token, this instance calls with it; installed in several
     * workspaces, only {@link #in} instances can call (this one answers every call {@code not_installed}).
     */
    SlackWeb(Slack slack, SlackTokens tokens, Sleeper sleeper) {
        this(slack, tokens.single().map(slack::methods).orElse(null), tokens, sleeper, false);
    }

    private SlackWeb(Slack slack, MethodsClient methods, SlackTokens tokens, Sleeper sleeper, boolean unreadable) {
        this.slack = slack;
        this.methods = methods;
        this.tokens = tokens;
        this.sleeper = sleeper;
        this.unreadable = unreadable;
    }

    /**
     * Calls in a workspace, with its own bot token: the same instance when Taolun has one token; when it is installed
     * through OAuth, the workspace's installation's token, or (not installed) an instance whose calls are all refused
     * {@code not_installed} without reaching Slack.
     */
    SlackWeb in(String workspace) {
        if (tokens.single().isPresent()) {
            return this;
        }
        try {
            return new SlackWeb(slack, tokens.botToken(workspace).map(slack::methods).orElse(null), tokens, sleeper,
                    false);
        } catch (RuntimeException e) {
            // the installation could not be read (the database is down): nothing is sent, and a retry may succeed
            LOG.warn("slack installation of a workspace unreadable: {}", e.getClass().getSimpleName());
            return new SlackWeb(slack, null, tokens, sleeper, true);
        }
    }

    /**
     * Calls a Web API method, retrying what is worth retrying; the last attempt's result (failures logged once,
     * without secrets).
     *
     * @param repeatable whether the call may be repeated after a 5xx or a lost answer (an update may; a post may not,
     *                   since Slack may have posted before failing: posts are retried only after a 429 or when the
     *                   connection was refused, when Slack surely did nothing)
     */
    <T extends SlackApiTextResponse> Result<T> call(String name, boolean repeatable, Call<T> call) {
        for (int attempt = 1; ; attempt++) {
            Result<T> result = once(call);
            Optional<Duration> wait = attempt < ATTEMPTS ? waitBeforeRetry(result, repeatable, attempt)
                    : Optional.empty();
            if (wait.isEmpty() || !pause(wait.get())) {
                if (!result.ok()) {
                    LOG.warn("slack {} failed ({}) after {} attempt(s): {}", name, result.outcome(), attempt,
                            result.problem());
                }
                return result;
            }
            LOG.info("slack {} failed ({}: {}), retrying", name, result.outcome(), result.problem());
        }
    }

    /**
     * Calls a Web API method exactly once, for callers that retry on their own terms. A refusal whose error says
     * Slack failed inside ({@code internal_error}, {@code fatal_error}, {@code service_unavailable}) is
     * {@link Outcome#UNCERTAIN}: Slack documents that part of the work may have been done.
     */
    <T extends SlackApiTextResponse> Result<T> once(Call<T> call) {
        if (methods == null) {
            return unreadable ? Result.failed(Outcome.UNREACHED, "installation unreadable", Optional.empty())
                    : Result.failed(Outcome.REFUSED, NOT_INSTALLED, Optional.empty());
        }
        try {
            T response = call.call(methods);
            if (response.isOk()) {
                return Result.done(response);
            }
            String error = response.getError() == null ? "unknown_error" : response.getError();
            Outcome outcome = RATE_LIMITED_ERRORS.contains(error) ? Outcome.RATE_LIMITED
                    : FAILED_INSIDE_ERRORS.contains(error) ? Outcome.UNCERTAIN : Outcome.REFUSED;
            return Result.failed(outcome, error, Optional.empty());
        } catch (SlackApiException e) {
            // the exception holds the request, token included: only its status and Retry-After are kept
            return httpFailure(e.getResponse().code(), e.getResponse().header("Retry-After"));
        } catch (IOException e) {
            return ioFailure(e);
        } catch (RuntimeException e) {
            // an answer the SDK could not read: whatever was asked may have been done
            return Result.failed(Outcome.UNCERTAIN, e.getClass().getSimpleName(), Optional.empty());
        }
    }

    /**
     * POSTs a file's bytes, once, to an {@code upload_url} that {@code files.getUploadURLExternal} handed out. The
     * URL itself is the credential: the token is not sent, and the URL is never put in a problem or a log line.
     */
    Result<Integer> uploadOnce(String uploadUrl, byte[] bytes) {
        Request request;
        try {
            request = new Request.Builder().url(uploadUrl).post(RequestBody.create(bytes)).build();
        } catch (IllegalArgumentException e) {
            return Result.failed(Outcome.REFUSED, "unusable upload_url", Optional.empty());
        }
        try (Response response = slack.getHttpClient().getOkHttpClient().newCall(request).execute()) {
            int status = response.code();
            return status >= 200 && status < 300 ? Result.done(status)
                    : httpFailure(status, response.header("Retry-After"));
        } catch (IOException e) {
            return ioFailure(e);
        }
    }

    private static <T> Result<T> httpFailure(int status, String retryAfter) {
        String problem = "HTTP " + status;
        if (status == 429) {
            return Result.failed(Outcome.RATE_LIMITED, problem, retryAfter(retryAfter));
        }
        return Result.failed(status >= 500 ? Outcome.UNCERTAIN : Outcome.REFUSED, problem, Optional.empty());
    }

    private static <T> Result<T> ioFailure(IOException e) {
        // only a refused connection proves nothing was sent; a reset or a timeout may come after Slack acted
        return Result.failed(e instanceof ConnectException ? Outcome.UNREACHED : Outcome.UNCERTAIN,
                e.getClass().getSimpleName(), Optional.empty());
    }

    private static Optional<Duration> waitBeforeRetry(Result<?> result, boolean repeatable, int attempt) {
        Optional<Duration> wait = switch (result.outcome()) {
            case DONE, REFUSED -> Optional.empty();
            case RATE_LIMITED -> Optional.of(result.retryAfter().orElse(Duration.ofSeconds(1)));
            case UNREACHED -> Optional.of(backoff(attempt));
            case UNCERTAIN -> repeatable ? Optional.of(backoff(attempt)) : Optional.empty();
        };
        return wait.map(w -> w.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : w);
    }

    /** The wait a {@code Retry-After} header asks for, in whole seconds as Slack sends it. */
    static Optional<Duration> retryAfter(String header) {
        if (header == null || !header.strip().matches("\\d{1,5}")) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofSeconds(Long.parseLong(header.strip())));
    }

    /**
     * Posts a JSON message to a {@code response_url}; retried after a 429 or a refused connection, and once after a
     * 5xx. A 5xx may come after Slack posted, so a retry could show the message twice; but a lost vote confirmation
     * or note leaves the user not knowing what happened, and Slack's 5xx on response_url are mostly a front end
     * that never reached the poster. One more try is the trade: at worst a duplicate ephemeral line.
     */
    boolean respond(String responseUrl, String json) {
        boolean retriedServerError = false;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                WebhookResponse response = slack.send(responseUrl, json);
                int status = response.getCode();
                if (status >= 200 && status < 300) {
                    return true;
                }
                Optional<Duration> wait = Optional.empty();
                if (status == 429) {
                    wait = retryWait(status, header(response, "Retry-After"), attempt);
                } else if (status >= 500 && !retriedServerError && attempt < ATTEMPTS) {
                    retriedServerError = true;
                    wait = Optional.of(backoff(attempt));
                }
                if (wait.isEmpty() || !pause(wait.get())) {
                    LOG.warn("response_url answered HTTP {}", status);
                    return false;
                }
                LOG.info("response_url answered HTTP {}, retrying", status);
            } catch (IOException e) {
                if (!(e instanceof ConnectException) || !pause(backoff(attempt))) {
                    LOG.warn("response_url failed: {}", e.getClass().getSimpleName());
                    return false;
                }
            }
        }
        return false;
    }

    private static String header(WebhookResponse response, String name) {
        if (response.getHeaders() == null) {
            return null;
        }
        for (var entry : response.getHeaders().entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty()) {
                return entry.getValue().get(0);
            }
        }
        return null;
    }

    /** How long to wait before another attempt, or empty when the failure is not worth retrying. */
    static Optional<Duration> retryWait(int status, String retryAfter, int attempt) {
        if (attempt >= ATTEMPTS) {
            return Optional.empty();
        }
        if (status == 429) {
            Duration wait = retryAfter(retryAfter).orElse(Duration.ofSeconds(1));
            return Optional.of(wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait);
        }
        return status >= 500 ? Optional.of(backoff(attempt)) : Optional.empty();
    }

    private static Duration backoff(int attempt) {
        return Duration.ofMillis(250L << Math.min(attempt - 1, 5));
    }

    private boolean pause(Duration d) {
        try {
            sleeper.sleep(d);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
