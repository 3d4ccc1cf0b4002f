package io.taolun.core.article;

import io.taolun.core.BadInputException;
import io.taolun.core.Command;
import io.taolun.core.Invocation;
import io.taolun.core.Lang;
import io.taolun.core.Messages;
import io.taolun.core.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code section <n | words> [--zh]}: the full text of one section. In English it is the article's translation, line
 * by line, with the Chinese original one flag away ({@code --zh}); an article with no translation shows its Chinese
 * with a note saying so, and the section's English summary when it has one.
 */
public final class SectionCommand implements Command {
    /** Asks for the Chinese original in an English reply. */
    static final String ORIGINAL = "--zh";

    private final Article article;
    private final io.taolun.core.WebLinks links;

    public SectionCommand(Article article) {
        this(article, io.taolun.core.WebLinks.NONE);
    }

    /** @param links where the reading page is: the reply links to the section on it when it is on the web */
    public SectionCommand(Article article, io.taolun.core.WebLinks links) {
        this.article = article;
        this.links = links;
    }

    @Override
    public String name() {
        return "section";
    }

    @Override
    public Reply run(Invocation inv) {
        List<String> args = new ArrayList<>(inv.args());
        boolean original = args.removeIf(a -> a.toLowerCase(Locale.ROOT).equals(ORIGINAL));
        new Invocation(inv.request(), inv.messages(), args, inv.share()).withoutOptions();
        if (args.isEmpty()) {
            throw new BadInputException("error.section.missing", article.sections().size());
        }
        Messages m = inv.messages();
        Section section = SectionArg.resolve(article, args, inv.lang());
        Reply.Builder reply = Reply.builder().title(Labels.section(m, section)).visibility(inv.shareVisibility());
        String footer = m.get("section.footer", section.firstLine(), section.lastLine(), section.number(),
                article.sections().size());
        boolean translated = !article.translation().isEmpty();
        java.util.Optional<String> link = links.article(article.id(), section.id()).map(u -> m.get("web.readArticle", u));
        if (inv.lang() == Lang.EN && translated && !original) {
            // the translation stands for the text, so the summary would only say it again, shorter
            for (Line line : article.contentLines(section)) {
                reply.text(article.translationOf(line.number()).orElseThrow());
            }
            link.ifPresent(reply::text);
            return reply.footer(m.get("section.footer.translated", footer, ORIGINAL)).build();
        }
        for (Line line : article.contentLines(section)) {
            reply.text(line.text());
        }
        if (inv.lang() == Lang.EN) {
            if (!translated) {
                reply.field(m.get("label.note"), m.get("section.untranslated"));
            }
            section.summary().ifPresentOrElse(
                    s -> reply.field(m.get("label.summary"), s.en()),
                    () -> reply.field(m.get("label.summary"), m.get("article.uncurated")));
        }
        link.ifPresent(reply::text);
        return reply.footer(footer).build();
    }
}
