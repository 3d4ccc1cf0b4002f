package io.taolun.core.ritual;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** Which claim a weekly poll takes next, by its {@link Pick} rule: a pure choice from what the channel has done. */
final class WeeklyPick {
    /** How divided (0-100) a claim must be for {@link Pick#DIVISIVE} to take it again. */
    static final int DIVIDED_ENOUGH = 50;

    /**
     * The claim chosen, and whether it is taken again as a poll of two rounds (a divisive re-run).
     */
    record Choice(String claimId, boolean divisiveRerun) {
    }

    private WeeklyPick() {
    }

    /**
     * @param debatable   the article's claims people can take a side on, in its order (never facts)
     * @param pollCounts  polls per claim in the channel
     * @param earlier     the claims this ritual polled, oldest first
     * @param mostDivided how divided the channel is on each claim (its latest public poll); read only when the rule
     *                    asks for the divisive claim this week (it reads every claim's polls)
     */
    static Choice next(Pick pick, List<String> debatable, Map<String, Integer> pollCounts, List<String> earlier,
            Supplier<Map<String, Integer>> mostDivided) {
        if (debatable.isEmpty()) {
            throw new IllegalArgumentException("no debatable claims");
        }
        String last = earlier.isEmpty() ? null : earlier.get(earlier.size() - 1);
        return switch (pick) {
            case ORDER -> new Choice(afterLast(debatable, last), false);
            case UNDISCUSSED -> new Choice(undiscussed(debatable, pollCounts, last), false);
            case DIVISIVE -> divisive(debatable, mostDivided, last)
                    .orElseGet(() -> new Choice(undiscussed(debatable, pollCounts, last), false));
            case MIXED -> earlier.size() % 3 == 2 ? divisive(debatable, mostDivided, last)
                    .orElseGet(() -> new Choice(undiscussed(debatable, pollCounts, last), false))
                    : new Choice(undiscussed(debatable, pollCounts, last), false);
        };
    }

    private static String afterLast(List<String> debatable, String last) {
        int at = last == null ? -1 : debatable.indexOf(last);
        return debatable.get((at + 1) % debatable.size());
    }

    /** The first claim, in article order, among those polled least in the channel, other than the last one. */
    private static String undiscussed(List<String> debatable, Map<String, Integer> pollCounts, String last) {
        List<String> others = debatable.size() > 1 ? debatable.stream().filter(id -> !id.equals(last)).toList()
                : debatable;
        return Rotation.nextClaim(others, pollCounts);
    }

    private static Optional<Choice> divisive(List<String> debatable, Supplier<Map<String, Integer>> mostDivided,
            String last) {
        Stream<String> candidates = mostDivided.get().entrySet().stream()
                .filter(e -> e.getValue() >= DIVIDED_ENOUGH && debatable.contains(e.getKey())
                        && !e.getKey().equals(last))
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                        .thenComparing(e -> debatable.indexOf(e.getKey())))
                .map(Map.Entry::getKey);
        return candidates.findFirst().map(id -> new Choice(id, true));
    }
}
