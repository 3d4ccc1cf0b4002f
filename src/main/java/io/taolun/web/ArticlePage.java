package io.taolun.web;

import io.taolun.core.article.Article;
import io.taolun.core.article.Claim;
import io.taolun.core.article.Closing;
import io.taolun.core.article.Line;
import io.taolun.core.article.Quote;
import io.taolun.core.article.Section;
import io.taolun.core.poll.Poll;
import io.taolun.core.poll.PollQueries;
import io.taolun.core.poll.Tally;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the reading page shows of an article: its title, source and thesis; each section with an anchor; each
 * paragraph (a line of the article, never the disclaimer) with its English translation, the claims marked on their
 * spans with their statements and their latest poll, and the quotes marked; the closing question at the end.
 */
final class ArticlePage {
    private final PollQueries polls;
    private final Clock clock;

    ArticlePage(PollQueries polls, Clock clock) {
        this.polls = polls;
        this.clock = clock;
    }

    Map<String, Object> model(Article article, boolean english) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("id", article.id());
        model.put("titleZh", article.meta().title().zh());
        model.put("titleEn", other(article.meta().title().en(), article.meta().title().zh()));
        model.put("sourceZh", article.meta().source().zh());
        model.put("sourceEn", other(article.meta().source().en(), article.meta().source().zh()));
        article.thesis().ifPresent(t -> model.put("thesis", Map.of("zh", t.zh(), "en", other(t.en(), t.zh()))));
        model.put("hasTranslation", !article.translation().isEmpty());
        model.put("showEnglish", english && !article.translation().isEmpty());
        Optional<Closing> closing = article.closing();
        List<Map<String, Object>> sections = new ArrayList<>();
        for (Section section : article.sections()) {
            List<Map<String, Object>> paragraphs = new ArrayList<>();
            for (Line line : article.contentLines(section)) {
                if (closing.isPresent() && closing.get().line() == line.number()) {
                    continue;
                }
                paragraphs.add(paragraph(article, section, line, english));
            }
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("id", section.id());
            s.put("number", section.number());
            s.put("titleZh", section.title().zh());
            s.put("titleEn", other(section.title().en(), section.title().zh()));
            s.put("paragraphs", paragraphs);
            sections.add(s);
        }
        model.put("sections", sections);
        closing.ifPresent(c -> model.put("closing", Map.of("text", c.text(), "gloss", c.gloss(), "line", c.line())));
        return model;
    }

    private Map<String, Object> paragraph(Article article, Section section, Line line, boolean english) {
        List<Spans.Mark> marks = new ArrayList<>();
        List<Map<String, Object>> notes = new ArrayList<>();
        for (Claim claim : article.claimsIn(section)) {
            if (claim.line() != line.number()) {
                continue;
            }
            Map<String, Object> note = claimNote(article, claim, english);
            notes.add(note);
            Spans.find(line.text(), claim.text(), Map.of("claim", Map.of("id", claim.id(),
                    "statement", claim.statement().in(english ? io.taolun.core.Lang.EN : io.taolun.core.Lang.ZH))))
                    .ifPresent(marks::add);
        }
        for (Quote quote : article.quotes()) {
            if (quote.section().equals(section)) {
                Spans.find(line.text(), quote.text(), Map.of("quote", Map.of("id", quote.id(), "gloss",
                        quote.gloss()))).ifPresent(marks::add);
            }
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("line", line.number());
        p.put("lineLabel", WebText.format(english, "line", line.number()));
        p.put("runs", Spans.runs(line.text(), marks));
        article.translationOf(line.number()).ifPresent(en -> p.put("en", en));
        if (!notes.isEmpty()) {
            p.put("notes", notes);
        }
        return p;
    }

    private Map<String, Object> claimNote(Article article, Claim claim, boolean english) {
        Map<String, Object> note = new LinkedHashMap<>();
        note.put("id", claim.id());
        note.put("kind", claim.kind().name().toLowerCase(java.util.Locale.ROOT));
        note.put("statementZh", claim.statement().zh());
        note.put("statementEn", other(claim.statement().en(), claim.statement().zh()));
        Optional<Poll> latest = polls.latestOnClaim(article.id(), claim.id());
        if (latest.isEmpty()) {
            note.put("noPoll", true);
            return note;
        }
        Poll poll = latest.get();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", poll.id());
        if (poll.resultsVisible(clock.instant())) {
            Tally tally = polls.tally(poll);
            p.put("summary", summary(poll, tally, english));
        } else {
            p.put("summary", WebText.of(english).get("hiddenResults"));
        }
        note.put("poll", p);
        return note;
    }

    /** An English text, or false (nothing for the template) where it only repeats the Chinese: no translation. */
    static Object other(String en, String zh) {
        return en.equals(zh) ? Boolean.FALSE : en;
    }

    /** "12 票 · 同意 58%": the total and the option most chosen; options tied for most, together. */
    private static String summary(Poll poll, Tally tally, boolean english) {
        String total = WebText.total(english, tally.total());
        if (tally.total() == 0) {
            return total;
        }
        List<Integer> percent = tally.percentages();
        int most = 0;
        for (int i = 1; i <= tally.counts().size(); i++) {
            most = Math.max(most, tally.count(i));
        }
        List<String> labels = new ArrayList<>();
        int share = 0;
        for (int i = 1; i <= tally.counts().size(); i++) {
            if (tally.count(i) == most) {
                labels.add(english ? poll.options().get(i - 1).en() : poll.options().get(i - 1).zh());
                share = percent.get(i - 1);
            }
        }
        return total + " · " + (labels.size() == 1 ? labels.get(0) + " " + share + "%"
                : WebText.format(english, "tied", String.join(" / ", labels), share));
    }
}
