package io.taolun.core.article;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What makes a sentence a claim worth polling: figures, comparisons, predictions; and the kind they suggest. */
final class ClaimSignals {
    private static final List<Pattern> FIGURES = patterns(
            "[0-9０-９]+(?:[.,][0-9]+)?",
            "[%％]|百分之",
            "[零一二三四五六七八九十两几数百千]+(?:万|亿|倍|美元|元|个百分点)",
            "[$¥￥€£]|美元|人民币|欧元|日元",
            "亿|万(?!物|一|众|岁|事)");
    private static final List<Pattern> COMPARISONS = patterns(
            "超过", "不再", "而是", "远超", "比[^，,。；;]{1,12}更", "更加", "胜过", "领先", "落后", "取代", "不如");
    private static final List<Pattern> PREDICTIONS = patterns(
            "将会", "将(?![其之近])", "预计", "预测", "未来", "可能会", "有望", "即将", "势必", "必将");

    private ClaimSignals() {
    }

    /** How many signals of each family the sentence carries, summed; 0 when it is no claim. */
    static int count(String sentence) {
        return hits(FIGURES, sentence) + hits(COMPARISONS, sentence) + hits(PREDICTIONS, sentence);
    }

    /** Prediction words make a prediction even when figures are in it; figures alone a fact; the rest opinion. */
    static ClaimKind kind(String sentence) {
        if (hits(PREDICTIONS, sentence) > 0) {
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
