package io.taolun.core.article;

import java.util.List;
import java.util.Optional;

/**
 * The articles found in the seeds directory, in file-name order, and what was skipped while loading them.
 *
 * @param warnings one line for each file that was skipped, for the operator
 */
public record Library(List<Article> articles, List<String> warnings) {
    public Library {
        articles = List.copyOf(articles);
        warnings = List.copyOf(warnings);
    }

    /**
     * The article the bot discusses: the first curated one by file name, else the first one. (Choosing an article
     * per channel comes with the library of articles.)
     */
    public Optional<Article> defaultArticle() {
        return articles.stream().filter(Article::curated).findFirst().or(() -> articles.stream().findFirst());
    }
}
