package io.taolun.core.ritual;

import io.taolun.core.ChannelRef;
import io.taolun.core.ChatGateway;
import io.taolun.core.Lang;
import io.taolun.core.PollPosts;
import io.taolun.core.DeliveryException;
import io.taolun.core.poll.CoalescedUpdates;
import io.taolun.core.poll.Poll;
import io.taolun.core.poll.PollQueries;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
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
 * The one owner of a poll's posted messages after they are posted: adapters tell it where a poll went
 * ({@link #posted}) and which message a vote was pressed on ({@link #pressed}); the services tell it that a poll's
 * tally or state changed ({@link #changed}). It keeps every recorded message current on Slack and Discord alike,
 * whichever platform the vote came from, through the {@link ChatGateway}s: each message is edited to the live tally (a
 * closed poll's to its final tally, without buttons), at most once per interval per poll. No adapter edits a poll
 * message on its own.
 */
public final class PollFanout implements PollPosts {
    private static final Logger LOG = LoggerFactory.getLogger(PollFanout.class);
    /** How often a refused refresh is made again before it waits for the next change. */
    static final int MAX_RETRIES = 5;

    private final PostedPolls outbox;
    private final Map<String, ChatGateway> gateways;
    private final PollQueries polls;
    private final RitualPosts posts;
    private final Executor work;
    private final CoalescedUpdates<Long> updates;
    /** Refreshes refused in a row, per poll. */
    private final Map<Long, Integer> failedRefreshes = new ConcurrentHashMap<>();
    private final Optional<HandPollPosts> hand;
    /** Messages pressed on that are recorded already (or were tried): a press costs no database read then. */
    private final Set<String> seen = Collections.synchronizedSet(
            Collections.newSetFromMap(new BoundedMap<>(SEEN_MAX)));
    static final int SEEN_MAX = 10_000;

    /** A fanout that refreshes recorded messages only: posts and presses are not recorded. */
    public PollFanout(PostedPolls outbox, List<ChatGateway> gateways, PollQueries polls, RitualPosts posts,
            ScheduledExecutorService timers, Executor work, Clock clock, Duration interval) {
        this(outbox, gateways, polls, posts, Optional.empty(), timers, work, clock, interval);
    }

    /**
     * @param hand   records the messages of polls opened by hand, that adapters posted or that a vote was pressed on
     * @param timers schedules the coalesced refreshes
     * @param work   runs records and refreshes (database reads and platform calls), never a platform's event thread
     */
    public PollFanout(PostedPolls outbox, List<ChatGateway> gateways, PollQueries polls, RitualPosts posts,
            Optional<HandPollPosts> hand, ScheduledExecutorService timers, Executor work, Clock clock,
            Duration interval) {
        this.hand = hand;
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

    /** An adapter posted a poll opened by hand: the message is recorded, then kept current and closed with the poll. */
    @Override
    public void posted(long pollId, ChannelRef where, String messageId, Lang lang) {
        seen.add(seenKey(pollId, where, messageId));
        later(() -> record(pollId, where, messageId, lang));
    }

    /**
     * A vote was cast on a posted message's button. A message not recorded yet (posted before messages were recorded,
     * or through Slack's {@code response_url}) is recorded now; the vote itself already told {@link #changed}.
     */
    @Override
    public void pressed(long pollId, ChannelRef where, String messageId, Lang lang) {
        if (hand.isPresent() && seen.add(seenKey(pollId, where, messageId))) {
            later(() -> {
                if (outbox.pollMessages(pollId).stream().noneMatch(m -> m.messageId().equals(messageId)
                        && m.where().equals(where))) {
                    record(pollId, where, messageId, lang);
                }
            });
        }
    }

    private void later(Runnable task) {
        try {
            work.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.warn("a poll message was not recorded: {}", e.getMessage());
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.info("a poll message was not recorded: shutting down");
        }
    }

    private void record(long pollId, ChannelRef where, String messageId, Lang lang) {
        if (hand.isPresent() && hand.get().record(pollId, where, messageId, lang)) {
            changed(pollId);
        }
    }

    private static String seenKey(long pollId, ChannelRef where, String messageId) {
        return pollId + " " + where.platform() + " " + where.workspace() + " " + where.channel() + " " + messageId;
    }

    /** A map that forgets its eldest entry past a size. */
    private static final class BoundedMap<K, V> extends LinkedHashMap<K, V> {
        private final int max;

        BoundedMap(int max) {
            this.max = max;
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
            return size() > max;
        }
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
