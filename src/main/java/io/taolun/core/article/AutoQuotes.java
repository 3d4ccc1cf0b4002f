package io.taolun.core.article;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The quotes of an uncurated article: phrases of a sensible length inside quotation marks first, then short complete
 * sentences, by the rank of their sentence. A phrase or sentence that leans on what comes before it
 * ({@link Fragments}) is replaced by a span that stands ({@link StandingSpans}) or left out. Only whole sentences go
 * round as the quote of the day: a quoted phrase alone is a term, not a thought.
 */
final class AutoQuotes {
    static final int MAX_QUOTES = 20;
    private static final int MIN_QUOTED = 4;
    private static final int MAX_QUOTED = 40;
    private static final int MIN_SHORT = 12;
    private static final int MAX_SHORT = 40;
    private static final Pattern QUOTED = Pattern.compile("“([^“”]+)”|「([^「」]+)」");

    private record Candidate(Sentence at, int start, String text, double score) {
    }

    private AutoQuotes() {
    }

    static List<Quote> of(List<Sentence> sentences, Map<Sentence, Double> rank, StandingSpans standing,
            Map<String, Section> sections) {
        List<Candidate> candidates = new ArrayList<>();
        for (Sentence s : sentences) {
            Matcher m = QUOTED.matcher(s.text());
            while (m.find()) {
                int group = m.group(1) != null ? 1 : 2;
                String inner = m.group(group).strip();
                int length = inner.codePointCount(0, inner.length());
                if (length < MIN_QUOTED || length > MAX_QUOTED) {
                    continue;
                }
                if (!Fragments.leans(inner)) {
                    candidates.add(new Candidate(s, s.start() + m.start(group), inner, 1 + rank.get(s)));
                } else {
                    // a phrase that leans is no term: the sentence around it is the thought
                    whole(s, standing).ifPresent(w -> candidates.add(new Candidate(w, w.start(), w.text(),
                            1 + rank.get(s))));
                }
            }
            whole(s, standing).ifPresent(w -> candidates.add(new Candidate(w, w.start(), w.text(), rank.get(s))));
        }
        candidates.sort(Comparator.comparingDouble(Candidate::score).reversed());
        List<Candidate> chosen = new ArrayList<>();
        for (Candidate c : candidates) {
            boolean overlaps = chosen.stream().anyMatch(o -> o.at().line() == c.at().line()
                    && (o.text().contains(c.text()) || c.text().contains(o.text())));
            if (!overlaps && chosen.size() < MAX_QUOTES) {
                chosen.add(c);
            }
        }
        chosen.sort(Comparator.comparingInt((Candidate c) -> c.at().line()).thenComparingInt(Candidate::start));
        List<Quote> quotes = new ArrayList<>();
        for (Candidate c : chosen) {
            int number = quotes.size() + 1;
            boolean sentence = c.text().equals(c.at().text());
            quotes.add(new Quote("q" + number, number, sections.get(c.at().section().id()), c.text(), "", sentence));
        }
        return quotes;
    }

    /** The complete sentence, made to stand, when it is neither too short nor too long to quote. */
    private static Optional<Sentence> whole(Sentence s, StandingSpans standing) {
        if (!s.complete()) {
            return Optional.empty();
        }
        return standing.of(s, MAX_SHORT).filter(w -> w.length() >= MIN_SHORT && w.length() <= MAX_SHORT);
    }
}
