package io.taolun.core.article;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Spots a text that opens by leaning on a sentence it does not have: a connective (而且, 因为, 但, "But") or a bare
 * demonstrative or pronoun (这, 这些, 它, "These", "It"). Cut from its paragraph, such a text reads as a fragment:
 * as a poll's statement, as the quote of the day, or as an automatic claim.
 */
final class Fragments {
    /** Longest first; an opener matches at the start, after any opening quotation marks. */
    private static final List<String> ZH = List.of(
            "更重要的是", "也就是说", "换句话说", "而且", "并且", "而是", "因为", "因此", "所以", "但是", "不过", "可是",
            "然而", "于是", "或者", "同时", "此外", "另外", "那么", "既然", "其次", "其实", "其一", "其二", "总之",
            "他们", "她们", "自己", "即使", "而", "但", "并", "也", "还", "且", "即",
            "这", "那", "它", "其", "此", "该");
    private static final Set<String> EN = Set.of(
            "and", "but", "because", "so", "also", "yet", "or", "nor", "then", "therefore", "thus", "hence", "however",
            "this", "these", "that", "those", "it", "its", "they", "their", "them", "he", "she", "his", "her");
    private static final String OPENING_MARKS = "“\"‘'「『《（(【 \t";

    private Fragments() {
    }

    /** The connective or demonstrative a Chinese text opens with, if it does. */
    static Optional<String> zhOpening(String text) {
        String t = stripMarks(text);
        return ZH.stream().filter(t::startsWith).findFirst();
    }

    /** The connective or pronoun an English text opens with, if it does. */
    static Optional<String> enOpening(String text) {
        String t = stripMarks(text);
        int end = 0;
        while (end < t.length() && Character.isLetter(t.charAt(end))) {
            end++;
        }
        String word = t.substring(0, end);
        return EN.contains(word.toLowerCase(Locale.ROOT)) ? Optional.of(word) : Optional.empty();
    }

    /** Whether a text opens with either. */
    static boolean leans(String text) {
        return zhOpening(text).isPresent() || enOpening(text).isPresent();
    }

    private static String stripMarks(String text) {
        int i = 0;
        while (i < text.length() && OPENING_MARKS.indexOf(text.charAt(i)) >= 0) {
            i++;
        }
        return text.substring(i);
    }
}
