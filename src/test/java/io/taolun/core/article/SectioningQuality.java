package io.taolun.core.article;

import io.taolun.nlp.HanLpSegmenter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Automatic sections judged against the curated article's 13: where each method starts a section, compared with where
 * the curator did, as precision / recall / F1 of the section starts (line 1 left out, every method starts there),
 * exactly and within one line. The baseline is the one Taolun used before, a section every four lines. Decides
 * nothing. Run with {@code mvn -B -q -Pbench test -Dtest=SectioningQuality}.
 */
@Tag("benchmark")
final class SectioningQuality {
    @Test
    void prints_how_close_automatic_sections_come_to_the_curated_ones() {
        Article curated = new SeedLoader().load(Path.of("seeds")).defaultArticle().orElseThrow();
        List<String> lines = curated.lines();
        Set<Integer> gold = starts(curated.sections().stream().map(Section::firstLine).toList());
        System.out.printf("%nAutomatic sections vs curated, article %s: %d curated sections, starts %s%n",
                curated.id(), curated.sections().size(), gold);
        row("every 4 lines (baseline)", UncuratedArticles.everyFewLines(lines), gold);
        row("tiling, no connectives", Sectioning.starts(lines, Segmenter.characterBigrams(), 0), gold);
        row("tiling, character pairs", Sectioning.starts(lines, Segmenter.characterBigrams()), gold);
        row("tiling, HanLP words", Sectioning.starts(lines, new HanLpSegmenter()), gold);
    }

    private static void row(String name, List<Integer> found, Set<Integer> gold) {
        Set<Integer> mine = starts(found);
        System.out.printf("%-26s %2d sections  exact P %.2f R %.2f F1 %.2f   within 1 line P %.2f R %.2f F1 %.2f"
                + "   starts %s%n", name, found.size(), precision(mine, gold, 0), precision(gold, mine, 0),
                f1(mine, gold, 0), precision(mine, gold, 1), precision(gold, mine, 1), f1(mine, gold, 1), mine);
    }

    private static Set<Integer> starts(List<Integer> firstLines) {
        Set<Integer> out = new TreeSet<>(firstLines);
        out.remove(1);
        return out;
    }

    /** Share of {@code of} that has a start in {@code in} within {@code slack} lines. */
    private static double precision(Set<Integer> of, Set<Integer> in, int slack) {
        if (of.isEmpty()) {
            return 0;
        }
        long hit = of.stream().filter(a -> in.stream().anyMatch(b -> Math.abs(a - b) <= slack)).count();
        return (double) hit / of.size();
    }

    private static double f1(Set<Integer> mine, Set<Integer> gold, int slack) {
        double p = precision(mine, gold, slack);
        double r = precision(gold, mine, slack);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
}
