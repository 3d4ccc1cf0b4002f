package io.taolun.lucene;

import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/** The index's fields, how each is analysed, and how much a match in each counts. */
final class Schema {
    /** The article a paragraph belongs to; a filter, not scored. */
    static final String ARTICLE = "article";
    /** The paragraph's line number, stored. */
    static final String LINE = "line";
    /** The text as dictionary words (smartcn); Latin words come out lower-cased and stemmed. */
    static final String WORDS = "words";
    /** The text as overlapping pairs of CJK characters, Latin words as StandardTokenizer sees them. */
    static final String BIGRAMS = "bigrams";
    /** English glosses of the claims and quotes on the paragraph's line. */
    static final String GLOSS = "gloss";
    /** The paragraph's English translation, when the article has one. */
    static final String TRANSLATION = "translation";
    /** The English title and summary of the paragraph's section, shared by all its paragraphs. */
    static final String SECTION = "section";

    /** Fields a query is run against, with their boosts: dictionary words count most, section context least. */
    static final Map<String, Float> BOOSTS = Map.of(WORDS, 2.0f, BIGRAMS, 1.0f, GLOSS, 1.5f, TRANSLATION, 1.5f,
            SECTION, 0.5f);
    /** The fields whose matches are marked in the paragraph's text (the others are not the text). */
    static final List<String> MARKED = List.of(WORDS, BIGRAMS);
    /** The fields in English, which a query reaches through the English analyzer, without its Chinese. */
    static final java.util.Set<String> ENGLISH = java.util.Set.of(GLOSS, TRANSLATION, SECTION);

    private Schema() {
    }

    /** One analyzer per field; thread-safe, like every Lucene analyzer. */
    static Analyzer analyzer() {
        Analyzer english = new EnglishAnalyzer();
        return new PerFieldAnalyzerWrapper(new SmartChineseAnalyzer(), Map.of(
                BIGRAMS, new BigramAnalyzer(),
                GLOSS, english,
                TRANSLATION, english,
                SECTION, english));
    }

    /** Like CJKAnalyzer without its English stop words, so "it" or "IT" in a Chinese sentence is still a word. */
    private static final class BigramAnalyzer extends Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            return new TokenStreamComponents(source,
                    new CJKBigramFilter(new LowerCaseFilter(new CJKWidthFilter(source))));
        }
    }
}
