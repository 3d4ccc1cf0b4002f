package io.taolun.core.article;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Keeps an automatic article's sections at a number people can use: a long text (a man page gave 123) would
 * otherwise list more sections than anyone reads, and {@code section 87} is no number anyone remembers. The ceiling,
 * {@value #MAX_SECTIONS}, is the one a curated sidecar is held to (10 to 14); such a list fits one screen of a Slack
 * message or Discord embed and stays well inside Discord's 25 autocomplete choices. Sections are kept about even:
 * of an author's blocks, those starting nearest to equal shares of the paragraphs start sections (neighbouring blocks
 * merge); a tiled text gets a break near each point cutting it into equal shares, at the gap scoring best there.
 */
final class SectionCap {
    static final int MAX_SECTIONS = 14;

    private SectionCap() {
    }

    /**
     * @param starts     the first line of each section, ascending, each a paragraph's line
     * @param paragraphs the lines of all paragraphs (non-blank lines), ascending
     * @return at most {@link #MAX_SECTIONS} of the starts, the first always among them
     */
    static List<Integer> evenly(List<Integer> starts, List<Integer> paragraphs) {
        return evenly(starts, paragraphs, MAX_SECTIONS);
    }

    static List<Integer> evenly(List<Integer> starts, List<Integer> paragraphs, int max) {
        if (starts.size() <= max) {
            return starts;
        }
        int[] at = new int[starts.size()];
        for (int i = 0; i < at.length; i++) {
            at[i] = Math.max(0, Collections.binarySearch(paragraphs, starts.get(i)));
        }
        List<Integer> kept = new ArrayList<>();
        kept.add(starts.get(0));
        int last = 0;
        for (int k = 1; k < max; k++) {
            double target = (double) k * paragraphs.size() / max;
            // leave enough starts after this one for the sections still to come
            int best = last + 1;
            for (int j = best; j <= starts.size() - (max - k); j++) {
                if (Math.abs(at[j] - target) < Math.abs(at[best] - target)) {
                    best = j;
                }
            }
            kept.add(starts.get(best));
            last = best;
        }
        return kept;
    }

    /**
     * One break near each of the {@code max - 1} points that cut {@code n} paragraphs into equal shares: the gap with
     * the best score within a quarter share of the point (ties to the nearest), so no section is under half a share
     * or over one and a half.
     *
     * @param score the score of gap g (between paragraphs g-1 and g, 0-based) for g in 1..n-1
     * @return the chosen gaps, ascending
     */
    static List<Integer> bestPerShare(double[] score, int n, int max) {
        List<Integer> gaps = new ArrayList<>();
        double share = (double) n / max;
        for (int k = 1; k < max; k++) {
            int target = (int) Math.round(k * share);
            int from = Math.max(gaps.isEmpty() ? 1 : gaps.get(gaps.size() - 1) + 1, (int) Math.ceil(target - share / 4));
            int to = Math.min(n - 1, (int) Math.floor(target + share / 4));
            int best = -1;
            for (int g = from; g <= to; g++) {
                boolean better = best < 0 || score[g] > score[best]
                        || score[g] == score[best] && Math.abs(g - target) < Math.abs(best - target);
                if (better) {
                    best = g;
                }
            }
            if (best > 0) {
                gaps.add(best);
            }
        }
        return gaps;
    }
}
