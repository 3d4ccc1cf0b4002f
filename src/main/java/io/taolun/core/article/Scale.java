package io.taolun.core.article;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The named answer sets a claim's question can have, each fitting some kinds of claim: agreement for opinions (and
 * recommendations), "will it happen?" and a time horizon for predictions, "should it?" for recommendations, and
 * "is it accurate?" for facts.
 */
public enum Scale {
    LIKERT(o("强烈同意", "Strongly agree"), o("同意", "Agree"), o("中立", "Neutral"), o("不同意", "Disagree"),
            o("强烈反对", "Strongly disagree")),
    AGREE(o("同意", "Agree"), o("不同意", "Disagree"), o("不确定", "Unsure")),
    WILL(o("会", "It will"), o("不会", "It won't"), o("现在还说不准", "Too early to say")),
    HORIZON(o("五年内", "Within 5 years"), o("十年内", "Within 10 years"), o("更久以后", "Later than that"),
            o("不会发生", "Never")),
    SHOULD(o("应该", "It should"), o("不应该", "It shouldn't"), o("要看情况", "It depends")),
    ACCURATE(o("属实", "Accurate"), o("不属实", "Inaccurate"), o("不确定", "Not sure"));

    private final List<Localized> options;

    Scale(Localized... options) {
        this.options = List.of(options);
    }

    public List<Localized> options() {
        return options;
    }

    /** The word a sidecar or {@code --options} names it by: {@code likert}, {@code will}, ... */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean fits(ClaimKind kind) {
        return switch (this) {
            case LIKERT, AGREE -> kind == ClaimKind.OPINION || kind == ClaimKind.RECOMMENDATION;
            case WILL, HORIZON -> kind == ClaimKind.PREDICTION;
            case SHOULD -> kind == ClaimKind.RECOMMENDATION;
            case ACCURATE -> kind == ClaimKind.FACT;
        };
    }

    public static Optional<Scale> named(String word) {
        for (Scale s : values()) {
            if (s.word().equals(word.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    private static Localized o(String zh, String en) {
        return new Localized(zh, en);
    }
}
