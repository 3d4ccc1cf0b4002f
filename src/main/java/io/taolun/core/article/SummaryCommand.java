package io.taolun.core.article;

import io.taolun.core.Command;
import io.taolun.core.Invocation;
import io.taolun.core.Messages;
import io.taolun.core.Reply;

/**
 * {@code summary [n]}: the thesis and one line per section, or the summary of one section. An uncurated article's
 * summaries are the sentences {@link AutoContent} extracted, and the reply says so.
 */
public final class SummaryCommand implements Command {
    private final Article article;
    private final io.taolun.core.WebLinks links;

    public SummaryCommand(Article article) {
        this(article, io.taolun.core.WebLinks.NONE);
    }

    /** @param links where the reading page is: the reply links to it (at the section) when it is on the web */
    public SummaryCommand(Article article, io.taolun.core.WebLinks links) {
        this.article = article;
        this.links = links;
    }

    @Override
    public String name() {
        return "summary";
    }

    @Override
    public Reply run(Invocation inv) {
        inv.withoutOptions();
        Messages m = inv.messages();
        if (article.sections().stream().anyMatch(s -> s.summary().isEmpty())) {
            return Reply.builder().title(article.meta().title().in(inv.lang()))
                    .text(m.get("article.uncurated")).text(m.get("summary.tryInstead")).build();
        }
        if (!inv.args().isEmpty()) {
            Section section = SectionArg.resolve(article, inv.args(), inv.lang());
            Reply.Builder reply = Reply.builder()
                    .title(Labels.section(m, section))
                    .text(section.summary().orElseThrow().in(inv.lang()));
            if (!article.curated()) {
                reply.text(m.get("summary.automatic"));
            }
            links.article(article.id(), section.id()).ifPresent(url -> reply.text(m.get("web.readArticle", url)));
            return reply
                    .footer(m.get("section.footer", section.firstLine(), section.lastLine(), section.number(),
                            article.sections().size()))
                    .visibility(inv.shareVisibility())
                    .build();
        }
        Reply.Builder reply = Reply.builder().title(article.meta().title().in(inv.lang()));
        article.thesis().ifPresent(t -> reply.text(t.in(inv.lang())));
        for (Section s : article.sections()) {
            reply.text(Labels.section(m, s) + "\n" + leadingSentences(s.summary().orElseThrow().in(inv.lang()), 2));
        }
        if (!article.curated()) {
            reply.text(m.get("summary.automatic"));
        }
        links.article(article.id(), "").ifPresent(url -> reply.text(m.get("web.readArticle", url)));
        return reply.footer(m.get("summary.footer")).visibility(inv.shareVisibility()).build();
    }

    /** The first {@code n} sentences; a sentence ends at 。！？ (Chinese) or at . ! ? before a space (English). */
    static String leadingSentences(String text, int n) {
        int found = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean cjkEnd = c == '。' || c == '！' || c == '？';
            boolean latinEnd = (c == '.' || c == '!' || c == '?') && (i + 1 == text.length() || text.charAt(i + 1) == ' ');
            if ((cjkEnd || latinEnd) && ++found == n) {
                return text.substring(0, i + 1);
            }
        }
        return text;
    }
}
