package io.taolun.core.search;

import io.taolun.core.BadInputException;
import io.taolun.core.Command;
import io.taolun.core.Invocation;
import io.taolun.core.Messages;
import io.taolun.core.Reply;
import io.taolun.core.SafeText;
import io.taolun.core.article.Article;
import io.taolun.core.article.Section;
import java.util.List;

/** {@code search <words>}: up to five paragraphs of the article holding the words, with the hits marked. */
public final class SearchCommand implements Command {
    /** At most this many paragraphs per answer. */
    public static final int MAX_HITS = 5;
    /** Longest query, in characters. */
    public static final int MAX_QUERY = 200;

    private final Article article;

    public SearchCommand(Article article) {
        this.article = article;
    }

    @Override
    public String name() {
        return "search";
    }

    @Override
    public Reply run(Invocation inv) {
        Messages m = inv.messages();
        String query = inv.argText().strip();
        if (query.isEmpty()) {
            throw new BadInputException("error.search.empty");
        }
        if (query.length() > MAX_QUERY) {
            throw new BadInputException("error.search.tooLong", MAX_QUERY);
        }
        List<String> words = inv.args().stream().filter(w -> !w.isBlank()).toList();
        List<ParagraphMatcher.Hit> hits = ParagraphMatcher.search(article, words, MAX_HITS);
        String echoed = SafeText.echo(query);
        if (hits.isEmpty()) {
            return Reply.builder().title(m.get("search.title", echoed)).text(m.get("search.none")).build();
        }
        Reply.Builder reply = Reply.builder().title(m.get("search.title", echoed)).visibility(inv.shareVisibility());
        for (ParagraphMatcher.Hit hit : hits) {
            Section s = article.sectionOf(hit.line().number());
            reply.text(m.get("search.hit", s.number(), s.title().in(inv.lang()), hit.line().number()) + "\n"
                    + Highlighter.mark(hit.line().text(), words));
        }
        return reply.footer(m.get("search.footer", hits.size())).build();
    }
}
