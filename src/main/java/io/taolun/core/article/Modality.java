package io.taolun.core.article;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a sentence looks ahead (a prediction) or says what ought to be done (a recommendation), read from its
 * tagged words when the {@link Segmenter} tags them. 将 is both the future adverb (还将下降) and the disposal marker
 * that works like 把 (将数据中心纳入…, 需要将专家组织起来); HanLP tags it {@code d} in both, so the word after it
 * decides: a verb, adverb, adjective or preposition after 将 or 会 marks the future, an object (noun, pronoun,
 * numeral) does not. 未来 is a time only where a clause opens (未来的竞争, 因为未来…); after a verb or a modifier
 * (打造…数字化未来) it is a noun. Without tags a bare 将, 会 or 要 is
 * not read at all: a missed prediction only gets a less fitting question, while a disposal called a prediction asks
 * "will it happen?" of something that is not about the future.
 */
final class Modality {
    private static final Set<String> FUTURE_WORDS = Set.of("将会", "即将", "必将", "预计", "预测", "预期", "可能会", "有望",
            "势必");
    private static final Set<String> FUTURE_AUXILIARIES = Set.of("将", "会");
    private static final Set<String> OUGHT_WORDS = Set.of("应该", "应当", "必须", "务必", "理应", "亟需", "亟待", "不妨");
    private static final Set<String> OUGHT_AUXILIARIES = Set.of("要", "需要");
    /**
     * What may follow an auxiliary that governs a verb phrase: verbs, adverbs, adjectives, prepositions (将在, 将把);
     * a verbal noun ({@code vn}: 需要施工许可证) is its object.
     */
    private static final String[] VERB_PHRASE = {"v", "d", "a", "p"};
    private static final String VERBAL_NOUN = "vn";
    /** 不需要, 不要: what is not needed is no call to act. */
    private static final String NOT = "不";
    /** What 未来 opens a clause after, as a time (因为未来…, 在未来…); after anything else it is a noun (打造…的未来). */
    private static final String[] CLAUSE_OPENING = {"w", "c", "p", "d"};
    private static final TaggedWord NONE = new TaggedWord("", "w");
    private static final Pattern FUTURE_CHARS = Pattern.compile("将会|即将|必将|预计|预测|预期|未来|可能会|有望|势必");
    private static final Pattern OUGHT_CHARS = Pattern.compile("应该|应当|必须|务必|理应|亟需|亟待|不妨");
    private static final Pattern FUTURE_EN = Pattern.compile("\\b(will|won't|is expected to|are expected to)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern OUGHT_EN = Pattern.compile("\\b(should|must|ought to|need to|needs to)\\b",
            Pattern.CASE_INSENSITIVE);

    private final Segmenter segmenter;
    /** Both questions are asked of each sentence, more than once while claims are ranked: tag it once. */
    private final Map<String, Optional<List<TaggedWord>>> tagged = new HashMap<>();

    Modality(Segmenter segmenter) {
        this.segmenter = segmenter;
    }

    private Optional<List<TaggedWord>> tagged(String sentence) {
        return tagged.computeIfAbsent(sentence, segmenter::tagged);
    }

    boolean predicts(String sentence) {
        if (FUTURE_EN.matcher(sentence).find()) {
            return true;
        }
        Optional<List<TaggedWord>> words = tagged(sentence);
        if (words.isEmpty()) {
            return FUTURE_CHARS.matcher(sentence).find();
        }
        List<TaggedWord> w = words.get();
        for (int i = 0; i < w.size(); i++) {
            String word = w.get(i).word();
            boolean marker = FUTURE_WORDS.contains(word)
                    || FUTURE_AUXILIARIES.contains(word) && governsVerb(w, i)
                    || word.equals("未来") && previous(w, i).tagged(CLAUSE_OPENING);
            if (marker) {
                return true;
            }
        }
        return false;
    }

    boolean recommends(String sentence) {
        if (OUGHT_EN.matcher(sentence).find()) {
            return true;
        }
        Optional<List<TaggedWord>> words = tagged(sentence);
        if (words.isEmpty()) {
            return OUGHT_CHARS.matcher(sentence).find();
        }
        List<TaggedWord> w = words.get();
        for (int i = 0; i < w.size(); i++) {
            String word = w.get(i).word();
            boolean auxiliary = OUGHT_AUXILIARIES.contains(word) && governsVerb(w, i)
                    && !previous(w, i).word().equals(NOT);
            if (OUGHT_WORDS.contains(word) || auxiliary) {
                return true;
            }
        }
        return false;
    }

    private static boolean governsVerb(List<TaggedWord> w, int i) {
        TaggedWord next = next(w, i);
        return next.tagged(VERB_PHRASE) && !next.tag().equals(VERBAL_NOUN);
    }

    private static TaggedWord next(List<TaggedWord> w, int i) {
        return i + 1 < w.size() ? w.get(i + 1) : NONE;
    }

    private static TaggedWord previous(List<TaggedWord> w, int i) {
        return i > 0 ? w.get(i - 1) : NONE;
    }
}
