package io.taolun.core.article;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The port through which automatic content sees words: the content words of one sentence (no stopwords, no
 * punctuation), in order, repeats kept; and, when it can tell them, every word with its part of speech.
 * {@code io.taolun.nlp} implements it with HanLP; {@link #characterBigrams()} is a dictionary-free stand-in for tests
 * and for loaders built without one, and tags nothing.
 */
public interface Segmenter {
    List<String> contentWords(String sentence);

    /**
     * Every word of the sentence in order, punctuation included, with its part of speech; empty when this segmenter
     * does not tag words (then callers fall back on what the characters alone tell).
     */
    default Optional<List<TaggedWord>> tagged(String sentence) {
        return Optional.empty();
    }

    /** Overlapping pairs of Chinese characters, and Latin or digit runs lowercased as words. */
    static Segmenter characterBigrams() {
        return sentence -> {
            List<String> out = new ArrayList<>();
            int[] cps = sentence.codePoints().toArray();
            int i = 0;
            while (i < cps.length) {
                int start = i;
                if (isHan(cps[i])) {
                    while (i < cps.length && isHan(cps[i])) {
                        i++;
                    }
                    for (int k = start; k + 1 < i; k++) {
                        out.add(new String(cps, k, 2));
                    }
                } else if (Character.isLetterOrDigit(cps[i])) {
                    while (i < cps.length && Character.isLetterOrDigit(cps[i]) && !isHan(cps[i])) {
                        i++;
                    }
                    out.add(new String(cps, start, i - start).toLowerCase(Locale.ROOT));
                } else {
                    i++;
                }
            }
            return out;
        };
    }

    private static boolean isHan(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
    }
}
