package io.taolun.core.article;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The claims of an uncurated article: sentences carrying {@link ClaimSignals}, ranked by how many they carry plus
 * their TextRank score, each made to stand alone ({@link StandingSpans}) or left out, with the kind and the question
 * their words suggest.
 */
final class AutoClaims {
    static final int MAX_CLAIMS = 15;
    private static final int MIN_SENTENCE = 8;
    /** A leaning sentence taken with the ones before it may run this long; about two sentences of a paragraph. */
    private static final int MAX_SPAN = 160;

    private AutoClaims() {
    }

    static List<Claim> of(List<Sentence> sentences, Map<Sentence, Double> rank, ClaimSignals signals,
            StandingSpans standing, Map<String, Section> sections) {
        List<Sentence> ranked = sentences.stream()
                .filter(s -> s.length() >= MIN_SENTENCE && signals.count(s.text()) > 0)
                .sorted(Comparator.comparingDouble((Sentence s) -> signals.count(s.text()) + rank.get(s)).reversed())
                .toList();
        List<Sentence> chosen = new ArrayList<>();
        for (Sentence s : ranked) {
            Optional<Sentence> span = standing.of(s, MAX_SPAN);
            if (span.isPresent() && chosen.stream().noneMatch(c -> StandingSpans.overlap(c, span.get()))) {
                chosen.add(span.get());
            }
            if (chosen.size() == MAX_CLAIMS) {
                break;
            }
        }
        chosen.sort(Comparator.comparingInt(Sentence::line).thenComparingInt(Sentence::start));
        List<Claim> claims = new ArrayList<>();
        for (Sentence s : chosen) {
            claims.add(Claim.ofKind("c" + (claims.size() + 1), sections.get(s.section().id()), signals.kind(s.text()),
                    s.text(), s.line(), Localized.both(s.text())));
        }
        return claims;
    }
}
