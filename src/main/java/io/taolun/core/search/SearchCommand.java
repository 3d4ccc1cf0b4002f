package io.taolun.core.search;

import io.taolun.core.BadInputException;
import io.taolun.core.Command;
import io.taolun.core.Invocation;
import io.taolun.core.Lang;
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
 * marked and the section named. Chat markup in the query (mentions, channel links, addresses) is not searched; a
 * paragraph with nothing to mark is never shown; a query of function words only (的, 什么, the) is told so. English
 * words also find a paragraph through its English translation: an English reply then shows the translation, marked;
 * a Chinese one shows the paragraph with the marked translation under it when nothing in the Chinese was marked.
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
        String searched = QueryText.withoutMarkup(query).strip();
        String echoed = SafeText.echo(query);
        Reply.Builder answer = Reply.builder().title(m.get("search.title", echoed));
        if (searched.isEmpty()) {
            return answer.text(m.get("search.markupOnly")).build();
        }
        List<String> words = SearchHit.words(searched);
        List<SearchHit> hits = new ArrayList<>();
        for (SearchHit hit : index.search(searched, MAX_HITS)) {
            String text = article.lines().get(hit.line() - 1);
            // the words as typed widen the index's marks, so "GPT-4" reads as one mark where the analyzer saw two
            // tokens; they never add a mark of their own (the "and" of "Belt and Road" is not one)
            List<SearchHit.Span> marks = Highlighter.widen(text, hit.marks(), words);
            List<SearchHit.Span> translated = article.translationOf(hit.line())
                    .map(t -> Highlighter.widen(t, hit.translationMarks(), words)).orElse(List.of());
            if (!marks.isEmpty() || !translated.isEmpty()) {
                hits.add(new SearchHit(hit.line(), hit.score(), marks, translated));
            }
        }
        if (hits.isEmpty()) {
            return answer.text(m.get(index.hasContentWords(searched) ? "search.none" : "search.functionWordsOnly"))
                    .build();
        }
        Reply.Builder reply = answer.visibility(inv.shareVisibility());
        for (SearchHit hit : hits) {
            Section s = article.sectionOf(hit.line());
            reply.text(m.get("search.hit", s.number(), s.title().in(inv.lang()), hit.line()) + "\n"
                    + shown(hit, inv.lang()));
        }
        return reply.footer(m.get("search.footer", hits.size())).build();
    }

    /** The marked paragraph: in English its marked translation when the query met it there, else the Chinese. */
    private String shown(SearchHit hit, Lang lang) {
        String text = article.lines().get(hit.line() - 1);
        if (hit.translationMarks().isEmpty()) {
            return Highlighter.mark(text, hit.marks());
        }
        String translated = Highlighter.mark(article.translationOf(hit.line()).orElseThrow(), hit.translationMarks());
        if (lang == Lang.EN) {
            return translated;
        }
        return hit.marks().isEmpty() ? Highlighter.mark(text, List.of()) + "\n" + translated
                : Highlighter.mark(text, hit.marks());
    }
}
