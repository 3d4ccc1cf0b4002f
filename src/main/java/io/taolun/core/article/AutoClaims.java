package io.taolun.core.article;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The claims of an uncurated article: sentences carrying {@link ClaimSignals}, ranked by how many they carry plus
 * their TextRank score, at most one per line, each made to stand alone ({@link StandingSpans}) or left out, with the
 * kind and the question their words suggest.
 */
final class AutoClaims {
    static final int MAX_CLAIMS = 15;
    private static final int MIN_SENTENCE = 8;
    /** A leaning sentence taken with the ones before it may run this long; about two sentences of a paragraph. */
    private static final int MAX_SPAN = 160;
    /** A sentence ending in a colon introduces what follows (我们需要多条腿走路:); it claims nothing itself. */
    private static final Pattern INTRODUCES = Pattern.compile("[:：]\\s*$");

    private AutoClaims() {
    }

    static List<Claim> of(List<Sentence> sentences, Map<Sentence, Double> rank, ClaimSignals signals,
            StandingSpans standing, Map<String, Section> sections) {
        Map<Sentence, Integer> count = new HashMap<>();
        for (Sentence s : sentences) {
            if (s.length() >= MIN_SENTENCE && !INTRODUCES.matcher(s.text()).find()) {
                count.put(s, signals.count(s.text()));
            }
        }
        List<Sentence> ranked = count.keySet().stream().filter(s -> count.get(s) > 0)
                .sorted(Comparator.comparingDouble((Sentence s) -> count.get(s) + rank.get(s)).reversed()
                        .thenComparingInt(Sentence::line).thenComparingInt(Sentence::start))
                .toList();
        List<Sentence> chosen = new ArrayList<>();
        for (Sentence s : ranked) {
            Optional<Sentence> span = standing.of(s, MAX_SPAN);
            // one claim per paragraph, its strongest: fifteen claims then cover fifteen paragraphs of the argument
            if (span.isPresent() && chosen.stream().noneMatch(c -> c.line() == span.get().line())) {
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
