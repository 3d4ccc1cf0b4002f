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

    private final Outbox outbox;
    private final Map<String, ChatGateway> gateways;
    private final PollStore polls;
    private final RitualPosts posts;
    private final Executor work;
    private final CoalescedUpdates<Long> updates;

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
            for (Outbox.Posted message : posted) {
                ChatGateway gateway = gateways.get(message.where().platform());
                if (poll.isEmpty() || gateway == null || !gateway.canPost(message.where())) {
                    continue;
                }
                try {
                    gateway.edit(message.where(), message.messageId(), posts.pollMessage(poll.get(), message));
                } catch (DeliveryException | RuntimeException e) {
                    LOG.warn("poll #{} message on {} not refreshed: {}", pollId, message.where().platform(),
                            e.getMessage());
                }
            }
        }, work);
    }
}
