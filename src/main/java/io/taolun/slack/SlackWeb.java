package io.taolun.slack;

import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.webhook.WebhookResponse;
import java.io.IOException;
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

    /** One Web API call. */
    interface Call<T extends SlackApiTextResponse> {
        T call(MethodsClient methods) throws IOException, SlackApiException;
    }

    SlackWeb(Slack slack, String botToken, Sleeper sleeper) {
        this.slack = slack;
        this.methods = slack.methods(botToken);
        this.sleeper = sleeper;
    }

    /** Calls a Web API method; empty when Slack refused it or it kept failing (logged once, without secrets). */
    <T extends SlackApiTextResponse> Optional<T> call(String name, Call<T> call) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                T response = call.call(methods);
                if (!response.isOk()) {
                    LOG.warn("slack {} refused: {}", name, response.getError());
                    return Optional.empty();
                }
                return Optional.of(response);
            } catch (SlackApiException e) {
                int status = e.getResponse().code();
                Optional<Duration> wait = retryWait(status, e.getResponse().header("Retry-After"), attempt);
                if (wait.isEmpty() || !pause(wait.get())) {
                    LOG.warn("slack {} failed with HTTP {}", name, status);
                    return Optional.empty();
                }
            } catch (IOException e) {
                if (!pause(backoff(attempt))) {
                    return Optional.empty();
                }
                LOG.info("slack {} I/O error, retrying: {}", name, e.getClass().getSimpleName());
            }
        }
        LOG.warn("slack {} gave up after {} attempts", name, ATTEMPTS);
        return Optional.empty();
    }

    /** Posts a JSON message to a {@code response_url}, with the same retries. */
    boolean respond(String responseUrl, String json) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                WebhookResponse response = slack.send(responseUrl, json);
                int status = response.getCode();
                if (status >= 200 && status < 300) {
                    return true;
                }
                Optional<Duration> wait = retryWait(status, header(response, "Retry-After"), attempt);
                if (wait.isEmpty() || !pause(wait.get())) {
                    LOG.warn("response_url answered HTTP {}", status);
                    return false;
                }
            } catch (IOException e) {
                if (!pause(backoff(attempt))) {
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
