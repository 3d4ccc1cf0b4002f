package io.taolun.core.article;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Extracts what a sidecar would curate from an article's own text: a summary of each section and of the whole
 * article, claims and quotes. Everything is a verbatim span, shown in the article's order; nothing is translated, so
 * the English side of a summary repeats the Chinese and glosses are empty. A curated article is returned unchanged.
 */
public final class AutoContent {
    static final int MAX_CLAIMS = 15;
    static final int MAX_QUOTES = 20;
    private static final int MIN_SENTENCE = 8;
    private static final int MIN_QUOTED = 4;
    private static final int MAX_QUOTED = 40;
    private static final int MIN_SHORT = 12;
    private static final int MAX_SHORT = 40;
    private static final Pattern QUOTED = Pattern.compile("“([^“”]+)”|「([^「」]+)」");

    private final Article article;
    private final List<Sentence> sentences;
    private final Map<Sentence, Double> global = new HashMap<>();
    private final Map<Sentence, List<String>> words = new HashMap<>();

    private AutoContent(Article article, Segmenter segmenter) {
        this.article = article;
        this.sentences = Sentence.of(article);
        sentences.forEach(s -> words.put(s, segmenter.contentWords(s.text())));
        double[] scores = TextRank.scores(sentences.stream().map(words::get).toList());
        for (int i = 0; i < scores.length; i++) {
            global.put(sentences.get(i), scores[i]);
        }
    }

    /** The article with automatic summaries, thesis, claims and quotes; the article itself if it is curated. */
    public static Article of(Article article, Segmenter segmenter) {
        if (article.curated()) {
            return article;
        }
        return new AutoContent(article, segmenter).build();
    }

    private Article build() {
        Map<String, Section> summarised = new HashMap<>();
        List<Section> sections = new ArrayList<>();
        for (Section s : article.sections()) {
            Section with = new Section(s.id(), s.number(), s.title(), s.firstLine(), s.lastLine(), sectionSummary(s));
            summarised.put(s.id(), with);
            sections.add(with);
        }
        List<Sentence> all = sentences;
        int keep = Math.min(5, Math.max(3, all.size() / 10));
        Optional<Localized> thesis = all.isEmpty() ? Optional.empty()
                : Optional.of(Localized.both(joined(top(all, global, keep))));
        List<Claim> claims = claims(summarised);
        List<Quote> quotes = quotes(summarised);
        return new Article(article.id(), article.meta(), article.lines(), sections, claims, quotes, thesis,
                article.closing(), article.disclaimerLine(), false, java.util.Map.of());
    }

    /** The best sentence of a short section, the best two of a longer one, ranked within the section. */
    private Optional<Localized> sectionSummary(Section section) {
        List<Sentence> in = sentences.stream().filter(s -> s.section().equals(section)).toList();
        if (in.isEmpty()) {
            return Optional.empty();
        }
        double[] scores = TextRank.scores(in.stream().map(words::get).toList());
        Map<Sentence, Double> local = new HashMap<>();
        for (int i = 0; i < scores.length; i++) {
            local.put(in.get(i), scores[i]);
        }
        return Optional.of(Localized.both(joined(top(in, local, in.size() >= 4 ? 2 : 1))));
    }

    /** The {@code n} best sentences, preferring ones long enough to say something, back in article order. */
    private static List<Sentence> top(List<Sentence> candidates, Map<Sentence, Double> score, int n) {
        Comparator<Sentence> best = Comparator.<Sentence, Boolean>comparing(s -> s.length() >= MIN_SENTENCE)
                .thenComparing(score::get).reversed();
        return candidates.stream().sorted(best).limit(n).sorted(AutoContent::inOrder).toList();
    }

    private List<Claim> claims(Map<String, Section> sections) {
        List<Sentence> chosen = sentences.stream()
                .filter(s -> s.length() >= MIN_SENTENCE && ClaimSignals.count(s.text()) > 0)
                .sorted(Comparator.comparingDouble((Sentence s) -> ClaimSignals.count(s.text()) + global.get(s))
                        .reversed())
                .limit(MAX_CLAIMS).sorted(AutoContent::inOrder).toList();
        List<Claim> claims = new ArrayList<>();
        for (Sentence s : chosen) {
            claims.add(new Claim("c" + (claims.size() + 1), sections.get(s.section().id()),
                    ClaimSignals.kind(s.text()), s.text(), s.line(), ""));
        }
        return claims;
    }

    private record Candidate(Sentence at, int start, String text, double score) {
    }

    /** Quoted phrases of a sensible length first, then short complete sentences, by the rank of their sentence. */
    private List<Quote> quotes(Map<String, Section> sections) {
        List<Candidate> candidates = new ArrayList<>();
        for (Sentence s : sentences) {
            Matcher m = QUOTED.matcher(s.text());
            while (m.find()) {
                int group = m.group(1) != null ? 1 : 2;
                String inner = m.group(group).strip();
                int length = inner.codePointCount(0, inner.length());
                if (length >= MIN_QUOTED && length <= MAX_QUOTED) {
                    candidates.add(new Candidate(s, s.start() + m.start(group), inner, 1 + global.get(s)));
                }
            }
            if (s.complete() && s.length() >= MIN_SHORT && s.length() <= MAX_SHORT) {
                candidates.add(new Candidate(s, s.start(), s.text(), global.get(s)));
            }
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
            quotes.add(new Quote("q" + number, number, sections.get(c.at().section().id()), c.text(), ""));
        }
        return quotes;
    }

    private static int inOrder(Sentence a, Sentence b) {
        return a.line() != b.line() ? Integer.compare(a.line(), b.line()) : Integer.compare(a.start(), b.start());
    }

    /** Sentences of one line run on; sentences of different lines go on separate lines, as in the text. */
    private static String joined(List<Sentence> chosen) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < chosen.size(); i++) {
            if (i > 0) {
                out.append(chosen.get(i - 1).line() == chosen.get(i).line() ? "" : "\n");
            }
            out.append(chosen.get(i).text());
        }
        return out.toString();
    }
}
