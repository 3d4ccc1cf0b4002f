package io.taolun.core.poll;

import io.taolun.core.ChannelRef;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A fake of the poll ports, {@link PollStore} and {@link VoteLedger}, in memory, for rule tests that run in
 * milliseconds. {@code io.taolun.store.PollPortsContractTest} runs the same cases on it, on H2 and on PostgreSQL, so
 * it keeps the stores' behaviour: ids from 1, newest first where they sort that way, and a press applied as the
 * vote statements apply it.
 */
public final class InMemoryPolls implements PollStore, VoteLedger {
    private final Duration doubleClick;
    private final TreeMap<Long, Poll> polls = new TreeMap<>();
    private final Map<VoterKey, Vote> votes = new HashMap<>();
    private final java.util.Set<String> deliveries = new java.util.HashSet<>();

    private record VoterKey(long pollId, String platform, String user) {
    }

    private record Vote(int option, boolean retracted, Instant at) {
    }

    /** The choices of polls of several choices, by voter and option. */
    private final Map<ChoiceKey, Vote> choices = new HashMap<>();

    private record ChoiceKey(long pollId, String platform, String user, int option) {
        VoterKey voter() {
            return new VoterKey(pollId, platform, user);
        }
    }

    /** @param doubleClick a repeat of the same option within this time changes nothing */
    public InMemoryPolls(Duration doubleClick) {
        this.doubleClick = doubleClick;
    }

    @Override
    public synchronized Poll open(NewPoll poll) {
        Poll stored = poll.withId(polls.isEmpty() ? 1 : polls.lastKey() + 1);
        polls.put(stored.id(), stored);
        return stored;
    }

    @Override
    public synchronized Optional<Poll> find(long id) {
        return Optional.ofNullable(polls.get(id));
    }

    @Override
    public synchronized List<Poll> openIn(ChannelRef where, String articleId, Instant now) {
        return polls.descendingMap().values().stream()
                .filter(p -> p.where().equals(where) && p.articleId().equals(articleId))
                .filter(p -> p.closedAt().isEmpty() && p.closesAt().map(now::isBefore).orElse(true))
                .toList();
    }

    @Override
    public synchronized List<Poll> openInWorkspace(String platform, String workspace, Instant now, int limit) {
        return polls.descendingMap().values().stream()
                .filter(p -> p.where().platform().equals(platform) && p.where().workspace().equals(workspace))
                .filter(p -> p.deletedAt().isEmpty() && p.closedAt().isEmpty()
                        && p.closesAt().map(now::isBefore).orElse(true))
                .limit(limit).toList();
    }

    @Override
    public synchronized Optional<Poll> latestIn(ChannelRef where, String articleId) {
        return polls.descendingMap().values().stream()
                .filter(p -> p.where().equals(where) && p.articleId().equals(articleId))
                .filter(p -> p.deletedAt().isEmpty()).findFirst();
    }

    @Override
    public synchronized List<Poll> onClaim(String platform, String workspace, String articleId, String claimId) {
        return polls.values().stream()
                .filter(p -> p.where().platform().equals(platform) && p.where().workspace().equals(workspace))
                .filter(p -> p.articleId().equals(articleId) && p.claimId().equals(Optional.of(claimId)))
                .filter(p -> p.deletedAt().isEmpty()).toList();
    }

    @Override
    public synchronized Optional<Poll> latestOnClaim(String articleId, String claimId) {
        return polls.descendingMap().values().stream()
                .filter(p -> p.articleId().equals(articleId) && p.claimId().equals(Optional.of(claimId)))
                .filter(p -> p.deletedAt().isEmpty()).findFirst();
    }

    @Override
    public synchronized boolean close(long id, String by, Instant at) {
        Poll poll = polls.get(id);
        if (poll == null) {
            return false;
        }
        forgetSalt(poll);
        poll.round().firstRound().map(polls::get).ifPresent(this::forgetSalt);
        poll = polls.get(id);
        if (poll.closedAt().isPresent()) {
            return false;
        }
        polls.put(id, poll.closed(at));
        return true;
    }

    @Override
    public synchronized OptionAdded addOption(long pollId, String label, String by, Instant at, boolean voter) {
        Poll poll = existing(pollId);
        OptionAdded.Status refused = OptionAdded.refusal(poll, label, at, voter);
        if (refused != null) {
            return new OptionAdded(refused, poll);
        }
        Poll added = poll.withOption(new PollOption(poll.slots() + 1, label, label,
                voter ? Optional.of(by) : Optional.empty()));
        polls.put(pollId, added);
        return new OptionAdded(OptionAdded.Status.ADDED, added);
    }

    @Override
    public synchronized boolean anyVote(long pollId) {
        return votes.keySet().stream().anyMatch(k -> k.pollId() == pollId)
                || choices.keySet().stream().anyMatch(k -> k.pollId() == pollId);
    }

    @Override
    public synchronized boolean rewrite(long pollId, String question, List<PollOption> options, String by,
            Instant at) {
        Poll poll = existing(pollId);
        boolean anyVote = votes.keySet().stream().anyMatch(k -> k.pollId() == pollId)
                || choices.keySet().stream().anyMatch(k -> k.pollId() == pollId);
        if (!poll.isOpen(at) || anyVote) {
            return false;
        }
        polls.put(pollId, poll.rewritten(question, options));
        return true;
    }

    @Override
    public synchronized boolean reschedule(long pollId, Instant closesAt, String by, Instant at) {
        Poll poll = existing(pollId);
        if (!poll.isOpen(at)) {
            return false;
        }
        polls.put(pollId, poll.closingAt(closesAt));
        return true;
    }

    @Override
    public synchronized boolean removeOption(long pollId, int number, String by, Instant at) {
        Poll poll = existing(pollId);
        if (!poll.isOpen(at) || poll.option(number).isEmpty() || poll.options().size() <= 2) {
            return false;
        }
        polls.put(pollId, poll.withoutOption(number));
        return true;
    }

    @Override
    public synchronized boolean delete(long pollId, String by, Instant at) {
        Poll poll = existing(pollId);
        if (poll.deletedAt().isPresent()) {
            return false;
        }
        polls.put(pollId, poll.deleted(at).withoutSalt());
        return true;
    }

    private Poll existing(long pollId) {
        Poll poll = polls.get(pollId);
        if (poll == null) {
            throw new IllegalArgumentException("poll " + pollId + " is gone");
        }
        return poll;
    }

    private void forgetSalt(Poll poll) {
        polls.put(poll.id(), poll.withoutSalt());
    }

    @Override
    public synchronized Optional<Poll> openSecondRound(NewPoll second) {
        long first = second.round().firstRound().orElseThrow();
        if (!polls.containsKey(first)) {
            throw new IllegalArgumentException("poll " + first + " is gone");
        }
        if (secondRound(first).isPresent()) {
            return Optional.empty();
        }
        Poll before = polls.get(first);
        if (before.closedAt().isEmpty()) {
            polls.put(first, before.closed(second.openedAt()));
        }
        return Optional.of(open(second));
    }

    @Override
    public synchronized Optional<Poll> secondRound(long firstRoundId) {
        return polls.values().stream().filter(p -> p.round().firstRound().equals(Optional.of(firstRoundId)))
                .findFirst();
    }

    @Override
    public synchronized Map<String, Integer> ballots(long pollId) {
        Map<String, Integer> out = new TreeMap<>();
        if (polls.containsKey(pollId) && polls.get(pollId).round().paired()) {
            votes.forEach((key, vote) -> {
                if (key.pollId() == pollId && !vote.retracted()) {
                    out.put(key.platform() + ":" + key.user(), vote.option());
                }
            });
        }
        return out;
    }

    @Override
    public synchronized Tally tally(Poll poll) {
        List<Integer> counts = new ArrayList<>(Collections.nCopies(poll.slots(), 0));
        counts(poll.id()).forEach((option, count) -> {
            if (option >= 1 && option <= counts.size() && poll.option(option).isPresent()) {
                counts.set(option - 1, count);
            }
        });
        return poll.multipleChoice() ? new Tally(counts, voterCount(poll.id())) : new Tally(counts);
    }

    @Override
    public synchronized Map<Integer, List<String>> voters(long pollId) {
        Map<Integer, List<String>> out = new LinkedHashMap<>();
        java.util.stream.Stream.concat(votes.entrySet().stream(), choices.entrySet().stream()
                        .map(e -> Map.entry(e.getKey().voter(), e.getValue())))
                .filter(e -> e.getKey().pollId() == pollId && !e.getValue().retracted())
                .sorted(Comparator.comparing((Map.Entry<VoterKey, Vote> e) -> e.getValue().option())
                        .thenComparing(e -> e.getValue().at())
                        .thenComparing(e -> e.getKey().user()))
                .forEach(e -> out.computeIfAbsent(e.getValue().option(), k -> new ArrayList<>())
                        .add(e.getKey().user()));
        return out;
    }

    /**
     * The same press rules as the stores' vote statements: the same option again withdraws the vote unless the
     * first press is within the double-click window; another option moves it; after a withdrawal, a press votes
     * again unless it repeats the withdrawn option within the window.
     */
    @Override
    public synchronized VoteReceipt cast(VoteRequest v) {
        Poll poll = polls.get(v.pollId());
        if (poll == null || !poll.isOpen(v.at())) {
            return new VoteReceipt(VoteOutcome.CLOSED, counts(v.pollId()));
        }
        if (!v.delivery().isEmpty() && !deliveries.add(v.platform() + "\n" + v.delivery())) {
            return new VoteReceipt(VoteOutcome.REPEATED, counts(v.pollId()));
        }
        if (poll.multipleChoice()) {
            return pressChoice(poll, v);
        }
        VoterKey key = new VoterKey(v.pollId(), v.platform(), v.user());
        Vote before = votes.get(key);
        Instant windowStart = v.at().minus(doubleClick);
        VoteOutcome outcome;
        if (before == null) {
            outcome = VoteOutcome.CAST;
        } else if (!before.retracted() && before.option() == v.option()) {
            outcome = before.at().isAfter(windowStart) ? VoteOutcome.UNCHANGED : VoteOutcome.RETRACTED;
        } else if (!before.retracted()) {
            outcome = VoteOutcome.MOVED;
        } else {
            boolean repeat = before.option() == v.option() && before.at().isAfter(windowStart);
            outcome = repeat ? VoteOutcome.STILL_WITHDRAWN : VoteOutcome.CAST;
        }
        switch (outcome) {
            case CAST, MOVED -> votes.put(key, new Vote(v.option(), false, v.at()));
            case RETRACTED -> votes.put(key, new Vote(v.option(), true, v.at()));
            default -> {
            }
        }
        return new VoteReceipt(outcome, counts(v.pollId()));
    }

    private Map<Integer, Integer> counts(long pollId) {
        Map<Integer, Integer> out = new HashMap<>();
        votes.forEach((key, vote) -> {
            if (key.pollId() == pollId && !vote.retracted()) {
                out.merge(vote.option(), 1, Integer::sum);
            }
        });
        choices.forEach((key, vote) -> {
            if (key.pollId() == pollId && !vote.retracted()) {
                out.merge(key.option(), 1, Integer::sum);
            }
        });
        return out;
    }

    /** The same toggle rules as the stores' choice statements. */
    private VoteReceipt pressChoice(Poll poll, VoteRequest v) {
        ChoiceKey key = new ChoiceKey(v.pollId(), v.platform(), v.user(), v.option());
        Vote before = choices.get(key);
        Instant windowStart = v.at().minus(doubleClick);
        VoteOutcome outcome;
        if (before != null && before.at().isAfter(windowStart)) {
            outcome = before.retracted() ? VoteOutcome.STILL_WITHDRAWN : VoteOutcome.UNCHANGED;
        } else if (before != null && !before.retracted()) {
            outcome = VoteOutcome.RETRACTED;
            choices.put(key, new Vote(v.option(), true, v.at()));
        } else if (mine(key.voter()).size() >= poll.maxChoices()) {
            outcome = VoteOutcome.FULL;
        } else {
            outcome = VoteOutcome.CAST;
            choices.put(key, new Vote(v.option(), false, v.at()));
        }
        return new VoteReceipt(outcome, counts(v.pollId()), java.util.OptionalInt.of(voterCount(v.pollId())),
                mine(key.voter()));
    }

    private List<Integer> mine(VoterKey voter) {
        return choices.entrySet().stream().filter(e -> e.getKey().voter().equals(voter) && !e.getValue().retracted())
                .map(e -> e.getKey().option()).sorted().toList();
    }

    private int voterCount(long pollId) {
        return (int) choices.entrySet().stream().filter(e -> e.getKey().pollId() == pollId && !e.getValue().retracted())
                .map(e -> e.getKey().voter()).distinct().count();
    }
}
