package io.taolun.core.poll;

import java.util.List;
import java.util.Objects;

/**
 * What a results chart shows: one bar per option, in option order.
 *
 * @param pollId   names the file
 * @param title    the question, possibly Chinese, possibly long (the renderer wraps or shortens it)
 * @param subtitle e.g. {@code 42 votes · closed 2026-12-07}
 * @param bars     the option labels and their counts
 */
public record ChartSpec(long pollId, String title, String subtitle, List<Bar> bars) {
    /** One option's bar. */
    public record Bar(String label, int count) {
        public Bar {
            Objects.requireNonNull(label, "label");
            if (count < 0) {
                throw new IllegalArgumentException("negative count");
            }
        }
    }

    public ChartSpec {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(subtitle, "subtitle");
        bars = List.copyOf(bars);
        if (bars.isEmpty()) {
            throw new IllegalArgumentException("a chart needs at least one bar");
        }
    }
}
