package io.taolun.core.ritual;

import io.taolun.core.ChatGateway;
import io.taolun.core.DeliveryException;
import io.taolun.core.Reply;
import io.taolun.core.Telemetry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One delivery pass over the outbox: each due post that this process can make (its platform's gateway is here and,
 * on Discord, holds the channel's guild) is claimed, rendered, posted, and its message id stored. Posts other
 * processes must make are passed over (and given up after {@link #EXPIRY} if none does). A post the platform refused
 * for now is retried with exponential back-off, never sooner than the platform's {@code Retry-After} (up to an
 * hour); one refused for good, or after {@link #MAX_ATTEMPTS}, is marked failed. A post in a thread waits for the
 * post it replies under. A post no longer wanted is skipped: a follow-up prompt once anyone has replied in its
 * thread ({@link OutboxPost.PostKind#onlyWhileQuiet}), or one its renderer declines ({@link SkipPost}).
 *
 * <p>A post is claimed before it is made, so while a claim lasts no other worker makes it. A post whose outcome is
 * unknown (the platform failed to answer, or the worker holding it died) is made again only on a platform that drops
 * repeats of its dedupe key (Discord's nonce) and only within {@link #REPEAT_WINDOW}; otherwise it is marked failed,
 * since it may have been posted: a post is never made twice, at the price of possibly losing one.
 */
public final class OutboxDelivery {
    /** Attempts before a post that keeps failing is given up. */
    public static final int MAX_ATTEMPTS = 8;
    /**
     * How long a platform that drops repeats still does: a post of unknown outcome is made again only within this
     * time of being recorded (after an unanswered attempt) or of the dead worker's claim.
     */
    public static final Duration REPEAT_WINDOW = Duration.ofMinutes(4);
    /** A post no process has made within this time is given up. */
    public static final Duration EXPIRY = Duration.ofDays(1);
    /**
     * A follow-up prompt not made within a day of its time (the process was down) is skipped: the next one is due by
     * then, and two prompts at once would read as noise.
     */
    public static final Duration PROMPT_DAY = Duration.ofDays(1);
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(5);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(10);
    private static final Duration MAX_RETRY_AFTER = Duration.ofHours(1);
    private static final int PAGE = 50;
    private static final Logger LOG = LoggerFactory.getLogger(OutboxDelivery.class);

    private final OutboxQueue outbox;
    private final Map<String, ChatGateway> gateways;
    private final Function<OutboxPost, Reply> render;
    private final Clock clock;
    private final String worker;
    private final Duration lease;
    private final Telemetry telemetry;

    public OutboxDelivery(OutboxQueue outbox, List<ChatGateway> gateways, Function<OutboxPost, Reply> render, Clock clock,
            String worker, Duration lease) {
        this(outbox, gateways, render, clock, worker, lease, Telemetry.NONE);
    }

    /**
     * @param worker    this process's name in claims
     * @param lease     how long a claim holds; longer than any one post takes
     * @param telemetry told of each post made, retried and given up
     */
    public OutboxDelivery(OutboxQueue outbox, List<ChatGateway> gateways, Function<OutboxPost, Reply> render, Clock clock,
            String worker, Duration lease, Telemetry telemetry) {
        this.outbox = outbox;
        this.gateways = gateways.stream().collect(Collectors.toUnmodifiableMap(ChatGateway::platform, g -> g));
        this.render = render;
        this.clock = clock;
        this.worker = worker;
        this.lease = lease;
        this.telemetry = telemetry;
    }

    /** Makes every due post this process can make; returns how many it posted. */
    public int deliverDue() {
        int sent = 0;
        long after = 0;
        while (true) {
            List<Outbox.Pending> page = outbox.due(clock.instant(), after, PAGE);
            for (Outbox.Pending pending : page) {
                if (deliver(pending)) {
                    sent++;
                }
                after = pending.id();
            }
            if (page.size() < PAGE) {
                return sent;
            }
        }
    }

    private boolean deliver(Outbox.Pending pending) {
        OutboxPost post = pending.post();
        Instant now = clock.instant();
        ChatGateway gateway = gateways.get(post.where().platform());
        if (gateway == null || !gateway.canPost(post.where())) {
            if (pending.createdAt().plus(EXPIRY).isBefore(now)) {
                giveUp(pending, "no process could make it within " + EXPIRY.toHours() + " hours");
            }
            return false;
        }
        if (pending.inFlightSince().isPresent()) {
            Instant since = pending.inFlightSince().get();
            if (!gateway.dropsRepeats() || since.plus(REPEAT_WINDOW).isBefore(now)) {
                giveUp(pending, "the worker making it stopped before storing the outcome; it may have been posted, "
                        + "so it is not made again");
                return false;
            }
        }
        Optional<String> threadOf = Optional.empty();
        if (post.threadOf().isPresent()) {
            threadOf = outbox.messageId(post.threadOf().get());
            if (threadOf.isEmpty()) {
                if (outbox.failed(post.threadOf().get())) {
                    giveUp(pending, "the post it replies under failed");
                }
                return false;
            }
        }
        if (!claim(pending)) {
            return false;
        }
        if (post.kind().onlyWhileQuiet() && pending.createdAt().plus(PROMPT_DAY).isBefore(now)) {
            skip(pending, "its day has passed (due " + pending.createdAt() + ")");
            return false;
        }
        try {
            if (post.kind().onlyWhileQuiet() && gateway.hasReplies(post.where(), threadOf.orElseThrow())) {
                skip(pending, "someone has replied in the thread");
                return false;
            }
        } catch (DeliveryException e) {
            retryOrFail(pending, e);
            return false;
        }
        Reply reply;
        try {
            reply = render.apply(post);
        } catch (SkipPost e) {
            skip(pending, e.getMessage());
            return false;
        } catch (RuntimeException e) {
            fail(pending, "cannot render: " + e.getMessage());
            return false;
        }
        try {
            String messageId = gateway.post(post.where(), threadOf, reply, post.key());
            outbox.markSent(pending.id(), worker, messageId, clock.instant());
            telemetry.posted(post.where().platform(), post.kind().name().toLowerCase(Locale.ROOT));
            return true;
        } catch (DeliveryException e) {
            retryOrFail(pending, e);
            return false;
        }
    }

    private void retryOrFail(Outbox.Pending pending, DeliveryException e) {
        OutboxPost post = pending.post();
        int attempts = pending.attempts() + 1;
        boolean inWindow = !e.uncertain() || pending.createdAt().plus(REPEAT_WINDOW).isAfter(clock.instant());
        if (e.retryable() && attempts < MAX_ATTEMPTS && inWindow) {
            Duration wait = e.uncertain() ? FIRST_BACKOFF : backoff(attempts, e.retryAfter());
            Instant next = clock.instant().plus(wait);
            LOG.info("outbox post {} to {} failed (attempt {}), retrying at {}: {}", post.key(),
                    post.where().platform(), attempts, next, e.getMessage());
            outbox.retryAt(pending.id(), worker, next, e.getMessage());
            telemetry.postRetried(post.where().platform());
        } else {
            fail(pending, e.getMessage());
        }
    }

    /** Claims the post and marks it failed. */
    private void giveUp(Outbox.Pending pending, String why) {
        if (claim(pending)) {
            fail(pending, why);
        }
    }

    private void fail(Outbox.Pending pending, String why) {
        LOG.warn("outbox post {} to {} given up after {} attempts: {}", pending.post().key(),
                pending.post().where().platform(), pending.attempts() + 1, why);
        outbox.markFailed(pending.id(), worker, why);
        telemetry.postFailed(pending.post().where().platform());
    }

    private void skip(Outbox.Pending pending, String why) {
        LOG.info("outbox post {} to {} not made: {}", pending.post().key(), pending.post().where().platform(), why);
        outbox.markSkipped(pending.id(), worker, why);
    }

    private boolean claim(Outbox.Pending pending) {
        Instant now = clock.instant();
        return outbox.claim(pending.id(), worker, now, now.plus(lease));
    }

    /** 5 s, 10 s, 20 s ... at most 10 minutes, and never less than the platform asked for (up to an hour). */
    static Duration backoff(int attempts, Optional<Duration> retryAfter) {
        Duration wait = FIRST_BACKOFF.multipliedBy(1L << Math.min(attempts - 1, 10));
        if (wait.compareTo(MAX_BACKOFF) > 0) {
            wait = MAX_BACKOFF;
        }
        Duration asked = retryAfter.filter(r -> !r.isNegative())
                .map(r -> r.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : r).orElse(Duration.ZERO);
        return asked.compareTo(wait) > 0 ? asked : wait;
    }
}
