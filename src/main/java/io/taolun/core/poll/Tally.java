package io.taolun.core.poll;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/** Votes per option, in option order. */
public record Tally(List<Integer> counts) {
    public Tally {
        counts = List.copyOf(counts);
        if (counts.stream().anyMatch(c -> c < 0)) {
            throw new IllegalArgumentException("negative count");
        }
    }

    public static Tally empty(int options) {
        return new Tally(Collections.nCopies(options, 0));
    }

    public int total() {
        return counts.stream().mapToInt(Integer::intValue).sum();
    }

    public int count(int option) {
        return counts.get(option - 1);
    }

    /**
     * Whole percentages that add up to exactly 100 when anyone voted (largest remainder), all 0 when no one did.
     */
    public List<Integer> percentages() {
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
