package io.taolun.core.ritual;

import io.taolun.core.ChatGateway;
import io.taolun.core.DeliveryException;
import io.taolun.core.poll.CoalescedUpdates;
import io.taolun.core.poll.Poll;
import io.taolun.core.poll.PollStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every posted message of a ritual poll, or of a poll opened by hand whose message was recorded, current (on
 * Slack and Discord alike, whichever platform the vote came from): after a vote or a close, each message is edited to
 * the live tally (a closed poll's to its final tally, without buttons), at most once per interval per poll.
 */
public final class PollFanout {
    private static final Logger LOG = LoggerFactory.getLogger(PollFanout.class);
    /** How often a refused refresh is made again before it waits for the next change. */
    static final int MAX_RETRIES = 5;

    private final Outbox outbox;
    private final Map<String, ChatGateway> gateways;
    private final PollStore polls;
    private final RitualPosts posts;
    private final Executor work;
    private final CoalescedUpdates<Long> updates;
    /** Refreshes refused in a row, per poll. */
    private final Map<Long, Integer> failedRefreshes = new ConcurrentHashMap<>();

    public PollFanout(Outbox outbox, List<ChatGateway> gateways, PollStore polls, RitualPosts posts,
            ScheduledExecutorService timers, Executor work, Clock clock, Duration interval) {
        this.outbox = outbox;
        this.gateways = gateways.stream().collect(Collectors.toUnmodifiableMap(ChatGateway::platform, g -> g));
        this.polls = polls;
        this.posts = posts;
        this.work = work;
        this.updates = new CoalescedUpdates<>(timers, clock, interval, this::refresh);
    }

    /** The poll's tally or state changed. */
    public void changed(long pollId) {
        updates.changed(pollId);
    }

    private CompletableFuture<Void> refresh(long pollId) {
        return CompletableFuture.runAsync(() -> {
            List<Outbox.Posted> posted = outbox.pollMessages(pollId);
            if (posted.isEmpty()) {
                return;
            }
            Optional<Poll> poll = polls.find(pollId);
            boolean again = false;
            for (Outbox.Posted message : posted) {
                ChatGateway gateway = gateways.get(message.where().platform());
                if (poll.isEmpty() || gateway == null || !gateway.canPost(message.where())) {
                    continue;
                }
                try {
                    gateway.edit(message.where(), message.messageId(), posts.pollMessage(poll.get(), message));
                } catch (DeliveryException e) {
                    again |= e.retryable();
                    LOG.warn("poll #{} message on {} not refreshed: {}", pollId, message.where().platform(),
                            e.getMessage());
                } catch (RuntimeException e) {
                    LOG.warn("poll #{} message on {} not refreshed: {}", pollId, message.where().platform(),
                            e.getMessage());
                }
            }
            retryLater(pollId, again);
        }, work);
    }

    /**
     * A refresh the platform refused for now (a 5xx, a rate limit) is made again an interval later, a few times:
     * the gateways make one attempt per call, and the closed state of a poll must not be lost to one server error.
     */
    private void retryLater(long pollId, boolean again) {
        if (!again) {
            failedRefreshes.remove(pollId);
            return;
        }
        if (failedRefreshes.merge(pollId, 1, Integer::sum) <= MAX_RETRIES) {
            updates.changed(pollId);
        } else {
            failedRefreshes.remove(pollId);
        }
    }
}
