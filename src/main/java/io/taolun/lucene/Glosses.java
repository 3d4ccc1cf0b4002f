package io.taolun.lucene;

import io.taolun.core.article.Article;
import io.taolun.core.article.Line;
import io.taolun.core.search.SearchHit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The English tied to a span of a paragraph: the glosses of the claims and quotes on the line and of its closing
 * question, each tied to the Chinese span it translates. An English query that meets only a gloss marks that span,
 * so every hit shows why it was found, also in an article with no translation (a whole line's translation is
 * indexed on its own, see {@link Schema#TRANSLATION}).
 */
final class Glosses {
    private Glosses() {
    }

    /**
     * A gloss and the part of the line it translates.
     *
     * @param terms the gloss as the English analyzer indexes it
     */
    record Span(String english, int start, int end, Set<String> terms) {
    }

    /** The glossed spans of a line, in the order claims, quotes, closing; spans not found verbatim are left out. */
    static List<Span> of(Article article, Line line, Analyzer analyzer) {
        List<Span> spans = new ArrayList<>();
        article.claims().stream().filter(c -> c.line() == line.number())
                .forEach(c -> add(spans, line.text(), c.text(), c.statement().en(), analyzer));
        article.quotes().stream().filter(q -> q.section().equals(article.sectionOf(line.number())))
                .forEach(q -> add(spans, line.text(), q.text(), q.gloss(), analyzer));
        article.closing().filter(c -> c.line() == line.number())
                .ifPresent(c -> add(spans, line.text(), c.text(), c.gloss(), analyzer));
        return spans;
    }

    /**
     * The spans whose gloss holds at least half of the terms: "move fast and break things" marks the span glossed
     * "from move fast and break things to slow and steady", not every one whose gloss says "moves".
     */
    static List<SearchHit.Span> matching(List<Span> spans, Set<String> terms) {
        return spans.stream().filter(s -> 2 * s.terms().stream().filter(terms::contains).count() >= terms.size())
                .filter(s -> !terms.isEmpty())
                .map(s -> new SearchHit.Span(s.start(), s.end())).toList();
    }

    private static void add(List<Span> spans, String line, String chinese, String english, Analyzer analyzer) {
        int at = line.indexOf(chinese);
        if (at < 0 || english.isBlank()) {
            return;
        }
        Set<String> terms = new HashSet<>();
        try (TokenStream tokens = analyzer.tokenStream(Schema.GLOSS, english)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                terms.add(term.toString());
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        spans.add(new Span(english, at, at + chinese.length(), Set.copyOf(terms)));
    }
}
