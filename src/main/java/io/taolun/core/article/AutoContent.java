package io.taolun.core.article;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Extracts what a sidecar would curate from an article's own text: a summary of each section and of the whole
 * article, claims ({@link AutoClaims}) and quotes ({@link AutoQuotes}). Everything is a verbatim span, shown in the
 * article's order; nothing is translated, so the English side of a summary repeats the Chinese and glosses are empty.
 * A curated article is returned unchanged.
 */
public final class AutoContent {
    private static final int MIN_SENTENCE = 8;

    private final Article article;
    private final Segmenter segmenter;
    private final List<Sentence> sentences;
    private final Map<Sentence, Double> global = new HashMap<>();
    private final Map<Sentence, List<String>> words = new HashMap<>();

    private AutoContent(Article article, Segmenter segmenter) {
        this.article = article;
        this.segmenter = segmenter;
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
        StandingSpans standing = new StandingSpans(article.lines(), sentences);
        List<Claim> claims = AutoClaims.of(sentences, global, new ClaimSignals(segmenter), standing, summarised);
        List<Quote> quotes = AutoQuotes.of(sentences, global, standing, summarised);
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
