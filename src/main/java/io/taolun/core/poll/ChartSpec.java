package io.taolun.core.poll;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * What a results chart shows: one bar per option, in option order; for a round 2, two bars per option, round 1's
 * beside round 2's.
 *
 * @param pollId   names the file
 * @param title    the question, possibly Chinese, possibly long (the renderer wraps or shortens it)
 * @param subtitle e.g. {@code 42 votes · closed 2026-12-07}
 * @param bars     the option labels and their counts
 * @param rounds   the legend's names of round 1 and round 2 when the bars have a count before; empty otherwise
 * @param fileName the PNG's name: {@code poll-<id>.png} for a poll's results
 * @param scale    the top of the figures' scale, shown in full (100 for a measure from 0 to 100); 0 when the axis
 *                 fits the bars (counts)
 */
public record ChartSpec(long pollId, String title, String subtitle, List<Bar> bars, List<String> rounds,
        String fileName, int scale) {
    /**
     * One option's bar, or its two bars.
     *
     * @param before its count in round 1, for a round 2
     */
    public record Bar(String label, OptionalInt before, int count) {
        public Bar(String label, int count) {
            this(label, OptionalInt.empty(), count);
        }

        public Bar(String label, int before, int count) {
            this(label, OptionalInt.of(before), count);
        }

        public Bar {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(before, "before");
            if (count < 0 || before.orElse(0) < 0) {
                throw new IllegalArgumentException("negative count");
            }
        }
    }

    /** A chart of one round. */
    public ChartSpec(long pollId, String title, String subtitle, List<Bar> bars) {
        this(pollId, title, subtitle, bars, List.of());
    }

    /** A poll's results, in a file named after the poll. */
    public ChartSpec(long pollId, String title, String subtitle, List<Bar> bars, List<String> rounds) {
        this(pollId, title, subtitle, bars, rounds, "poll-" + pollId + ".png", 0);
    }

    /** A chart of other figures than a poll's (a report's) on a scale from 0 to {@code scale}, in the file named. */
    public static ChartSpec named(String fileName, String title, String subtitle, List<Bar> bars, int scale) {
        return new ChartSpec(0, title, subtitle, bars, List.of(), fileName, scale);
    }

    public ChartSpec {
        if (fileName == null || !fileName.matches("[a-z0-9-]{1,60}\\.png")) {
            throw new IllegalArgumentException("a chart's file name is a short lower-case .png name");
        }
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(subtitle, "subtitle");
        bars = List.copyOf(bars);
        if (scale < 0 || bars.stream().anyMatch(b -> scale > 0 && b.count() > scale)) {
            throw new IllegalArgumentException("a bar beyond the chart's scale of " + scale);
        }
        rounds = List.copyOf(rounds);
        if (bars.isEmpty()) {
            throw new IllegalArgumentException("a chart needs at least one bar");
        }
        boolean paired = !rounds.isEmpty();
        if (paired && rounds.size() != 2) {
            throw new IllegalArgumentException("a before/after chart names its two rounds");
        }
        if (bars.stream().anyMatch(b -> b.before().isPresent() != paired)) {
            throw new IllegalArgumentException("every bar has a count before exactly when the chart has two rounds");
        }
    }

    /** Whether the chart shows two rounds side by side. */
    public boolean paired() {
        return !rounds.isEmpty();
    }
}
