package io.taolun.core.article;

import java.util.List;
import java.util.Objects;

/**
 * A proposition of the article that people can take a side on; what polls are about.
 *
 * @param text      the verbatim span of the article it comes from: the citation, never reworded
 * @param line      the article line the span is on
 * @param statement what the span claims, standing on its own (connectives and pronouns resolved), in zh and en;
 *                  for an automatic claim, the sentence itself in both
 * @param question  the question a poll on it asks, fitting its kind
 * @param options   the answers to that question, 2 to 10
 * @param prompts   what its poll's thread asks, in order: the sidecar's, else its kind's templates (automatic)
 */
public record Claim(String id, Section section, ClaimKind kind, String text, int line, Localized statement,
        Localized question, List<Localized> options, List<Prompt> prompts) {
    public Claim {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(question, "question");
        options = List.copyOf(options);
        prompts = List.copyOf(prompts);
        if (prompts.isEmpty()) {
            throw new IllegalArgumentException("claim " + id + " needs a prompt");
        }
        if (!section.contains(line)) {
            throw new IllegalArgumentException("claim " + id + " is not in section " + section.id());
        }
        if (options.size() < 2 || options.size() > 10) {
            throw new IllegalArgumentException("claim " + id + " needs 2 to 10 options");
        }
    }

    /** A claim with its kind's automatic prompts. */
    public Claim(String id, Section section, ClaimKind kind, String text, int line, Localized statement,
            Localized question, List<Localized> options) {
        this(id, section, kind, text, line, statement, question, options, Prompt.automatic(kind));
    }

    /** A claim that asks its kind's default question with its default answers, and its kind's automatic prompts. */
    public static Claim ofKind(String id, Section section, ClaimKind kind, String text, int line, Localized statement) {
        return new Claim(id, section, kind, text, line, statement, kind.defaultQuestion(),
                kind.defaultScale().options());
    }
}
