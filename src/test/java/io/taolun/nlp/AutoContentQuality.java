package io.taolun.nlp;

import io.taolun.core.article.Article;
import io.taolun.core.article.AutoContent;
import io.taolun.core.article.Claim;
import io.taolun.core.article.Line;
import io.taolun.core.article.Quote;
import io.taolun.core.article.Section;
import io.taolun.core.article.Segmenter;
import io.taolun.core.article.SeedLoader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The automatic path judged against the curated article: its content is dropped (the curated section boundaries are
 * kept, so summaries can be compared section by section) and extracted again from the text. Prints, for HanLP words
 * and for character pairs: claims and quotes as precision / recall by line, and each section summary's
 * character-bigram recall of the curated Chinese summary (ROUGE-2-like), with the section's first line as a
 * baseline; and how long an extraction takes. Decides nothing. Run with {@code mvn -B -q -Pbench test -Dtest=AutoContentQuality}.
 */
@Tag("benchmark")
final class AutoContentQuality {
    @Test
    void prints_overlap_with_the_curated_content() {
        Article curated = new SeedLoader().load(Path.of("seeds")).defaultArticle().orElseThrow();
        Article bare = stripped(curated);
        System.out.printf("%nAutomatic content vs curated, article %s (%d curated claims, %d curated quotes)%n",
                curated.id(), curated.claims().size(), curated.quotes().size());
        long start = System.nanoTime();
        Article hanlp = AutoContent.of(bare, new HanLpSegmenter());
        double cold = (System.nanoTime() - start) / 1e6;
        report("HanLP words", curated, hanlp);
        report("character pairs", curated, AutoContent.of(bare, Segmenter.characterBigrams()));
        System.out.printf("%nextraction time: HanLP first call %.0f ms (dictionaries load), then median %.1f ms;"
                + " character pairs median %.1f ms%n", cold, median(bare, new HanLpSegmenter()),
                median(bare, Segmenter.characterBigrams()));
    }

    private static double median(Article bare, Segmenter segmenter) {
        double[] ms = new double[21];
        for (int i = 0; i < ms.length; i++) {
            long start = System.nanoTime();
            AutoContent.of(bare, segmenter);
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        java.util.Arrays.sort(ms);
        return ms[ms.length / 2];
    }

    private static void report(String name, Article curated, Article auto) {
        Set<Integer> goldClaims = curated.claims().stream().map(Claim::line).collect(Collectors.toSet());
        Set<Integer> autoClaims = auto.claims().stream().map(Claim::line).collect(Collectors.toSet());
        Set<Integer> goldQuotes = quoteLines(curated);
        Set<Integer> autoQuotes = quoteLines(auto);
        System.out.printf("%n[%s]%n", name);
        System.out.printf("claims  %2d found: precision by line %.2f, recall by line %.2f%n", auto.claims().size(),
                share(auto.claims().stream().map(Claim::line).toList(), goldClaims),
                share(curated.claims().stream().map(Claim::line).toList(), autoClaims));
        System.out.printf("quotes  %2d found: precision by line %.2f, recall by line %.2f%n", auto.quotes().size(),
                share(lines(auto), goldQuotes), share(lines(curated), autoQuotes));
        double sum = 0;
        double baseline = 0;
        StringBuilder row = new StringBuilder();
        for (Section gold : curated.sections()) {
            String reference = gold.summary().orElseThrow().zh();
            Section mine = auto.section(gold.number()).orElseThrow();
            double r = rouge2Recall(mine.summary().orElseThrow().zh(), reference);
            sum += r;
            baseline += rouge2Recall(curated.contentLines(gold).get(0).text(), reference);
            row.append(String.format(" %s %.2f", gold.id(), r));
        }
        int n = curated.sections().size();
        System.out.printf("summary bigram recall by section:%s%n", row);
        System.out.printf("summary bigram recall, mean %.2f (first line of each section: %.2f)%n", sum / n,
                baseline / n);
    }

    /** The article with its sections but no summaries, thesis, claims or quotes, and not curated. */
    private static Article stripped(Article a) {
        List<Section> sections = a.sections().stream().map(s -> new Section(s.id(), s.number(), s.title(),
                s.firstLine(), s.lastLine(), Optional.empty())).toList();
        return new Article(a.id(), a.meta(), a.lines(), sections, List.of(), List.of(), Optional.empty(),
                a.closing(), a.disclaimerLine(), false, java.util.Map.of());
    }

    private static Set<Integer> quoteLines(Article a) {
        return new TreeSet<>(lines(a));
    }

    /** The line of each quote: the first line of its section that holds its text (-1 if none does). */
    private static List<Integer> lines(Article a) {
        return a.quotes().stream().map(q -> lineOf(a, q)).toList();
    }

    private static int lineOf(Article a, Quote q) {
        return a.contentLines(q.section()).stream().filter(l -> l.text().contains(q.text())).map(Line::number)
                .findFirst().orElse(-1);
    }

    private static double share(List<Integer> items, Set<Integer> hits) {
        return items.isEmpty() ? 0 : (double) items.stream().filter(hits::contains).count() / items.size();
    }

    /** Clipped share of the reference's character bigrams (letters and digits only) found in the candidate. */
    static double rouge2Recall(String candidate, String reference) {
        Map<String, Integer> have = bigrams(candidate);
        Map<String, Integer> want = bigrams(reference);
        int total = want.values().stream().mapToInt(Integer::intValue).sum();
        int hit = 0;
        for (Map.Entry<String, Integer> e : want.entrySet()) {
            hit += Math.min(e.getValue(), have.getOrDefault(e.getKey(), 0));
        }
        return total == 0 ? 0 : (double) hit / total;
    }

    private static Map<String, Integer> bigrams(String text) {
        int[] cps = text.codePoints().filter(Character::isLetterOrDigit).map(Character::toLowerCase).toArray();
        Map<String, Integer> out = new HashMap<>();
        for (int i = 0; i + 1 < cps.length; i++) {
            out.merge(new String(cps, i, 2), 1, Integer::sum);
        }
        return out;
    }
}
