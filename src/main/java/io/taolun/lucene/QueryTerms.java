package io.taolun.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import io.taolun.core.search.QueryText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
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
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    private final Analyzer analyzer;
    private final Glossary glossary;
    private final FunctionWords functionWords;

    QueryTerms(Analyzer analyzer, Glossary glossary, FunctionWords functionWords) {
        this.analyzer = analyzer;
        this.glossary = glossary;
        this.functionWords = functionWords;
    }

    /**
     * The distinct terms of the query in each field that has any, in the order of {@link Schema#BOOSTS}; empty when
     * the query holds nothing but function words and markup. The Chinese fields see the query with its function words
     * blanked out, plus the glossary's Chinese for its English; a single Chinese character counts only when it was
     * typed as a word of its own (电), never as a piece of a longer word (克 of 扎克伯格, 一 of 一带一路), which the
     * bigram field matches whole. The English fields see the query without its function words, through the English
     * analyzer; the glossary reads it as typed, so "belt and road" is still its phrase.
     */
    Map<String, Set<String>> terms(String query) {
        String text = QueryText.withoutMarkup(capped(query));
        String content = contentOnly(text);
        String chinese = glossary.translate(text);
        Set<String> typedAlone = new HashSet<>(Arrays.asList(content.strip().split("\\s+")));
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (String field : Schema.BOOSTS.keySet()) {
            boolean english = Schema.ENGLISH.contains(field);
            Set<String> terms = analyse(field, english ? content : content + "\n" + chinese);
            terms.removeIf(t -> HAN.matcher(t).find() && (english || (isOneHan(t) && !typedAlone.contains(t))));
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
        String text = contentOnly(QueryText.withoutMarkup(capped(query)));
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

    private static String capped(String query) {
        return query.length() > MAX_INPUT ? query.substring(0, MAX_INPUT) : query;
    }

    private static boolean isOneHan(String term) {
        return term.codePointCount(0, term.length()) == 1 && HAN.matcher(term).matches();
    }

    private String contentOnly(String text) {
        return functionWords.blank(text);
    }
}
