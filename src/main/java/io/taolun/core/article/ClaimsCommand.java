package io.taolun.core.article;

import io.taolun.core.Command;
import io.taolun.core.Invocation;
import io.taolun.core.Messages;
import io.taolun.core.Reply;
import java.util.List;

/** {@code claims [n]}: the article's claims (what polls are about), all or one section's. */
public final class ClaimsCommand implements Command {
    private final Article article;

    public ClaimsCommand(Article article) {
        this.article = article;
    }

    @Override
    public String name() {
        return "claims";
    }

    @Override
    public Reply run(Invocation inv) {
        inv.withoutOptions();
        Messages m = inv.messages();
        if (article.claims().isEmpty()) {
            return Reply.builder().text(m.get("claims.none")).text(m.get("article.uncurated")).build();
        }
        List<Claim> claims = article.claims();
        String title = m.get("claims.title", claims.size());
        if (!inv.args().isEmpty()) {
            Section section = SectionArg.resolve(article, inv.args(), inv.lang());
            claims = article.claimsIn(section);
            title = Labels.section(m, section);
            if (claims.isEmpty()) {
                return Reply.builder().title(title).text(m.get("claims.noneInSection")).build();
            }
        }
        Reply.Builder reply = Reply.builder().title(title).visibility(inv.shareVisibility());
        for (Claim c : claims) {
            String label = m.get("claims.label", c.id(), Labels.kind(m, c.kind()), Labels.section(m, c.section()),
                    c.line());
            reply.quote(c.statement().in(inv.lang()), "", label);
        }
        return reply.footer(m.get("claims.footer")).build();
    }
}
