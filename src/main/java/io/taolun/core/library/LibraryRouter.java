package io.taolun.core.library;

import io.taolun.core.Answerer;
import io.taolun.core.ChatRequest;
import io.taolun.core.Lang;
import io.taolun.core.Messages;
import io.taolun.core.Reply;
import io.taolun.core.VoteAction;
import io.taolun.core.article.Article;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Taolun with a library: sends each request to the router of the article its channel discusses. Every article's
 * router has the same commands ({@code list} and {@code use} among them), so help, languages and bad input behave
 * the same whichever article a channel uses.
 */
public final class LibraryRouter implements Answerer {
    private final Shelf shelf;
    private final Map<String, ? extends Answerer> routers;
    private final Lang defaultLang;
    private final Consumer<RuntimeException> onFailure;

    /**
     * @param routers   one router per article of the shelf, keyed by article id
     * @param onFailure told when the channel's choice cannot be read (the user gets a short apology instead)
     */
    public LibraryRouter(Shelf shelf, Map<String, ? extends Answerer> routers, Lang defaultLang,
            Consumer<RuntimeException> onFailure) {
        this.shelf = Objects.requireNonNull(shelf, "shelf");
        this.defaultLang = Objects.requireNonNull(defaultLang, "defaultLang");
        this.onFailure = Objects.requireNonNull(onFailure, "onFailure");
        this.routers = Map.copyOf(routers);
        shelf.articles().forEach(a -> {
            if (!this.routers.containsKey(a.id())) {
                throw new IllegalArgumentException("no router for article " + a.id());
            }
        });
    }

    @Override
    public Reply handle(ChatRequest request) {
        if (request.action().filter(VoteAction.class::isInstance).isPresent()) {
            // poll ids are global and any article's router counts a vote on any poll: no need to read the channel's
            // choice of article
            return routers.get(shelf.defaultArticle().id()).handle(request);
        }
        Article article;
        try {
            article = shelf.of(request.where());
        } catch (RuntimeException e) {
            onFailure.accept(e);
            Messages messages = Messages.of(Lang.fromLocale(request.locale(), defaultLang));
            return Reply.builder().error().text(messages.get("error.internal")).build();
        }
        return routers.get(article.id()).handle(request);
    }

    @Override
    public List<String> commandNames() {
        return routers.get(shelf.defaultArticle().id()).commandNames();
    }
}
