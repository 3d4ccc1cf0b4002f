package io.taolun.core.poll;

import java.util.Map;
import java.util.Objects;

/**
 * What the ledger hands back once a vote is committed: what the vote did, and the poll's counts as of that commit
 * (votes per option number), so the voter's confirmation shows a tally that includes their own vote.
 */
public record VoteReceipt(VoteOutcome outcome, Map<Integer, Integer> counts) {
    public VoteReceipt {
        Objects.requireNonNull(outcome, "outcome");
        counts = Map.copyOf(counts);
    }

    /** The counts as a tally over the poll's options. */
    public Tally tally(Poll poll) {
        return new Tally(poll.options().stream().map(o -> counts.getOrDefault(o.number(), 0)).toList());
    }
}
