package io.taolun.app;

import io.taolun.core.article.Article;
import io.taolun.core.search.ArticleIndex;
import io.taolun.core.search.SearchHit;
import io.taolun.lucene.LuceneIndex;
import java.util.List;

/**
 * The search index, built the first time it is needed rather than at start, in the console and in a server alike:
 * the Chinese analyzers' dictionaries take about 70 MiB of an idle server's 245 MiB resident memory, and a one-shot
 * command that does not search should not load them. The first search after start pays for it (about a second; on
 * Slack an answer that misses the acknowledgement follows through {@code response_url}).
 */
final class LazyIndex implements ArticleIndex {
    private final Article article;
    private volatile ArticleIndex index;

    LazyIndex(Article article) {
        this.article = article;
    }

    @Override
    public List<SearchHit> search(String query, int limit) {
        return built().search(query, limit);
    }

    @Override
    public boolean hasContentWords(String query) {
        return built().hasContentWords(query);
    }

    private ArticleIndex built() {
        ArticleIndex ready = index;
        if (ready == null) {
            synchronized (this) {
                ready = index;
                if (ready == null) {
                    ready = LuceneIndex.build(List.of(article)).of(article);
                    index = ready;
                }
            }
        }
        return ready;
    }
}
