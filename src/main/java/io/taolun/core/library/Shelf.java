package io.taolun.core.library;

import io.taolun.core.ChannelRef;
import io.taolun.core.article.Article;
import io.taolun.core.article.Library;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The library as channels see it: every article, and the one each channel discusses. A channel that chose nothing,
 * or chose an article whose seed has since been removed, discusses the default article.
 */
public final class Shelf {
    private final Library library;
    private final Article fallback;
    private final ChannelArticles choices;

    public Shelf(Library library, ChannelArticles choices) {
        this.library = Objects.requireNonNull(library, "library");
        this.choices = Objects.requireNonNull(choices, "choices");
        this.fallback = library.defaultArticle().orElseThrow(() -> new IllegalArgumentException("no article"));
    }

    public List<Article> articles() {
        return library.articles();
    }

    /** Whether the article was added from {@code ./seeds}, and whether it replaced a bundled one. */
    String originKey(Article article) {
        if (library.replaced().contains(article.id())) {
            return "list.replaced";
        }
        return library.added().contains(article.id()) ? "list.added" : "";
    }

    public Article defaultArticle() {
        return fallback;
    }

    /** The article with this id; ids are file names, so case is forgiven. */
    public Optional<Article> find(String id) {
        return library.find(id);
    }

    /** The article this channel discusses now. */
    public Article of(ChannelRef where) {
        if (library.articles().size() == 1) {
            return fallback; // nothing to choose between: no need to read the channel's choice
        }
        return choices.of(where).flatMap(this::find).orElse(fallback);
    }

    ChannelArticles choices() {
        return choices;
    }
}
