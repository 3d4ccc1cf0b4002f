package io.taolun.discord;

import io.taolun.core.DeliveryException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.PermissionException;
import net.dv8tion.jda.api.exceptions.RateLimitedException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.RestAction;

/**
 * Runs one JDA REST call, blocking, and says how it failed: retryable (rate limit, server error, timeout, no
 * connection) or permanent (Discord refused it: unknown channel or message, missing access or permission, bad
 * request).
 *
 * <p>What JDA still retries by itself within the one call: a 502, 503, 504, 52x or 529 answer, up to 3 more times
 * (after 0.5, 1 and 2 s), and a connect or read timeout once; the call as a whole is bounded by the HTTP client's
 * call timeout ({@link Sessions}). A rate limit is NOT waited out ({@code complete(false)}): it comes back as
 * retryable with Discord's wait, for the caller's backoff. So JDA's retries resend the same body: a post is safe to
 * resend only because it carries an enforced nonce.
 */
final class RestCalls {
    private RestCalls() {
    }

    /**
     * Builds the action and completes it once. Building is inside, since JDA checks the bot's cached permissions
     * there. Must not run on a JDA callback thread (JDA refuses blocking calls there).
     */
    static <T> T once(String what, Supplier<? extends RestAction<T>> action) throws DeliveryException {
        try {
            return action.get().complete(false);
        } catch (RateLimitedException e) {
            return fail(DeliveryException.retryable(what + ": rate limited",
                    Optional.of(Duration.ofMillis(Math.max(0, e.getRetryAfter()))), e));
        } catch (ErrorResponseException e) {
            return fail(refused(what, e));
        } catch (PermissionException e) {
            // JDA's own check against the cached guild, before anything was sent
            return fail(DeliveryException.permanent(what + ": missing " + e.getPermission().getName(), e));
        } catch (IllegalArgumentException e) {
            return fail(DeliveryException.permanent(what + ": " + e.getMessage(), e));
        } catch (RejectedExecutionException e) {
            return fail(DeliveryException.retryable(what + ": the Discord session is shutting down",
                    Optional.empty(), e));
        } catch (UncheckedIOException e) {
            return fail(unreachable(what, e));
        } catch (CompletionException e) {
            if (e.getCause() instanceof IOException) {
                return fail(unreachable(what, e.getCause()));
            }
            throw e;
        }
    }

    /** Whether the failure is Discord's answer with this error. */
    static boolean isError(DeliveryException failure, ErrorResponse error) {
        return failure.getCause() instanceof ErrorResponseException e && e.getErrorResponse() == error;
    }

    private static <T> T fail(DeliveryException failure) throws DeliveryException {
        throw failure;
    }

    private static DeliveryException refused(String what, ErrorResponseException e) {
        int status = e.getResponse() == null ? 0 : e.getResponse().code;
        String detail = what + ": HTTP " + status + ", Discord error " + e.getErrorCode() + " (" + e.getMeaning() + ")";
        if (status == 429) {
            return DeliveryException.retryable(detail, retryAfter(e), e);
        }
        if (status >= 500 || e.isServerError()) {
            // the outcome is unknown; trying again is safe for an edit, and for a post within its nonce's window
            return DeliveryException.uncertain(detail, e);
        }
        return DeliveryException.permanent(detail, e);
    }

    private static DeliveryException unreachable(String what, Throwable cause) {
        return DeliveryException.uncertain(what + ": Discord did not answer (" + cause.getMessage() + ")", cause);
    }

    /** A Retry-After a server error may carry (seconds, possibly fractional). */
    private static Optional<Duration> retryAfter(ErrorResponseException e) {
        if (e.getResponse() == null || e.getResponse().getRawResponse() == null) {
            return Optional.empty();
        }
        String header = e.getResponse().getRawResponse().header("Retry-After");
        try {
            return header == null ? Optional.empty()
                    : Optional.of(Duration.ofMillis((long) (Double.parseDouble(header) * 1000)));
        } catch (NumberFormatException ignored) {
            return Optional.empty();
        }
    }
}
