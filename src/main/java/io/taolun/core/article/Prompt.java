package io.taolun.core.article;

import java.util.List;
import java.util.Objects;

/**
 * A question posted in a poll's thread to start the discussion of its claim.
 *
 * @param text      the prompt in zh and en
 * @param automatic true when it comes from a template for the claim's kind (an uncurated claim), not from the
 *                  sidecar; it is marked so where it is shown
 */
public record Prompt(Localized text, boolean automatic) {
    /** The fewest and most prompts a curated claim carries. */
    public static final int MIN = 2;
    public static final int MAX = 3;

    public Prompt {
        Objects.requireNonNull(text, "text");
    }

    /** The prompts of a claim that has none of its own: its kind's templates, marked automatic. */
    public static List<Prompt> automatic(ClaimKind kind) {
        return PromptTemplates.of(kind).stream().map(t -> new Prompt(t, true)).toList();
    }
}
