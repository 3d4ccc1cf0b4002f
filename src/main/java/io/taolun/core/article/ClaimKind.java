package io.taolun.core.article;

/**
 * What sort of statement a claim is. Each kind has the question a poll on it asks by default and the answers that
 * fit that question: people agree with an opinion, expect a prediction or not, want a recommendation or not, and
 * believe a fact or not.
 */
public enum ClaimKind {
    OPINION(new Localized("你同意这个观点吗？", "Do you agree?"), Scale.LIKERT),
    PREDICTION(new Localized("你认为会这样吗？", "Do you think this will happen?"), Scale.WILL),
    RECOMMENDATION(new Localized("你认为应该这样做吗？", "Should this be done?"), Scale.SHOULD),
    /** A checkable figure or event: not a discussion poll unless asked for by name. */
    FACT(new Localized("你认为这个说法属实吗？", "Do you think this is accurate?"), Scale.ACCURATE);

    private final Localized question;
    private final Scale scale;

    ClaimKind(Localized question, Scale scale) {
        this.question = question;
        this.scale = scale;
    }

    /** The question a poll on a claim of this kind asks when the claim names none (automatic claims). */
    public Localized defaultQuestion() {
        return question;
    }

    public Scale defaultScale() {
        return scale;
    }

    /** Whether the weekly poll and a bare {@code poll} may pick it: everything but facts. */
    public boolean debatable() {
        return this != FACT;
    }
}
