package io.taolun.core.poll;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * How a before/after pair of polls moved: both rounds' counts, and how the voters who answered both moved, linked by
 * the keyed hash each voter is stored as.
 *
 * @param before     round 1's standing votes per option
 * @param after      round 2's
 * @param changed    voters who answered both rounds, with another option in round 2
 * @param kept       voters who answered both rounds with the same option
 * @param onlyBefore voters who answered round 1 only
 * @param onlyAfter  voters who answered round 2 only
 * @param moves      from which option to which the changed voters moved, most voters first
 */
public record RoundShift(Tally before, Tally after, int changed, int kept, int onlyBefore, int onlyAfter,
        List<Move> moves) {
    /** Voters who moved from one option to another. */
    public record Move(int from, int to, int voters) {
    }

    public RoundShift {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        moves = List.copyOf(moves);
        if (before.counts().size() != after.counts().size()) {
            throw new IllegalArgumentException("both rounds have the same options");
        }
    }

    /**
     * @param options how many options the pair has
     * @param first   round 1's ballots: voter hash to option
     * @param second  round 2's
     */
    public static RoundShift of(int options, Map<String, Integer> first, Map<String, Integer> second) {
        List<Integer> before = new ArrayList<>(Collections.nCopies(options, 0));
        List<Integer> after = new ArrayList<>(Collections.nCopies(options, 0));
        first.values().forEach(o -> count(before, o));
        second.values().forEach(o -> count(after, o));
        int changed = 0;
        int kept = 0;
        int onlyBefore = 0;
        int[][] moved = new int[options + 1][options + 1];
        for (Map.Entry<String, Integer> ballot : first.entrySet()) {
            Integer then = second.get(ballot.getKey());
            if (then == null) {
                onlyBefore++;
            } else if (then.equals(ballot.getValue())) {
                kept++;
            } else {
                changed++;
                if (inRange(ballot.getValue(), options) && inRange(then, options)) {
                    moved[ballot.getValue()][then]++;
                }
            }
        }
        int onlyAfter = (int) second.keySet().stream().filter(voter -> !first.containsKey(voter)).count();
        List<Move> moves = new ArrayList<>();
        for (int from = 1; from <= options; from++) {
            for (int to = 1; to <= options; to++) {
                if (moved[from][to] > 0) {
                    moves.add(new Move(from, to, moved[from][to]));
                }
            }
        }
        moves.sort(Comparator.comparingInt((Move m) -> -m.voters()).thenComparingInt(Move::from)
                .thenComparingInt(Move::to));
        return new RoundShift(new Tally(before), new Tally(after), changed, kept, onlyBefore, onlyAfter, moves);
    }

    /**
     * The net shift, in percentage points from 0 to 100: half the sum, over the options, of how far each option's
     * share of the votes moved between the rounds. 0 when both rounds are split alike; 100 when no option chosen in
     * round 2 was chosen in round 1. It compares the two distributions, so it counts net movement: two voters who
     * swap options cancel out (they still count in {@link #changed()}). Empty when a round has no votes.
     */
    public OptionalLong netShiftPoints() {
        if (before.total() == 0 || after.total() == 0) {
            return OptionalLong.empty();
        }
        double sum = 0;
        for (int i = 1; i <= before.counts().size(); i++) {
            sum += Math.abs(share(after, i) - share(before, i));
        }
        return OptionalLong.of(Math.round(sum / 2));
    }

    /**
     * How many points option {@code option}'s share moved, round 2 against round 1, between the whole percentages the
     * results show (so a line reading 0% → 34% says +34); 0 when a round has no votes.
     */
    public long pointsChange(int option) {
        if (before.total() == 0 || after.total() == 0) {
            return 0;
        }
        return after.percentages().get(option - 1) - before.percentages().get(option - 1);
    }

    /** Voters who answered both rounds. */
    public int both() {
        return changed + kept;
    }

    private static double share(Tally tally, int option) {
        return 100.0 * tally.count(option) / tally.total();
    }

    private static void count(List<Integer> counts, Integer option) {
        if (option != null && inRange(option, counts.size())) {
            counts.set(option - 1, counts.get(option - 1) + 1);
        }
    }

    private static boolean inRange(int option, int options) {
        return option >= 1 && option <= options;
    }
}
