package io.taolun.core.library;

import io.taolun.core.BadInputException;
import io.taolun.core.Command;
import io.taolun.core.Invocation;
import io.taolun.core.Messages;
import io.taolun.core.Reply;
import io.taolun.core.article.Article;

/**
 * {@code list}: every article of the library, what it holds, where it comes from when it was added from {@code ./seeds}
 * (and whether it took the place of a bundled one), and which one this channel discusses.
 */
public final class ListArticlesCommand implements Command {
    private final Shelf shelf;

    public ListArticlesCommand(Shelf shelf) {
        this.shelf = shelf;
    }

    @Override
    public String name() {
        return "list";
    }

    @Override
    public Reply run(Invocation inv) {
        inv.withoutOptions();
        if (!inv.args().isEmpty()) {
            throw new BadInputException("error.args.none");
        }
        Messages m = inv.messages();
        String here = shelf.of(inv.request().where()).id();
        Reply.Builder reply = Reply.builder().title(m.get("list.title", shelf.articles().size()))
                .visibility(inv.shareVisibility());
        for (Article a : shelf.articles()) {
            String name = m.get("list.name", a.id(), a.meta().title().in(inv.lang()))
                    + (a.id().equals(here) ? " " + m.get("list.here") : "");
            String line = m.get("list.line", m.get(a.curated() ? "list.curated" : "list.automatic"),
                    a.sections().size(), a.claims().size(), a.quotes().size());
            String origin = shelf.originKey(a);
            if (!origin.isEmpty()) {
                line += " · " + m.get(origin);
            }
            reply.field(name, line);
        }
        return reply.footer(m.get("list.footer")).build();
    }
}
