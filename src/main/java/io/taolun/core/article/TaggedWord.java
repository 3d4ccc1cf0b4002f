package io.taolun.core.article;

import java.util.Objects;

/**
 * A word of a sentence with its part of speech, as a {@link Segmenter} tags it.
 *
 * @param tag the ICTCLAS/PKU tag HanLP uses: {@code n...} noun, {@code v...} verb, {@code d} adverb, {@code p}
 *            preposition, {@code r...} pronoun, {@code m} numeral, {@code w} punctuation, {@code ude1} 的 ...
 */
public record TaggedWord(String word, String tag) {
    public TaggedWord {
        Objects.requireNonNull(word, "word");
        Objects.requireNonNull(tag, "tag");
    }

    boolean tagged(String... prefixes) {
        for (String p : prefixes) {
            if (tag.startsWith(p)) {
                return true;
            }
        }
        return false;
    }
}
