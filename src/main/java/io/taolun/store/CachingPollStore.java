package io.taolun.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.taolun.core.ChannelRef;
import io.taolun.core.poll.NewPoll;
import io.taolun.core.poll.OptionAdded;
import io.taolun.core.poll.Poll;
import io.taolun.core.poll.PollStore;
import io.taolun.core.poll.Tally;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps recently read polls in memory so a burst of votes on one poll does not read the poll for every vote. A poll
 * changes when it is closed, edited or deleted, or a voter adds an option: this process forgets it at once, and another replica's
 * change is seen within {@code ttl} (a vote for an option this copy lacks reads the poll again).
 */
public final class CachingPollStore implements PollStore {
    private final PollStore store;
    private final Cache<Long, Poll> polls;

    public CachingPollStore(PollStore store, Duration ttl, Ticker ticker) {
        this.store = store;
        this.polls = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(10_000).ticker(ticker).build();
    }

    @Override
    public Poll open(NewPoll poll) {
        Poll opened = store.open(poll);
        polls.put(opened.id(), opened);
        return opened;
    }

    @Override
    public Optional<Poll> find(long id) {
        // one atomic load: a close that invalidates the entry cannot be undone by a read that started before it
        return Optional.ofNullable(polls.get(id, key -> store.find(key).orElse(null)));
    }

    @Override
    public List<Poll> openIn(ChannelRef where, String articleId, Instant now) {
        return store.openIn(where, articleId, now);
    }

    @Override
    public List<Poll> openInWorkspace(String platform, String workspace, Instant now, int limit) {
        return store.openInWorkspace(platform, workspace, now, limit);
    }

    @Override
    public Optional<Poll> latestIn(ChannelRef where, String articleId) {
        return store.latestIn(where, articleId);
    }

    @Override
    public List<Poll> onClaim(String platform, String workspace, String articleId, String claimId) {
        return store.onClaim(platform, workspace, articleId, claimId);
    }

    @Override
    public Optional<Poll> latestOnClaim(String articleId, String claimId) {
        return store.latestOnClaim(articleId, claimId);
    }

    @Override
    public boolean close(long id, String by, Instant at) {
        Optional<Long> first = Optional.ofNullable(polls.getIfPresent(id)).flatMap(p -> p.round().firstRound());
        try {
            return store.close(id, by, at);
        } finally {
            polls.invalidate(id);
            // closing round 2 forgot the salt its round 1 holds too
            first.ifPresent(polls::invalidate);
        }
    }

    @Override
    public OptionAdded addOption(long pollId, String label, String by, Instant at, boolean voter) {
        return forgetting(pollId, () -> store.addOption(pollId, label, by, at, voter));
    }

    @Override
    public boolean rewrite(long pollId, String question, List<io.taolun.core.poll.PollOption> options, String by,
            Instant at) {
        return forgetting(pollId, () -> store.rewrite(pollId, question, options, by, at));
    }

    @Override
    public boolean reschedule(long pollId, Instant closesAt, String by, Instant at) {
        return forgetting(pollId, () -> store.reschedule(pollId, closesAt, by, at));
    }

    @Override
    public boolean removeOption(long pollId, int number, String by, Instant at) {
        return forgetting(pollId, () -> store.removeOption(pollId, number, by, at));
    }

    @Override
    public boolean anyVote(long pollId) {
        return store.anyVote(pollId);
    }

    @Override
    public boolean delete(long pollId, String by, Instant at) {
        return forgetting(pollId, () -> store.delete(pollId, by, at));
    }

    /** A change to a poll; this process's copy is forgotten whether it succeeded or not. */
    private <T> T forgetting(long pollId, java.util.function.Supplier<T> change) {
        try {
            return change.get();
        } finally {
            polls.invalidate(pollId);
        }
    }

    @Override
    public Optional<Poll> reread(long id) {
        polls.invalidate(id);
        return find(id);
    }

    @Override
    public Optional<Poll> openSecondRound(NewPoll second) {
        try {
            return store.openSecondRound(second);
        } finally {
            // round 1 is closed now
            second.round().firstRound().ifPresent(polls::invalidate);
        }
    }

    @Override
    public Optional<Poll> secondRound(long firstRoundId) {
        return store.secondRound(firstRoundId);
    }

    @Override
    public Map<String, Integer> ballots(long pollId) {
        return store.ballots(pollId);
    }

    @Override
    public Tally tally(Poll poll) {
        return store.tally(poll);
    }

    @Override
    public Map<Integer, List<String>> voters(long pollId) {
        return store.voters(pollId);
    }
}
