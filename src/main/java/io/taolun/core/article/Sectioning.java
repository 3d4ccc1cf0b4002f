package io.taolun.core.article;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Finds where an uncurated article's sections start. Paragraphs (non-blank lines) are the units. When the author
 * separated paragraphs into blocks with blank lines, the blocks are the sections. Otherwise the breaks are placed in
 * the manner of TextTiling: at each gap between paragraphs, the words of the two paragraphs before are compared with
 * the two after (cosine of word counts), and the gaps where that likeness dips deepest below its neighbours become
 * breaks, about one every {@value #PARAGRAPHS_PER_SECTION} paragraphs and never closer than
 * {@value #MIN_PARAGRAPHS}. Two cues from Chinese prose adjust a gap: no break after a line ending in a colon (what
 * follows is its list), and none before a line opening an enumeration (首先, 其二, 第二 ...); a line opening with a
 * connective that turns the argument (然而, 所以, 既然 ...) leans towards a break. (Those connectives were picked while
 * looking at the curated article, the only one with curated sections to measure against.) Either way a long text is
 * held to {@value SectionCap#MAX_SECTIONS} sections ({@link SectionCap}).
 */
final class Sectioning {
    static final int PARAGRAPHS_PER_SECTION = 5;
    static final int MIN_PARAGRAPHS = 2;
    /** Blocks longer than this are not taken as sections as they stand. */
    private static final int MAX_BLOCK = 12;
    private static final int WINDOW = 2;
    private static final Pattern SENTENCE_END = Pattern.compile(".*[。！？!?.…”」）)]\\s*$");
    private static final Pattern ENDS_WITH_COLON = Pattern.compile(".*[:：]\\s*$");
    private static final Pattern CONTINUES = Pattern.compile(
            "^\\s*(首先|其次|其一|其二|其三|第[一二三四五六七八九十]|一是|二是|三是|同时|也就是说|比如|例如|另外|而且|并且|[0-9一二三四五六七八九十]+[、.．])");
    /** Connectives that turn the argument (but, so, since, then, finally): a new section often opens with one. */
    private static final Pattern TURNS = Pattern.compile("^\\s*(然而|但是|不过|所以|因此|既然|那么|总之|最后|总的来说|先来看|再来看)");
    private static final double CUE = 1.0;
    private static final double TURN = 0.3;

    private Sectioning() {
    }

    /** The 1-based line numbers where sections start; the first is always the first non-blank line. */
    static List<Integer> starts(List<String> lines, Segmenter segmenter) {
        return starts(lines, segmenter, TURN);
    }

    /** @param turn how much an opening connective counts for a break (0 in the quality print's comparison row) */
    static List<Integer> starts(List<String> lines, Segmenter segmenter, double turn) {
        List<Integer> paragraphs = new ArrayList<>();
        List<List<Integer>> blocks = new ArrayList<>();
        boolean afterBlank = true;
        for (int n = 1; n <= lines.size(); n++) {
            if (lines.get(n - 1).isBlank()) {
                afterBlank = true;
                continue;
            }
            if (afterBlank) {
                blocks.add(new ArrayList<>());
            }
            afterBlank = false;
            paragraphs.add(n);
            blocks.get(blocks.size() - 1).add(n);
        }
        if (paragraphs.isEmpty()) {
            return List.of();
        }
        List<List<Integer>> merged = withoutHeadings(lines, blocks);
        if (authored(merged)) {
            return SectionCap.evenly(merged.stream().map(b -> b.get(0)).toList(), paragraphs);
        }
        return SectionCap.evenly(tiled(lines, paragraphs, segmenter, turn), paragraphs);
    }

    /**
     * Whether the blank lines group paragraphs the way sections would: more than one block, none too long, and at
     * least half of them holding two paragraphs or more (text with a blank line after every paragraph is tiled).
     */
    private static boolean authored(List<List<Integer>> blocks) {
        long grouped = blocks.stream().filter(b -> b.size() >= MIN_PARAGRAPHS).count();
        return blocks.size() > 1 && blocks.stream().allMatch(b -> b.size() <= MAX_BLOCK)
                && 2 * grouped >= blocks.size();
    }

    /**
     * A block of one line that does not end a sentence is a heading: it joins the block after it (or, at the very
     * end, the one before).
     */
    private static List<List<Integer>> withoutHeadings(List<String> lines, List<List<Integer>> blocks) {
        List<List<Integer>> out = new ArrayList<>();
        List<Integer> pending = new ArrayList<>();
        for (List<Integer> block : blocks) {
            List<Integer> joined = new ArrayList<>(pending);
            joined.addAll(block);
            boolean heading = block.size() == 1 && !SENTENCE_END.matcher(lines.get(block.get(0) - 1)).matches();
            if (heading) {
                pending = joined;
            } else {
                out.add(joined);
                pending = new ArrayList<>();
            }
        }
        if (!pending.isEmpty()) {
            if (out.isEmpty()) {
                out.add(pending);
            } else {
                out.get(out.size() - 1).addAll(pending);
            }
        }
        return out;
    }

    private static List<Integer> tiled(List<String> lines, List<Integer> paragraphs, Segmenter segmenter,
            double turn) {
        int n = paragraphs.size();
        int wanted = Math.max(1, Math.round((float) n / PARAGRAPHS_PER_SECTION));
        List<Map<String, Integer>> words = new ArrayList<>();
        for (int p : paragraphs) {
            Map<String, Integer> counts = new HashMap<>();
            segmenter.contentWords(lines.get(p - 1)).forEach(w -> counts.merge(w, 1, Integer::sum));
            words.add(counts);
        }
        // gap g lies between paragraph g-1 and paragraph g (0-based), for g in 1..n-1
        double[] likeness = new double[n];
        for (int g = 1; g < n; g++) {
            likeness[g] = cosine(window(words, Math.max(0, g - WINDOW), g), window(words, g, Math.min(n, g + WINDOW)));
        }
        double[] score = new double[n];
        for (int g = 1; g < n; g++) {
            score[g] = depth(likeness, g)
                    + cue(lines.get(paragraphs.get(g - 1) - 1), lines.get(paragraphs.get(g) - 1), turn);
        }
        if (wanted > SectionCap.MAX_SECTIONS) {
            List<Integer> starts = new ArrayList<>();
            starts.add(paragraphs.get(0));
            SectionCap.bestPerShare(score, n, SectionCap.MAX_SECTIONS).forEach(g -> starts.add(paragraphs.get(g)));
            return starts;
        }
        List<Integer> gaps = new ArrayList<>();
        for (int g = MIN_PARAGRAPHS; g <= n - MIN_PARAGRAPHS; g++) {
            gaps.add(g);
        }
        gaps.sort(Comparator.comparingDouble((Integer g) -> -score[g]).thenComparingInt(g -> g));
        TreeSet<Integer> chosen = new TreeSet<>();
        for (int g : gaps) {
            if (chosen.size() + 1 >= wanted) {
                break;
            }
            Integer below = chosen.floor(g);
            Integer above = chosen.ceiling(g);
            if ((below == null || g - below >= MIN_PARAGRAPHS) && (above == null || above - g >= MIN_PARAGRAPHS)) {
                chosen.add(g);
            }
        }
        List<Integer> starts = new ArrayList<>();
        starts.add(paragraphs.get(0));
        chosen.forEach(g -> starts.add(paragraphs.get(g)));
        return starts;
    }

    /** How far the likeness at gap g dips below the highest likeness reached on each side before it rises again. */
    private static double depth(double[] likeness, int g) {
        double left = likeness[g];
        for (int i = g - 1; i >= 1 && likeness[i] >= left; i--) {
            left = likeness[i];
        }
        double right = likeness[g];
        for (int i = g + 1; i < likeness.length && likeness[i] >= right; i++) {
            right = likeness[i];
        }
        return (left - likeness[g]) + (right - likeness[g]);
    }

    private static double cue(String before, String after, double turn) {
        double cue = 0;
        if (ENDS_WITH_COLON.matcher(before).matches()) {
            cue -= CUE;
        }
        if (CONTINUES.matcher(after).find()) {
            cue -= CUE;
        }
        if (TURNS.matcher(after).find()) {
            cue += turn;
        }
        return cue;
    }

    private static Map<String, Integer> window(List<Map<String, Integer>> words, int from, int to) {
        Map<String, Integer> sum = new HashMap<>();
        for (int i = from; i < to; i++) {
            words.get(i).forEach((w, c) -> sum.merge(w, c, Integer::sum));
        }
        return sum;
    }

    private static double cosine(Map<String, Integer> a, Map<String, Integer> b) {
        double dot = 0;
        for (Map.Entry<String, Integer> e : a.entrySet()) {
            dot += e.getValue() * (double) b.getOrDefault(e.getKey(), 0);
        }
        double na = a.values().stream().mapToDouble(v -> (double) v * v).sum();
        double nb = b.values().stream().mapToDouble(v -> (double) v * v).sum();
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }
}
