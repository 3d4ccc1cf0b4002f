package io.taolun.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import io.taolun.core.article.Article;
import io.taolun.core.article.Library;
import io.taolun.core.article.Line;
import io.taolun.core.article.SeedLoader;
import io.taolun.core.search.ArticleIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Search quality and speed, printed as a table: precision@3 and the precision of the paragraphs shown (up to five) of
 * the Lucene index and of the simple matcher on the judged query set, index build time, query latency over the set repeated, and the index's size in memory, for the
 * article alone and inside a library of 200 generated articles. Decides nothing. Run with
 * {@code mvn -B -q -Pbench test -Dtest=SearchBenchmark}.
 *
 * <p>The generated articles are the curated article's paragraphs, shuffled with a seed per article, and about half
 * of them spliced: the first half of one paragraph joined to the second half of another, so the library has the
 * article's vocabulary and term statistics but no two articles alike. Each is loaded from a file, {@code gen-NNN.txt},
 * like any uncurated seed.
 */
@Tag("benchmark")
final class SearchBenchmark {
    private static final int ARTICLES = Integer.getInteger("bench.articles", 200);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 300);
    private static final int WARM_UP = 100;

    @TempDir
    Path dir;

    private record Latency(double p50, double p99) {
    }

    @Test
    void prints_quality_build_time_latency_and_memory() throws IOException {
        Article article = new SeedLoader().load(Path.of("seeds")).defaultArticle().orElseThrow();
        long start = System.nanoTime();
        LuceneIndex first = LuceneIndex.build(List.of(article));
        double firstBuild = millis(System.nanoTime() - start);
        double build = medianBuild(List.of(article));

        Library generated = generate(article);
        assertThat(generated.articles()).hasSize(ARTICLES);
        List<Article> all = new ArrayList<>(generated.articles());
        all.add(article);
        double libraryBuild = medianBuild(all);
        try (LuceneIndex library = LuceneIndex.build(all)) {
            ArticleIndex alone = first.of(article);
            ArticleIndex inLibrary = library.of(article);
            ArticleIndex simple = ArticleIndex.substring(article);
            StringBuilder table = new StringBuilder();
            table.append(String.format(Locale.ROOT, "%nSearch: %d judged queries x %d rounds, %d cores%n",
                    QuerySet.QUERIES.size(), ROUNDS, Runtime.getRuntime().availableProcessors()));
            table.append(String.format(Locale.ROOT, "| %-32s | %10s | %6s | %7s | %8s | %8s | %8s | %9s |%n",
                    "index", "paragraphs", "P@3", "shown P", "build ms", "p50 ms", "p99 ms", "index KiB"));
            table.append("|----------------------------------|------------|--------|---------|----------|----------"
                    + "|----------|-----------|\n");
            row(table, "simple matcher (before)", article.contentLines().size(), simple, 0, latency(simple), 0);
            row(table, "Lucene, the article", first.paragraphs(), alone, build, latency(alone), first.bytes());
            row(table, "Lucene, article in " + ARTICLES + " more", library.paragraphs(), inLibrary, libraryBuild,
                    latency(inLibrary), library.bytes());
            table.append(String.format(Locale.ROOT,
                    "First build in a fresh JVM, loading the smartcn dictionary: %.0f ms%n", firstBuild));
            System.out.println(table);
        } finally {
            first.close();
        }
    }

    private static void row(StringBuilder table, String name, int paragraphs, ArticleIndex index, double buildMs,
            Latency latency, long bytes) {
        table.append(String.format(Locale.ROOT, "| %-32s | %10d | %6.3f | %7.3f | %8s | %8.3f | %8.3f | %9s |%n",
                name, paragraphs, QuerySet.precisionAt3(index), QuerySet.shownPrecision(index),
                buildMs == 0 ? "-" : String.format(Locale.ROOT, "%.1f", buildMs), latency.p50(), latency.p99(),
                bytes == 0 ? "-" : String.valueOf(bytes / 1024)));
    }

    /** Each query of the set, five hits, as the command asks; the first rounds warm the JIT and are not counted. */
    private static Latency latency(ArticleIndex index) {
        List<QuerySet.Judged> queries = QuerySet.QUERIES;
        long[] nanos = new long[ROUNDS * queries.size()];
        int n = 0;
        for (int round = -WARM_UP; round < ROUNDS; round++) {
            for (QuerySet.Judged judged : queries) {
                long start = System.nanoTime();
                index.search(judged.query(), 5);
                long took = System.nanoTime() - start;
                if (round >= 0) {
                    nanos[n++] = took;
                }
            }
        }
        Arrays.sort(nanos);
        return new Latency(millis(nanos[nanos.length / 2]), millis(nanos[(int) (nanos.length * 0.99)]));
    }

    private static double medianBuild(List<Article> articles) throws IOException {
        double[] runs = new double[5];
        for (int i = 0; i < runs.length; i++) {
            long start = System.nanoTime();
            LuceneIndex.build(articles).close();
            runs[i] = millis(System.nanoTime() - start);
        }
        Arrays.sort(runs);
        return runs[runs.length / 2];
    }

    private Library generate(Article article) throws IOException {
        List<String> paragraphs = article.contentLines().stream().map(Line::text).toList();
        for (int i = 0; i < ARTICLES; i++) {
            Random random = new Random(i);
            List<String> shuffled = new ArrayList<>(paragraphs);
            Collections.shuffle(shuffled, random);
            List<String> out = new ArrayList<>();
            for (String paragraph : shuffled) {
                if (random.nextBoolean()) {
                    String other = paragraphs.get(random.nextInt(paragraphs.size()));
                    paragraph = paragraph.substring(0, paragraph.length() / 2) + other.substring(other.length() / 2);
                }
                out.add(paragraph);
            }
            Files.writeString(dir.resolve(String.format(Locale.ROOT, "gen-%03d.txt", i)), String.join("\n", out));
        }
        return new SeedLoader().load(dir);
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }
}
