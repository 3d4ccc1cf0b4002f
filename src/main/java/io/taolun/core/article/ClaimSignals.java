package io.taolun.core.article;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What makes a sentence a claim worth polling: figures, comparisons, a prediction or a recommendation
 * ({@link Modality}); and the kind they suggest, which picks the question a poll on it asks.
 */
final class ClaimSignals {
    private static final List<Pattern> FIGURES = patterns(
            "[0-9０-９]+(?:[.,][0-9]+)?",
            "[%％]|百分之",
            "[零一二三四五六七八九十两几数百千]+(?:万|亿|倍|美元|元|个百分点)",
            "[$¥￥€£]|美元|人民币|欧元|日元",
            "亿|万(?!物|一|众|岁|事)");
    private static final List<Pattern> COMPARISONS = patterns(
            "超过", "不再", "而是", "远超", "比[^，,。；;]{1,12}更", "更加", "胜过", "领先", "落后", "取代", "不如");

    private final Modality modality;

    ClaimSignals(Segmenter segmenter) {
        this.modality = new Modality(segmenter);
    }

    /** How many signals the sentence carries (each figure or comparison pattern once, modality once); 0: no claim. */
    int count(String sentence) {
        return hits(FIGURES, sentence) + hits(COMPARISONS, sentence) + (modality.predicts(sentence) ? 1 : 0)
                + (modality.recommends(sentence) ? 1 : 0);
    }

    /**
     * What ought to be done is a recommendation even when it looks ahead (未来必须…); else a look ahead is a
     * prediction even when figures are in it; figures alone a fact, which bare polls leave out; the rest opinion.
     */
    ClaimKind kind(String sentence) {
        if (modality.recommends(sentence)) {
            return ClaimKind.RECOMMENDATION;
        }
        if (modality.predicts(sentence)) {
            return ClaimKind.PREDICTION;
        }
        return hits(FIGURES, sentence) > 0 ? ClaimKind.FACT : ClaimKind.OPINION;
    }

    /** Distinct signals matched, each counted once however often it occurs. */
    private static int hits(List<Pattern> patterns, String sentence) {
        int n = 0;
        for (Pattern p : patterns) {
            Matcher m = p.matcher(sentence);
            if (m.find()) {
                n++;
            }
        }
        return n;
    }

    private static List<Pattern> patterns(String... regexes) {
        return java.util.Arrays.stream(regexes).map(Pattern::compile).toList();
    }
}
