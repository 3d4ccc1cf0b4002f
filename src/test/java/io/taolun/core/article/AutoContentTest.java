package io.taolun.core.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Automatic summaries, claims and quotes of an article with no sidecar: verbatim, in place, well numbered. */
final class AutoContentTest {
    @TempDir
    Path dir;

    @Test
    void sentences_end_at_full_stops_and_line_ends_but_never_at_commas() {
        // GIVEN a line with commas, two kinds of full stop and a closing quote after one of them
        Section s = new Section("s1", 1, Localized.both("t"), 1, 1, java.util.Optional.empty());

        // WHEN it is split
        List<String> sentences = Sentence.split(1, " 甲，乙,丙。他说：“好！”然后呢? 没有结尾", s).stream()
                .map(Sentence::text).toList();

        // THEN commas stay inside, the closing quote stays with its sentence, and the tail is a sentence too
        assertThat(sentences).containsExactly("甲，乙,丙。", "他说：“好！”", "然后呢?", "没有结尾");
    }

    @Test
    void every_section_gets_a_summary_of_one_or_two_whole_sentences_of_its_own_text() {
        // WHEN the article without a sidecar is loaded
        Article article = SecondArticle.load(dir);

        // THEN each section's summary is made of 1 or 2 sentences, each verbatim from that section's lines
        assertThat(article.curated()).isFalse();
        for (Section section : article.sections()) {
            List<String> own = sentencesOf(article, section);
            List<String> summary = sentences(section.summary().orElseThrow().zh());
            assertThat(summary).hasSizeBetween(1, 2).allSatisfy(x -> assertThat(own).contains(x));
            assertThat(section.summary().orElseThrow().en()).isEqualTo(section.summary().orElseThrow().zh());
        }
    }

    @Test
    void the_whole_article_summary_is_three_to_five_sentences_in_the_articles_order() {
        // WHEN the article without a sidecar is loaded
        Article article = SecondArticle.load(dir);

        // THEN its thesis holds 3 to 5 verbatim sentences, in the order the article has them
        List<String> all = Sentence.of(article).stream().map(Sentence::text).toList();
        List<String> thesis = sentences(article.thesis().orElseThrow().zh());
        assertThat(thesis).hasSizeBetween(3, 5);
        assertThat(thesis.stream().map(all::indexOf).toList()).doesNotContain(-1).isSorted();
    }

    @Test
    void claims_are_verbatim_sentences_with_signals_numbered_in_order_and_kinded() {
        // WHEN the article without a sidecar is loaded
        Article article = SecondArticle.load(dir);

        // THEN there are claims, at most 15, numbered c1.. in article order, each a sentence on its line and section
        List<Claim> claims = article.claims();
        assertThat(claims).isNotEmpty().hasSizeLessThanOrEqualTo(AutoClaims.MAX_CLAIMS);
        for (int i = 0; i < claims.size(); i++) {
            Claim c = claims.get(i);
            assertThat(c.id()).isEqualTo("c" + (i + 1));
            assertThat(article.lines().get(c.line() - 1)).contains(c.text());
            assertThat(c.section()).isEqualTo(article.sectionOf(c.line()));
            assertThat(new ClaimSignals(Segmenter.characterBigrams()).count(c.text())).isPositive();
        }
        assertThat(claims).extracting(Claim::line).isSorted();
        // AND the sentence of figures is a fact, the forecast a prediction
        assertThat(claims).filteredOn(c -> c.text().equals(SecondArticle.FIGURE)).singleElement()
                .extracting(Claim::kind).isEqualTo(ClaimKind.FACT);
        assertThat(claims).filteredOn(c -> c.text().equals(SecondArticle.PREDICTION)).singleElement()
                .extracting(Claim::kind).isEqualTo(ClaimKind.PREDICTION);
    }

    @Test
    void quotes_include_the_quoted_phrase_and_are_verbatim_numbered_and_short() {
        // WHEN the article without a sidecar is loaded
        Article article = SecondArticle.load(dir);

        // THEN the phrase in quotation marks is a quote, and every quote is a short verbatim span of its section
        List<Quote> quotes = article.quotes();
        assertThat(quotes).extracting(Quote::text).contains(SecondArticle.QUOTED);
        assertThat(quotes).hasSizeLessThanOrEqualTo(AutoQuotes.MAX_QUOTES);
        for (int i = 0; i < quotes.size(); i++) {
            Quote q = quotes.get(i);
            assertThat(q.number()).isEqualTo(i + 1);
            assertThat(q.id()).isEqualTo("q" + (i + 1));
            assertThat(q.text().codePointCount(0, q.text().length())).isBetween(4, 40);
            assertThat(article.contentLines(q.section())).anySatisfy(l -> assertThat(l.text()).contains(q.text()));
        }
    }

    @Test
    void the_curated_article_loads_unchanged_next_to_an_uncurated_one() throws IOException {
        // GIVEN a copy of the seeds with a second article that has no sidecar
        try (Stream<Path> files = Files.list(Path.of("seeds"))) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        SecondArticle.writeInto(dir);

        // WHEN both are loaded
        Library library = new SeedLoader().load(dir);

        // THEN the curated one is exactly what the seeds alone give, and the other has automatic content
        Article curated = new SeedLoader().load(Path.of("seeds")).defaultArticle().orElseThrow();
        assertThat(library.articles()).hasSize(2).contains(curated);
        assertThat(library.articles()).filteredOn(a -> a.id().equals(SecondArticle.ID)).singleElement()
                .satisfies(a -> {
                    assertThat(a.claims()).isNotEmpty();
                    assertThat(a.quotes()).isNotEmpty();
                    assertThat(a.thesis()).isPresent();
                });
        assertThat(library.warnings()).isEmpty();
    }

    @Test
    void a_curated_article_passes_through_untouched() {
        // GIVEN the curated article
        Article curated = new SeedLoader().load(Path.of("seeds")).defaultArticle().orElseThrow();

        // WHEN automatic content is asked for it
        Article after = AutoContent.of(curated, Segmenter.characterBigrams());

        // THEN it is the same article
        assertThat(after).isSameAs(curated);
    }

    private static List<String> sentencesOf(Article article, Section section) {
        return article.contentLines(section).stream()
                .flatMap(l -> Sentence.split(l.number(), l.text(), section).stream()).map(Sentence::text).toList();
    }

    /** A summary back into its sentences: the same splitting, line by line. */
    private static List<String> sentences(String summary) {
        Section any = new Section("s1", 1, Localized.both("t"), 1, 1, java.util.Optional.empty());
        return Arrays.stream(summary.split("\n")).flatMap(l -> Sentence.split(1, l, any).stream())
                .map(Sentence::text).toList();
    }
}
