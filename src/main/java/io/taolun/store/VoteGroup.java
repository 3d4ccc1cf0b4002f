package io.taolun.store;

import io.taolun.core.poll.VoteOutcome;
import io.taolun.core.poll.VoteReceipt;
import io.taolun.core.poll.VoteRequest;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;

/**
 * What one vote group writes, in its writer's open transaction ({@link GroupCommitVoteLedger} commits or rolls back):
 * it locks the group's polls, decides each vote with the statements of {@link VoteStatements}, and moves the polls'
 * running counts by what the group changed.
 */
final class VoteGroup {
    private VoteGroup() {
    }

    /** The receipts of {@code group} (in key order), in its order; nothing is committed yet. */
    static List<VoteReceipt> write(VoteStatements s, List<VoteRequest> group) throws SQLException {
        VoteOutcome[] outcomes = new VoteOutcome[group.size()];
        Map<Long, PollInGroup> tallies = new HashMap<>();
        List<Integer> open = new ArrayList<>();
        List<Integer> several = new ArrayList<>();
        for (int i = 0; i < group.size(); i++) {
            VoteRequest vote = group.get(i);
            PollInGroup poll = tallies.get(vote.pollId());
            if (poll == null) {
                // polls in key order, so two replicas writing groups at once lock them in the same order
                VoteStatements.PollState state = s.lockPoll(vote.pollId());
                poll = new PollInGroup(state, state.exists() ? s.tally(vote.pollId()) : new HashMap<>());
                tallies.put(vote.pollId(), poll);
            }
            if (!poll.state.openAt(vote.at())) {
                outcomes[i] = VoteOutcome.CLOSED;
            } else if (poll.state.maxChoices() > 1) {
                several.add(i);
            } else {
                open.add(i);
            }
        }
        apply(s, group, open, outcomes, tallies);
        Map<Integer, List<Integer>> mine = pressChoices(s, group, several, outcomes, tallies);
        Map<Long, Map<Integer, Integer>> counts = new HashMap<>();
        Map<Long, Integer> voters = new HashMap<>();
        for (Map.Entry<Long, PollInGroup> poll : tallies.entrySet()) {
            poll.getValue().write(s, poll.getKey());
            counts.put(poll.getKey(), poll.getValue().nonZero());
            if (poll.getValue().state.maxChoices() > 1) {
                voters.put(poll.getKey(), s.choices().voters(poll.getKey()));
            }
        }
        s.writeTally();
        List<VoteReceipt> receipts = new ArrayList<>(group.size());
        for (int i = 0; i < group.size(); i++) {
            long pollId = group.get(i).pollId();
            receipts.add(voters.containsKey(pollId)
                    ? new VoteReceipt(outcomes[i], counts.get(pollId), OptionalInt.of(voters.get(pollId)),
                            mine.getOrDefault(i, List.of()))
                    : new VoteReceipt(outcomes[i], counts.get(pollId)));
        }
        return receipts;
    }

    /**
     * The open presses on polls of several choices ({@code several}: indexes into {@code group}, in key order): each
     * toggles its option after its delivery is marked. Returns the voter's choices after each press, by index.
     */
    private static Map<Integer, List<Integer>> pressChoices(VoteStatements s, List<VoteRequest> group,
            List<Integer> several, VoteOutcome[] outcomes, Map<Long, PollInGroup> tallies) throws SQLException {
        Map<Integer, List<Integer>> mine = new HashMap<>();
        boolean[] fresh = s.markDeliveries(several.stream().map(group::get).toList());
        for (int k = 0; k < fresh.length; k++) {
            int i = several.get(k);
            VoteRequest vote = group.get(i);
            PollInGroup poll = tallies.get(vote.pollId());
            if (!fresh[k]) {
                outcomes[i] = VoteOutcome.REPEATED;
                mine.put(i, s.choices().mine(vote));
                continue;
            }
            ChoiceStatements.Pressed pressed = s.choices().press(vote, poll.state.maxChoices());
            outcomes[i] = pressed.outcome();
            mine.put(i, pressed.mine());
            if (outcomes[i] == VoteOutcome.CAST) {
                poll.add(vote.option(), 1);
            } else if (outcomes[i] == VoteOutcome.RETRACTED) {
                poll.add(vote.option(), -1);
            }
        }
        return mine;
    }

    /**
     * The open votes of a group ({@code open}: indexes into {@code group}, in key order): delivery marks in one
     * batch, then the rows of first-time voters in one batch, then the keyed path for voters who already had a row.
     */
    private static void apply(VoteStatements s, List<VoteRequest> group, List<Integer> open, VoteOutcome[] outcomes,
            Map<Long, PollInGroup> tallies) throws SQLException {
        boolean[] fresh = s.markDeliveries(open.stream().map(group::get).toList());
        List<Integer> pressed = new ArrayList<>();
        for (int k = 0; k < fresh.length; k++) {
            if (fresh[k]) {
                pressed.add(open.get(k));
            } else {
                outcomes[open.get(k)] = VoteOutcome.REPEATED;
            }
        }
        boolean[] inserted = s.insertFirstVotes(pressed.stream().map(group::get).toList());
        List<Integer> repeat = new ArrayList<>();
        for (int k = 0; k < inserted.length; k++) {
            int i = pressed.get(k);
            if (inserted[k]) {
                outcomes[i] = VoteOutcome.CAST;
                tallies.get(group.get(i).pollId()).add(group.get(i).option(), 1);
            } else {
                repeat.add(i);
            }
        }
        // in key order, after the inserts: a voter's second press in this group finds the row their first inserted
        for (int i : repeat) {
            VoteRequest vote = group.get(i);
            Optional<Integer> before = s.standing(vote);
            VoteOutcome outcome = s.applyRepeat(vote);
            outcomes[i] = outcome;
            Optional<Integer> after = switch (outcome) {
                case CAST, MOVED -> Optional.of(vote.option());
                case RETRACTED, STILL_WITHDRAWN -> Optional.empty();
                default -> before;
            };
            if (!before.equals(after)) {
                PollInGroup tally = tallies.get(vote.pollId());
                before.ifPresent(o -> tally.add(o, -1));
                after.ifPresent(o -> tally.add(o, 1));
            }
        }
    }

    /**
     * A poll of the group: its state under the row lock, its running counts as read then, and how this group moves
     * them. {@code read} holds the options that have a row in {@code vote_tally}.
     */
    private static final class PollInGroup {
        final VoteStatements.PollState state;
        final Map<Integer, Integer> counts;
        final Set<Integer> read;
        final Map<Integer, Integer> changes = new TreeMap<>();

        PollInGroup(VoteStatements.PollState state, Map<Integer, Integer> counts) {
            this.state = state;
            this.counts = counts;
            this.read = Set.copyOf(counts.keySet());
        }

        void add(int option, int delta) {
            counts.merge(option, delta, Integer::sum);
            changes.merge(option, delta, Integer::sum);
        }

        void write(VoteStatements s, long pollId) throws SQLException {
            for (Map.Entry<Integer, Integer> change : changes.entrySet()) {
                if (change.getValue() != 0) {
                    s.addToTally(pollId, change.getKey(), change.getValue(), read.contains(change.getKey()));
                }
            }
        }

        Map<Integer, Integer> nonZero() {
            Map<Integer, Integer> out = new HashMap<>();
            counts.forEach((option, votes) -> {
                if (votes != 0) {
                    out.put(option, votes);
                }
            });
            return out;
        }
    }
}
