package io.taolun.lucene;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.corpus.tag.Nature;
import com.hankcs.hanlp.dictionary.CoreDictionary;
import com.hankcs.hanlp.dictionary.stopword.CoreStopWordDictionary;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.util.IOUtils;

/**
 * Words that carry no topic of their own (的, 了, 吗, 什么, the, and, of, a), so a query term that is one never ranks a
 * paragraph. English words are looked up in Lucene's stop sets (its Snowball list has what, do, you, which the English
 * analyzer's short default lacks; HanLP's English list is not used, as it holds system, move and name). Chinese words
 * are looked up in HanLP's stop-word dictionary, then by their most frequent part of speech in HanLP's core
 * dictionary: pronouns (什么, 哪些), particles, modal particles, prepositions, conjunctions, interjections and
 * onomatopoeia. HanLP loads its dictionaries once, when the index is built.
 */
final class FunctionWords {
    private final CharArraySet english;
    /** HanLP's standard segmenter with offsets; HanLP's own StandardTokenizer shares one across threads. */
    private final Segment segment = HanLP.newSegment().enableOffset(true);

    FunctionWords() {
        try (InputStream in = IOUtils.requireResourceNonNull(
                SnowballFilter.class.getResourceAsStream("english_stop.txt"), "english_stop.txt")) {
            english = WordlistLoader.getSnowballWordSet(IOUtils.getDecodingReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // load HanLP's dictionaries with the index, not on the first query
        segment.seg("的");
        CoreStopWordDictionary.contains("的");
    }

    /** True when the word, as typed, is a function word, or holds no letter or digit at all; IT in capitals is not. */
    boolean contains(String word) {
        String w = word.strip().toLowerCase(Locale.ROOT);
        if (w.codePoints().noneMatch(Character::isLetterOrDigit)) {
            return true;
        }
        if (w.codePoints().allMatch(cp -> cp < 0x80)) {
            // IT or AI in capitals is an acronym, not a pronoun
            boolean acronym = w.length() > 1 && word.strip().equals(word.strip().toUpperCase(Locale.ROOT));
            return !acronym && (english.contains(w) || EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(w));
        }
        if (CoreStopWordDictionary.contains(w)) {
            return true;
        }
        CoreDictionary.Attribute attribute = CoreDictionary.get(w);
        return attribute != null && attribute.nature.length > 0 && isFunction(attribute.nature[0]);
    }

    /**
     * The query with its function words replaced by spaces, so neither they nor a bigram across them is searched
     * (扎克伯格说了什么 keeps 扎克伯格说). HanLP cuts the query and tags each word in its context; a word whose tag is a
     * function one (了 ul, 什么 ry, 和 c, 是 vshi) is blanked, and so is one the stop-word lists have, when it is a
     * word of two or more characters or was typed on its own: the stop-word list also has characters that start
     * content words (大 of 大模型), which the bigram field must still find whole.
     */
    String blank(String text) {
        char[] out = text.toCharArray();
        for (Term term : segment.seg(text)) {
            int start = term.offset;
            int end = Math.min(text.length(), start + term.word.length());
            boolean alone = (start == 0 || Character.isWhitespace(text.charAt(start - 1)))
                    && (end == text.length() || Character.isWhitespace(text.charAt(end)));
            boolean single = term.word.codePointCount(0, term.word.length()) == 1;
            boolean function = isFunction(term.nature)
                    || ((alone || !single) && contains(term.word));
            if (function && start >= 0 && start < end) {
                Arrays.fill(out, start, end, ' ');
            }
        }
        return new String(out);
    }

    private static boolean isFunction(Nature nature) {
        if (nature == null) {
            return false;
        }
        String tag = nature.toString();
        return tag.startsWith("r") || tag.startsWith("u") || tag.startsWith("y") || tag.startsWith("p")
                || tag.startsWith("c") || tag.startsWith("e") || tag.startsWith("o") || tag.startsWith("w")
                || tag.equals("vshi") || tag.equals("vyou");
    }
}
