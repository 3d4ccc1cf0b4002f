package io.taolun.core.poll;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * Votes per option, in option order, and how many voters cast them: as many as the votes in a poll of one choice, fewer
 * when voters may pick several options.
 */
public record Tally(List<Integer> counts, int voters) {
    /** The tally of a poll of one choice: one voter per vote. */
    public Tally(List<Integer> counts) {
        this(counts, counts.stream().mapToInt(Integer::intValue).sum());
    }

    public Tally {
        counts = List.copyOf(counts);
        if (counts.stream().anyMatch(c -> c < 0)) {
            throw new IllegalArgumentException("negative count");
        }
        // the counts and the voters may be read a commit apart: only a negative number is refused
        if (voters < 0) {
            throw new IllegalArgumentException("negative voters");
        }
    }

    /** Whether some voter picked more than one option: then shares are of voters, and add up to more than 100. */
    public boolean severalEach() {
        return voters > 0 && voters < total();
    }

    public static Tally empty(int options) {
        return new Tally(Collections.nCopies(options, 0), 0);
    }

    public int total() {
        return counts.stream().mapToInt(Integer::intValue).sum();
    }

    public int count(int option) {
        return counts.get(option - 1);
    }

    /**
     * The whole percentage of voters who chose each option, all 0 when no one voted. When each voter chose one option
     * they add up to exactly 100 (largest remainder); when some chose several, each is rounded on its own.
     */
    public List<Integer> percentages() {
        if (severalEach()) {
            return counts.stream().map(c -> (int) Math.round(100.0 * c / voters)).toList();
        }
        int total = total();
        List<Integer> out = new ArrayList<>();
        if (total == 0) {
            counts.forEach(c -> out.add(0));
            return out;
        }
        List<Integer> order = new ArrayList<>();
        int given = 0;
        for (int i = 0; i < counts.size(); i++) {
            int floor = counts.get(i) * 100 / total;
            out.add(floor);
            given += floor;
            order.add(i);
        }
        order.sort(Comparator.comparingInt((Integer i) -> -(counts.get(i) * 100 % total)).thenComparingInt(i -> i));
        for (int k = 0; k < 100 - given; k++) {
            int i = order.get(k);
            out.set(i, out.get(i) + 1);
        }
        return out;
    }

    /** The share of all votes, 0 to 100, cast for the given options. */
    public double share(List<Integer> options) {
        int total = total();
        return total == 0 ? 0 : 100.0 * options.stream().mapToInt(this::count).sum() / total;
    }
}
