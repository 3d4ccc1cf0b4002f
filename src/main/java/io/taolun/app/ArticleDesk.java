package io.taolun.app;

import io.taolun.core.CommandRouter;
import io.taolun.core.article.Article;

/**
 * What Taolun holds for one article of the library, built once at start: the article's own commands behind a
 * router (its polls, claims, quotes and search) and its search index, built on first search.
 */
record ArticleDesk(Article article, CommandRouter router, LazyIndex search) {
}
