package io.taolun.core.report;

import io.taolun.core.poll.Tally;
import java.util.OptionalInt;

/**
 * How divided the voters of one poll are: the normalised Shannon entropy of their choices, as a whole number from 0
 * (every voter chose the same option) to 100 (the votes are spread evenly over every option). Bounded, defined for
 * any number of options, and independent of how many voted; empty for a poll without votes.
 */
final class Divisiveness {
    private Divisiveness() {
    }

    static OptionalInt of(Tally tally) {
        int total = tally.total();
        int options = tally.counts().size();
        if (total == 0 || options < 2) {
            return OptionalInt.empty();
        }
        double entropy = 0;
        for (int count : tally.counts()) {
            if (count > 0) {
                double p = (double) count / total;
                entropy -= p * Math.log(p);
            }
        }
        long score = Math.round(100 * entropy / Math.log(options));
        return OptionalInt.of((int) Math.max(0, Math.min(100, score)));
    }
}
