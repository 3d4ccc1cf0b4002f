package io.taolun.core.article;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The port through which automatic content sees words: the content words of one sentence (no stopwords, no
 * punctuation), in order, repeats kept. {@code io.taolun.nlp} implements it with HanLP; {@link #characterBigrams()}
 * is a dictionary-free stand-in for tests and for loaders built without one.
 */
public interface Segmenter {
    List<String> contentWords(String sentence);

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
