package io.taolun.core.article;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An article with its curated content (or none). Lines are the article's own, byte for byte; the disclaimer line, if
 * marked, is never treated as content.
 *
 * @param id       the file name without {@code .txt}
 * @param lines    the article's lines, in order
 * @param sections sections covering every line once, in order
 * @param curated  true when a valid sidecar provided sections, summaries, claims and quotes
 * @param translation the English translation of each content line, by line number; empty when there is none
 */
public record Article(
        String id,
        ArticleMeta meta,
        List<String> lines,
        List<Section> sections,
        List<Claim> claims,
        List<Quote> quotes,
        Optional<Localized> thesis,
        Optional<Closing> closing,
        OptionalInt disclaimerLine,
        boolean curated,
        Map<Integer, String> translation) {

    public Article {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(meta, "meta");
        lines = List.copyOf(lines);
        sections = List.copyOf(sections);
        claims = List.copyOf(claims);
        quotes = List.copyOf(quotes);
        Objects.requireNonNull(thesis, "thesis");
        Objects.requireNonNull(closing, "closing");
        Objects.requireNonNull(disclaimerLine, "disclaimerLine");
        translation = Map.copyOf(translation);
        if (sections.isEmpty()) {
            throw new IllegalArgumentException("article " + id + " has no sections");
        }
    }

    /** The English translation of a line, when the article has one. */
    public Optional<String> translationOf(int line) {
        return Optional.ofNullable(translation.get(line));
    }

    /** The section with this 1-based number. */
    public Optional<Section> section(int number) {
        return number >= 1 && number <= sections.size() ? Optional.of(sections.get(number - 1)) : Optional.empty();
    }

    /** The lines of a section that are content: not blank, not the disclaimer. */
    public List<Line> contentLines(Section section) {
        List<Line> out = new ArrayList<>();
        for (int n = section.firstLine(); n <= section.lastLine(); n++) {
            if (isContent(n)) {
                out.add(new Line(n, lines.get(n - 1)));
            }
        }
        return out;
    }

    /** Every content line of the article, in order. */
    public List<Line> contentLines() {
        List<Line> out = new ArrayList<>();
        sections.forEach(s -> out.addAll(contentLines(s)));
        return out;
    }

    /** The section holding a line. */
    public Section sectionOf(int line) {
        return sections.stream().filter(s -> s.contains(line)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no line " + line));
    }

    /** The claims whose span lies in a section. */
    public List<Claim> claimsIn(Section section) {
        return claims.stream().filter(c -> c.section().equals(section)).toList();
    }

    private boolean isContent(int line) {
        boolean disclaimer = disclaimerLine.isPresent() && disclaimerLine.getAsInt() == line;
        return !disclaimer && !lines.get(line - 1).isBlank();
    }
}
