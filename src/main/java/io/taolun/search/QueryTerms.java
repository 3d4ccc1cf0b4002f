package io.taolun.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Turns what a user typed into terms per field, through the same analyzers as the index. No query parser ever sees
 * the text, so quotes, {@code *}, {@code ~} or {@code AND} are just characters; input and terms are capped, so a
 * 10 KB query costs no more than a long sentence.
 */
final class QueryTerms {
    /** Characters of a query that are read; the command already refuses more than 200. */
    static final int MAX_INPUT = 1_000;
    /** Distinct terms per field; well under BooleanQuery's clause limit over all fields. */
    static final int MAX_TERMS = 32;
    /** Typed words looked for as a whole. */
    static final int MAX_PHRASES = 8;
    private static final float PHRASE_BOOST = 2.0f;
    private static final Pattern HAN_WORD = Pattern.compile("\\p{IsHan}{2,}");

    private final Analyzer analyzer;
    private final Glossary glossary;

    QueryTerms(Analyzer analyzer, Glossary glossary) {
        this.analyzer = analyzer;
        this.glossary = glossary;
    }

    /** The distinct terms of the query in each field that has any, in the order of {@link Schema#BOOSTS}. */
    Map<String, Set<String>> terms(String query) {
        String text = query.length() > MAX_INPUT ? query.substring(0, MAX_INPUT) : query;
        String widened = text + "\n" + glossary.translate(text);
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (String field : Schema.BOOSTS.keySet()) {
            boolean english = field.equals(Schema.GLOSS) || field.equals(Schema.SECTION);
            Set<String> terms = analyse(field, english ? text : widened);
            if (field.equals(Schema.WORDS) && HAN_WORD.matcher(text).find()) {
                dropLoneCharacters(terms);
            }
            if (!terms.isEmpty()) {
                out.put(field, terms);
            }
        }
        return out;
    }

    /**
     * For each typed word the analyzers cut into several bigrams, the bigrams in their order: a paragraph holding the
     * whole word (新基建, not only 基建) then outranks one holding a part of it many times.
     */
    List<Query> phrases(String query) {
        String text = query.length() > MAX_INPUT ? query.substring(0, MAX_INPUT) : query;
        List<Query> phrases = new ArrayList<>();
        for (String word : text.strip().split("\\s+")) {
            if (phrases.size() == MAX_PHRASES) {
                break;
            }
            PhraseQuery.Builder phrase = new PhraseQuery.Builder();
            int count = 0;
            try (TokenStream tokens = analyzer.tokenStream(Schema.BIGRAMS, word)) {
                CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
                PositionIncrementAttribute increment = tokens.addAttribute(PositionIncrementAttribute.class);
                tokens.reset();
                int position = -1;
                while (count < MAX_TERMS && tokens.incrementToken()) {
                    position += increment.getPositionIncrement();
                    phrase.add(new Term(Schema.BIGRAMS, term.toString()), position);
                    count++;
                }
                tokens.end();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (count > 1) {
                phrases.add(new BoostQuery(phrase.build(), PHRASE_BOOST));
            }
        }
        return phrases;
    }

    /** Any of the terms in the field, weighted by the field's boost. */
    static Query anyOf(String field, Set<String> terms) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (String term : terms) {
            any.add(new TermQuery(new Term(field, term)), BooleanClause.Occur.SHOULD);
        }
        return new BoostQuery(any.build(), Schema.BOOSTS.get(field));
    }

    private Set<String> analyse(String field, String text) {
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream tokens = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (terms.size() < MAX_TERMS && tokens.incrementToken()) {
                terms.add(term.toString());
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    /**
     * The dictionary cuts a word it does not know into single characters (东数西算 into 东, 数, 西, 算); those match
     * nearly every paragraph, so they are dropped when the query has a word of two or more Chinese characters, which
     * the bigram field matches whole. A query of one character (的) keeps it.
     */
    private static void dropLoneCharacters(Set<String> terms) {
        terms.removeIf(t -> t.codePointCount(0, t.length()) == 1
                && Character.UnicodeScript.of(t.codePointAt(0)) == Character.UnicodeScript.HAN);
    }
}
