package io.taolun.core.article;

import io.taolun.core.BadInputException;
import io.taolun.core.Command;
import io.taolun.core.Invocation;
import io.taolun.core.Messages;
import io.taolun.core.Reply;

/** {@code section <n | words>}: the full text of one section, and its summary in English when asked. */
public final class SectionCommand implements Command {
    private final Article article;

    public SectionCommand(Article article) {
        this.article = article;
    }

    @Override
    public String name() {
        return "section";
    }

    @Override
    public Reply run(Invocation inv) {
        inv.withoutOptions();
        if (inv.args().isEmpty()) {
            throw new BadInputException("error.section.missing", article.sections().size());
        }
        Messages m = inv.messages();
        Section section = SectionArg.resolve(article, inv.args(), inv.lang());
        Reply.Builder reply = Reply.builder().title(Labels.section(m, section)).visibility(inv.shareVisibility());
        for (Line line : article.contentLines(section)) {
            reply.text(line.text());
        }
        if (inv.lang() == io.taolun.core.Lang.EN) {
            section.summary().ifPresentOrElse(
                    s -> reply.field(m.get("label.summary"), s.en()),
                    () -> reply.field(m.get("label.summary"), m.get("article.uncurated")));
        }
        return reply.footer(m.get("section.footer", section.firstLine(), section.lastLine(), section.number(),
                article.sections().size())).build();
    }
}
