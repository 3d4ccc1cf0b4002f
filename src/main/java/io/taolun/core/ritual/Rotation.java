package io.taolun.core.ritual;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which quote or claim comes next. Quotes go round in a shuffled order that is fixed per ritual and cycle, and none
 * repeats until every one has been posted once; claims go in article order, least polled in the channel first.
 */
final class Rotation {
    private Rotation() {
    }

    /**
     * @param numbers the quote numbers of the article, 1..n
     * @param posted  the quotes the ritual posted, oldest first
     */
    static int nextQuote(long ritualId, List<Integer> numbers, List<Integer> posted) {
        if (numbers.isEmpty()) {
            throw new IllegalArgumentException("no quotes");
        }
        int cycle = posted.size() / numbers.size();
        Set<Integer> used = new HashSet<>(posted.subList(posted.size() - posted.size() % numbers.size(), posted.size()));
        List<Integer> order = new ArrayList<>(numbers);
        order.sort(Comparator.comparingLong((Integer n) -> mix(ritualId, cycle, n)).thenComparing(n -> n));
        return order.stream().filter(n -> !used.contains(n)).findFirst().orElse(order.get(0));
    }

    /** The first claim, in article order, among those polled least often in the channel. */
    static String nextClaim(List<String> claimIds, Map<String, Integer> pollCounts) {
        if (claimIds.isEmpty()) {
            throw new IllegalArgumentException("no claims");
        }
        int least = claimIds.stream().mapToInt(id -> pollCounts.getOrDefault(id, 0)).min().orElseThrow();
        return claimIds.stream().filter(id -> pollCounts.getOrDefault(id, 0) == least).findFirst().orElseThrow();
    }

    /** A stable pseudo-random key (SplitMix64 finaliser), the same on every replica and every run. */
    private static long mix(long ritualId, int cycle, int number) {
        long z = ritualId * 0x9E3779B97F4A7C15L + cycle * 0xBF58476D1CE4E5B9L + number * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
