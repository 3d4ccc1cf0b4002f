package io.taolun.core.poll;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Objects;

/**
 * What the ledger hands back once a vote is committed: what the vote did, and the poll's counts as of that commit
 * (votes per option number), so the voter's confirmation shows a tally that includes their own vote. For a poll of
 * several choices, also how many voters cast them and the options this voter now has chosen.
 */
public record VoteReceipt(VoteOutcome outcome, Map<Integer, Integer> counts, OptionalInt voters, List<Integer> mine) {
    /** The receipt of a vote in a poll of one choice. */
    public VoteReceipt(VoteOutcome outcome, Map<Integer, Integer> counts) {
        this(outcome, counts, OptionalInt.empty(), List.of());
    }

    public VoteReceipt {
        Objects.requireNonNull(outcome, "outcome");
        counts = Map.copyOf(counts);
        Objects.requireNonNull(voters, "voters");
        mine = List.copyOf(mine);
    }

    /** The counts as a tally over the poll's options. */
    public Tally tally(Poll poll) {
        // by option number; a removed option's votes stay stored and count 0
        List<Integer> each = java.util.stream.IntStream.rangeClosed(1, poll.slots())
                .mapToObj(n -> poll.option(n).isPresent() ? counts.getOrDefault(n, 0) : 0).toList();
        return voters.isPresent() ? new Tally(each, voters.getAsInt()) : new Tally(each);
    }
}
