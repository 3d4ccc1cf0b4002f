package io.taolun.core.article;

import io.taolun.core.Command;
import io.taolun.core.Invocation;
import io.taolun.core.Messages;
import io.taolun.core.Reply;

/** {@code about}: title, source, date and the numbered list of sections. */
public final class AboutCommand implements Command {
    private final Article article;
    private final io.taolun.core.WebLinks links;

    public AboutCommand(Article article) {
        this(article, io.taolun.core.WebLinks.NONE);
    }

    /** @param links where the reading page is: the reply links to it when it is on the web */
    public AboutCommand(Article article, io.taolun.core.WebLinks links) {
        this.article = article;
        this.links = links;
    }

    @Override
    public String name() {
        return "about";
    }

    @Override
    public Reply run(Invocation inv) {
        inv.withoutOptions();
        if (!inv.args().isEmpty()) {
            throw new io.taolun.core.BadInputException("error.args.none");
        }
        Messages m = inv.messages();
        ArticleMeta meta = article.meta();
        Reply.Builder reply = Reply.builder()
                .title(meta.title().in(inv.lang()))
                .field(m.get("about.source"), meta.source().in(inv.lang()))
                .visibility(inv.shareVisibility());
        meta.date().ifPresent(d -> reply.field(m.get("about.date"), d.toString()));
        StringBuilder list = new StringBuilder(m.get("about.sections", article.sections().size()));
        for (Section s : article.sections()) {
            list.append('\n').append(m.get("about.sectionLine", s.number(), s.title().in(inv.lang()),
                    s.firstLine(), s.lastLine()));
        }
        reply.text(list.toString());
        if (!article.curated()) {
            reply.text(m.get("article.uncurated"));
        }
        links.article(article.id(), "").ifPresent(url -> reply.text(m.get("web.readArticle", url)));
        return reply.footer(m.get("about.footer", article.quotes().size(), article.claims().size())).build();
    }
}
