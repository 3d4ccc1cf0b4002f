package io.taolun.core.article;

import io.taolun.core.Command;
import io.taolun.core.Invocation;
import io.taolun.core.Messages;
import io.taolun.core.Reply;

/** {@code about}: title, source, date and the numbered list of sections. */
public final class AboutCommand implements Command {
    private final Article article;

    public AboutCommand(Article article) {
        this.article = article;
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
        return reply.footer(m.get("about.footer", article.quotes().size(), article.claims().size())).build();
    }
}
