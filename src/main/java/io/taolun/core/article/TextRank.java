package io.taolun.core.article;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * TextRank over sentences (Mihalcea and Tarau, 2004): sentences are nodes, edges weigh the words two sentences share
 * against their lengths, and PageRank finds the sentences the rest of the text agrees with most. Plain Java: the
 * words come from a {@link Segmenter}, so the ranking does not depend on a library's own sentence splitting (HanLP's
 * summariser splits on commas, which would break the verbatim, whole-sentence rule).
 */
final class TextRank {
    private static final double DAMPING = 0.85;
    private static final int MAX_ITERATIONS = 100;
    private static final double EPSILON = 1e-6;

    private TextRank() {
    }

    /** One score per sentence, largest 1.0 (all 1.0 when nothing links); same order as the input. */
    static double[] scores(List<List<String>> sentences) {
        int n = sentences.size();
        double[][] weight = new double[n][n];
        double[] outSum = new double[n];
        List<Map<String, Integer>> bags = sentences.stream().map(TextRank::bag).toList();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double w = similarity(bags.get(i), sentences.get(i).size(), bags.get(j), sentences.get(j).size());
                weight[i][j] = w;
                weight[j][i] = w;
                outSum[i] += w;
                outSum[j] += w;
            }
        }
        double[] score = new double[n];
        java.util.Arrays.fill(score, 1.0);
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            double[] next = new double[n];
            double change = 0;
            for (int i = 0; i < n; i++) {
                double sum = 0;
                for (int j = 0; j < n; j++) {
                    if (weight[j][i] > 0) {
                        sum += weight[j][i] / outSum[j] * score[j];
                    }
                }
                next[i] = (1 - DAMPING) + DAMPING * sum;
                change = Math.max(change, Math.abs(next[i] - score[i]));
            }
            score = next;
            if (change < EPSILON) {
                break;
            }
        }
        double max = 0;
        for (double s : score) {
            max = Math.max(max, s);
        }
        for (int i = 0; i < n; i++) {
            score[i] = max > 0 ? score[i] / max : 1.0;
        }
        return score;
    }

    private static Map<String, Integer> bag(List<String> words) {
        Map<String, Integer> bag = new HashMap<>();
        words.forEach(w -> bag.merge(w, 1, Integer::sum));
        return bag;
    }

    /** Shared words over the sum of the log lengths, the original TextRank sentence similarity. */
    private static double similarity(Map<String, Integer> a, int lengthA, Map<String, Integer> b, int lengthB) {
        if (lengthA < 2 || lengthB < 2) {
            return 0;
        }
        int shared = 0;
        for (Map.Entry<String, Integer> e : a.entrySet()) {
            shared += Math.min(e.getValue(), b.getOrDefault(e.getKey(), 0));
        }
        return shared / (Math.log(lengthA) + Math.log(lengthB));
    }
}
