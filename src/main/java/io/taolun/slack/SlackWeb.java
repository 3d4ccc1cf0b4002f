package io.taolun.slack;

import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.webhook.WebhookResponse;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slack Web API and {@code response_url} calls that survive rate limits: a 429 is retried after its
 * {@code Retry-After}, a 5xx after a short back-off, a few times. Runs on the adapter's work executor, never on a
 * request thread. Error messages never contain the token.
 */
final class SlackWeb {
    private static final Logger LOG = LoggerFactory.getLogger(SlackWeb.class);
    static final int ATTEMPTS = 5;
    private static final Duration MAX_WAIT = Duration.ofSeconds(30);

    private final Slack slack;
    private final MethodsClient methods;
    private final Sleeper sleeper;

    /** Waits between attempts; a test can record instead of sleeping. */
    interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    /**
     * A call's result: the response when Slack said ok; otherwise whether Slack surely did nothing (it refused, or
     * rate-limited us, or the connection was refused) or may have done it before failing (a 5xx, a lost answer).
     */
    record Result<T>(Optional<T> response, boolean surelyNotDone) {
        boolean ok() {
            return response.isPresent();
        }
    }

    /** One Web API call. */
    interface Call<T extends SlackApiTextResponse> {
        T call(MethodsClient methods) throws IOException, SlackApiException;
    }

    SlackWeb(Slack slack, String botToken, Sleeper sleeper) {
        this.slack = slack;
        this.methods = slack.methods(botToken);
        this.sleeper = sleeper;
    }

    /**
     * Calls a Web API method; empty when Slack refused it or it kept failing (logged once, without secrets).
     *
     * @param repeatable whether the call may be repeated after a 5xx or a lost answer (an update may; a post may not,
     *                   since Slack may have posted before failing: posts are retried only after a 429 or when the
     *                   connection was refused, when Slack surely did nothing)
     */
    <T extends SlackApiTextResponse> Result<T> call(String name, boolean repeatable, Call<T> call) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                T response = call.call(methods);
                if (!response.isOk()) {
                    LOG.warn("slack {} refused: {}", name, response.getError());
                    return new Result<>(Optional.empty(), true);
                }
                return new Result<>(Optional.of(response), false);
            } catch (SlackApiException e) {
                int status = e.getResponse().code();
                Optional<Duration> wait = repeatable || status == 429
                        ? retryWait(status, e.getResponse().header("Retry-After"), attempt) : Optional.empty();
                if (wait.isEmpty() || !pause(wait.get())) {
                    LOG.warn("slack {} failed with HTTP {}", name, status);
                    return new Result<>(Optional.empty(), status == 429 || status < 500);
                }
            } catch (IOException e) {
                boolean refused = e instanceof ConnectException;
                if (!(repeatable || refused) || !pause(backoff(attempt))) {
                    LOG.warn("slack {} failed: {}", name, e.getClass().getSimpleName());
                    return new Result<>(Optional.empty(), refused);
                }
                LOG.info("slack {} I/O error, retrying: {}", name, e.getClass().getSimpleName());
            }
        }
        LOG.warn("slack {} gave up after {} attempts", name, ATTEMPTS);
        return new Result<>(Optional.empty(), repeatable);
    }

    /** Posts a JSON message to a {@code response_url}; retried only after a 429 or a refused connection. */
    boolean respond(String responseUrl, String json) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                WebhookResponse response = slack.send(responseUrl, json);
                int status = response.getCode();
                if (status >= 200 && status < 300) {
                    return true;
                }
                Optional<Duration> wait = status == 429
                        ? retryWait(status, header(response, "Retry-After"), attempt) : Optional.empty();
                if (wait.isEmpty() || !pause(wait.get())) {
                    LOG.warn("response_url answered HTTP {}", status);
                    return false;
                }
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
            Duration wait = Duration.ofSeconds(1);
            if (retryAfter != null && retryAfter.strip().matches("\\d{1,5}")) {
                wait = Duration.ofSeconds(Long.parseLong(retryAfter.strip()));
            }
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
