package io.taolun.app;

import io.taolun.core.article.Article;
import io.taolun.core.search.ArticleIndex;
import io.taolun.core.search.SearchHit;
import io.taolun.lucene.LuceneIndex;
import java.util.List;

/**
 * The search index, built the first time it is needed (or by {@link #warm}) rather than at start: the console's
 * one-shot commands that do not search never pay for loading the Chinese analyzer, and a server warms it in the
 * background once it is up.
 */
final class LazyIndex implements ArticleIndex {
    private final Article article;
    private volatile ArticleIndex index;

    LazyIndex(Article article) {
        this.article = article;
    }

    /** Builds the index now, if it is not built yet. */
    void warm() {
        built();
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
