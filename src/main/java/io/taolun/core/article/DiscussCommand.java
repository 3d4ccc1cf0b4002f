package io.taolun.core.article;

import io.taolun.core.Command;
import io.taolun.core.Invocation;
import io.taolun.core.Lang;
import io.taolun.core.Messages;
import io.taolun.core.Reply;
import io.taolun.core.Visibility;

/** {@code discuss}: the article's thesis and its closing question, posted to the channel to invite replies. */
public final class DiscussCommand implements Command {
    private final Article article;

    public DiscussCommand(Article article) {
        this.article = article;
    }

    @Override
    public String name() {
        return "discuss";
    }

    @Override
    public Reply run(Invocation inv) {
        inv.withoutOptions();
        Messages m = inv.messages();
        Reply.Builder reply = Reply.builder()
                .title(m.get("discuss.title", article.meta().title().in(inv.lang())))
                .visibility(Visibility.IN_CHANNEL);
        article.thesis().ifPresent(t -> reply.text(t.in(inv.lang())));
        article.closing().ifPresentOrElse(
                c -> reply.quote(c.text(), inv.lang() == Lang.EN ? c.gloss() : "", m.get("discuss.closing")),
                () -> reply.quote(Messages.of(Lang.ZH).get("discuss.question"),
                        inv.lang() == Lang.EN ? m.get("discuss.question") : "", ""));
        return reply.text(m.get("discuss.invite")).footer(m.get("discuss.footer")).build();
    }
}
