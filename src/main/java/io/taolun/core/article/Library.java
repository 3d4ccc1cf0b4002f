package io.taolun.core.article;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The articles found in the seeds directory, in file-name order, and what was skipped while loading them.
 *
 * @param warnings one line for each file that was skipped, for the operator
 * @param added    the ids of articles read from a local directory on top of the bundled ones ({@link #overlay})
 * @param replaced those of {@code added} that took the place of a bundled article with the same id
 */
public record Library(List<Article> articles, List<String> warnings, Set<String> added, Set<String> replaced) {
    public Library {
        articles = List.copyOf(articles);
        warnings = List.copyOf(warnings);
        added = Set.copyOf(added);
        replaced = Set.copyOf(replaced);
        if (!added.containsAll(replaced)) {
            throw new IllegalArgumentException("a replaced article must be an added one");
        }
    }

    /** A library read from one place. */
    public Library(List<Article> articles, List<String> warnings) {
        this(articles, warnings, Set.of(), Set.of());
    }

    /**
     * The bundled articles with the local ones added: an id present in both (ids are file names, so case is forgiven)
     * is taken from {@code local}, and counts as added only when it differs from the bundled one. Articles stay in
     * file-name order; the warnings of both are kept.
     */
    public static Library overlay(Library bundled, Library local) {
        List<Article> articles = new ArrayList<>(local.articles());
        Set<String> added = new LinkedHashSet<>();
        local.articles().forEach(a -> added.add(a.id()));
        Set<String> replaced = new LinkedHashSet<>();
        for (Article a : bundled.articles()) {
            Optional<Article> mine = local.find(a.id());
            if (mine.isEmpty()) {
                articles.add(a);
            } else if (mine.get().equals(a)) {
                // a copy of the bundled article (the repository's root, the Docker image): nothing was added
                added.remove(mine.get().id());
            } else {
                replaced.add(mine.get().id());
            }
        }
        articles.sort(Comparator.comparing(Article::id));
        List<String> warnings = new ArrayList<>(bundled.warnings());
        warnings.addAll(local.warnings());
        return new Library(articles, warnings, added, replaced);
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
