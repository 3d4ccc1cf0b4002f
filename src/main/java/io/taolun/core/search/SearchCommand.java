package io.taolun.core.search;

import io.taolun.core.BadInputException;
import io.taolun.core.Command;
import io.taolun.core.Invocation;
import io.taolun.core.Messages;
import io.taolun.core.Reply;
import io.taolun.core.SafeText;
import io.taolun.core.article.Article;
import io.taolun.core.article.Section;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code search <words>}: up to five paragraphs of the article, ranked by an {@link ArticleIndex}, with the hits
 * marked and the section named.
 */
public final class SearchCommand implements Command {
    /** At most this many paragraphs per answer. */
    public static final int MAX_HITS = 5;
    /** Longest query, in characters. */
    public static final int MAX_QUERY = 200;

    private final Article article;
    private final ArticleIndex index;

    /** Searches the article through the index, which must hold the same article's lines. */
    public SearchCommand(Article article, ArticleIndex index) {
        this.article = Objects.requireNonNull(article, "article");
        this.index = Objects.requireNonNull(index, "index");
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
        List<SearchHit> hits = index.search(query, MAX_HITS);
        String echoed = SafeText.echo(query);
        if (hits.isEmpty()) {
            return Reply.builder().title(m.get("search.title", echoed)).text(m.get("search.none")).build();
        }
        Reply.Builder reply = Reply.builder().title(m.get("search.title", echoed)).visibility(inv.shareVisibility());
        for (SearchHit hit : hits) {
            Section s = article.sectionOf(hit.line());
            String text = article.lines().get(hit.line() - 1);
            // the words as typed are marked too, so "GPT-4" reads as one mark where the analyzer saw two tokens
            List<SearchHit.Span> marks = new ArrayList<>(hit.marks());
            marks.addAll(Highlighter.occurrences(text, words));
            reply.text(m.get("search.hit", s.number(), s.title().in(inv.lang()), hit.line()) + "\n"
                    + Highlighter.mark(text, marks));
        }
        return reply.footer(m.get("search.footer", hits.size())).build();
    }
}
