package io.taolun.core.search;

import io.taolun.core.article.Article;
import java.util.List;

/**
 * The port the search command asks: an article's paragraphs ranked for a query. The Lucene index in
 * {@code io.taolun.lucene} implements it; {@link #substring(Article)} is the simple matcher kept as a fallback and as
 * the baseline the search benchmark compares against. Any query string is safe: empty, very long, or full of query
 * syntax, which is never interpreted.
 */
public interface ArticleIndex {
    /**
     * At most {@code limit} paragraphs, best first, each with at least one mark; empty when nothing matches. Function
     * words (的, 什么, the) and chat markup in the query rank nothing.
     */
    List<SearchHit> search(String query, int limit);

    /**
     * False when nothing in the query could rank a paragraph: it is only function words (的, 什么, the, and), or only
     * markup. The command asks when a search found nothing, to say why.
     */
    default boolean hasContentWords(String query) {
        return !SearchHit.words(QueryText.withoutMarkup(query)).isEmpty();
    }

    /** The simple matcher: paragraphs holding any of the query's space-separated words, case-insensitive. */
    static ArticleIndex substring(Article article) {
        return (query, limit) -> ParagraphMatcher.search(article, SearchHit.words(query), limit);
    }
}
