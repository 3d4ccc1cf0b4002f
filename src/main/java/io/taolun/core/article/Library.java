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
     * The article a channel discusses until it chooses another: the first curated one by file name, else the first
     * one.
     */
    public Optional<Article> defaultArticle() {
        return articles.stream().filter(Article::curated).findFirst().or(() -> articles.stream().findFirst());
    }

    /** A library of one article (tests, and tools that look at a single file). */
    public static Library of(Article article) {
        return new Library(List.of(article), List.of());
    }

    /** The article with this id; ids are file names, so case is forgiven. */
    public Optional<Article> find(String id) {
        return articles.stream().filter(a -> a.id().equalsIgnoreCase(id)).findFirst();
    }

    /**
     * The article with this id, or the default one when its seed is gone (what a channel that chose it now
     * discusses). Throws when the library is empty.
     */
    public Article orDefault(String id) {
        return find(id).or(this::defaultArticle).orElseThrow(() -> new IllegalStateException("no article"));
    }
}
