package io.taolun.core.article;

/** What sort of statement a claim is; polls on facts and on opinions read differently. */
public enum ClaimKind {
    /** A checkable figure or event. */
    FACT,
    OPINION,
    PREDICTION
}
