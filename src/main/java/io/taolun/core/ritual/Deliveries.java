package io.taolun.core.ritual;

import io.taolun.core.ChatGateway;
import io.taolun.core.DeliveryException;
import io.taolun.core.Reply;
import io.taolun.core.Telemetry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One delivery pass over the outbox: each due post that this process can make (its platform's gateway is here and,
 * on Discord, holds the channel's guild) is claimed, rendered, posted, and its message id stored. A post whose
 * platform refused it for now is retried with exponential back-off, never sooner than the platform's
 * {@code Retry-After}; one refused for good, or after {@link #MAX_ATTEMPTS}, is marked failed. A post in a thread
 * waits for the post it replies under.
 *
 * <p>A post is claimed before it is made, so two workers never make the same post. If this process dies after the
 * platform took a post and before the message id is stored, the claim runs out and the post is made again: Discord
 * drops the repeat (the outbox key is its enforced nonce); Slack has no such key, so there it would show twice.
 */
public final class Deliveries {
    /** Attempts before a post that keeps failing is given up. */
    public static final int MAX_ATTEMPTS = 8;
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(5);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(10);
    private static final Duration MAX_RETRY_AFTER = Duration.ofHours(1);
    private static final int BATCH = 20;
    private static final Logger LOG = LoggerFactory.getLogger(Deliveries.class);

    private final Outbox outbox;
    private final Map<String, ChatGateway> gateways;
    private final Function<OutboxPost, Reply> render;
    private final Clock clock;
    private final String worker;
    private final Duration lease;
    private final Telemetry telemetry;

    public Deliveries(Outbox outbox, List<ChatGateway> gateways, Function<OutboxPost, Reply> render, Clock clock,
            String worker, Duration lease) {
        this(outbox, gateways, render, clock, worker, lease, Telemetry.NONE);
    }

    /**
     * @param worker    this process's name in claims
     * @param lease     how long a claim holds; longer than any one post takes
     * @param telemetry told of each post made, retried and given up
     */
    public Deliveries(Outbox outbox, List<ChatGateway> gateways, Function<OutboxPost, Reply> render, Clock clock,
            String worker, Duration lease, Telemetry telemetry) {
        this.telemetry = telemetry;
        this.outbox = outbox;
        this.gateways = gateways.stream().collect(Collectors.toUnmodifiableMap(ChatGateway::platform, g -> g));
        this.render = render;
        this.clock = clock;
        this.worker = worker;
        this.lease = lease;
    }

    /** Makes the due posts this process can make; returns how many it posted. */
    public int deliverDue() {
        int sent = 0;
        for (Outbox.Pending pending : outbox.due(clock.instant(), BATCH)) {
            if (deliver(pending)) {
                sent++;
            }
        }
        return sent;
    }

    private boolean deliver(Outbox.Pending pending) {
        OutboxPost post = pending.post();
        ChatGateway gateway = gateways.get(post.where().platform());
        if (gateway == null || !gateway.canPost(post.where())) {
            return false;
        }
        Optional<String> threadOf = Optional.empty();
        if (post.threadOf().isPresent()) {
            threadOf = outbox.messageId(post.threadOf().get());
            if (threadOf.isEmpty()) {
                if (outbox.failed(post.threadOf().get()) && claim(pending)) {
                    outbox.markFailed(pending.id(), worker, "the post it replies under failed");
                }
                return false;
            }
        }
        if (!claim(pending)) {
            return false;
        }
        Reply reply;
        try {
            reply = render.apply(post);
        } catch (RuntimeException e) {
            LOG.warn("outbox post {} cannot be rendered: {}", post.key(), e.getMessage());
            outbox.markFailed(pending.id(), worker, "cannot render: " + e.getMessage());
            telemetry.postFailed(post.where().platform());
            return false;
        }
        try {
            String messageId = gateway.post(post.where(), threadOf, reply, post.key());
            outbox.markSent(pending.id(), worker, messageId, clock.instant());
            telemetry.posted(post.where().platform(), post.kind().name().toLowerCase(java.util.Locale.ROOT));
            return true;
        } catch (DeliveryException e) {
            int attempts = pending.attempts() + 1;
            if (e.retryable() && attempts < MAX_ATTEMPTS) {
                Instant next = clock.instant().plus(backoff(attempts, e.retryAfter()));
                LOG.info("outbox post {} to {} failed (attempt {}), retrying at {}: {}", post.key(),
                        post.where().platform(), attempts, next, e.getMessage());
                outbox.retryAt(pending.id(), worker, next, e.getMessage());
                telemetry.postRetried(post.where().platform());
            } else {
                LOG.warn("outbox post {} to {} failed for good after {} attempts: {}", post.key(),
                        post.where().platform(), attempts, e.getMessage());
                outbox.markFailed(pending.id(), worker, e.getMessage());
                telemetry.postFailed(post.where().platform());
            }
            return false;
        }
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
