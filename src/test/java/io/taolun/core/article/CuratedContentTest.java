package io.taolun.core.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Editorial rules for the curated content of the real article. The loader accepts any sidecar that matches the text;
 * these rules keep the one we ship worth discussing.
 */
final class CuratedContentTest {
    private static final int DISCLAIMER = 65;
    private static final Pattern ZH_SENTENCE_END = Pattern.compile("(?<=[。！？!?])");
    private static final Pattern EN_SENTENCE_END = Pattern.compile("(?<=[.!?][\"”]?)\\s+(?=[\"“]?[A-Z])");
    /** Pieces of the disclaimer long enough that finding one elsewhere means the disclaimer was copied. */
    private static final Pattern DISCLAIMER_PIECES = Pattern.compile("[,\\uFF0C\\u3002:\\uFF1A;\\uFF1B]");

    private static Article article;

    @BeforeAll
    static void loadTheRealArticle() {
        article = new SeedLoader().load(Path.of("seeds")).defaultArticle().orElseThrow();
    }

    @Test
    void the_article_has_10_to_14_sections() {
        // GIVEN the real curated article
        // WHEN its sections are counted
        int sections = article.sections().size();

        // THEN there are enough to walk through it and few enough to list in one message
        assertThat(sections).isBetween(10, 14);
    }

    @Test
    void the_article_has_at_least_12_claims() {
        // GIVEN the real curated article
        // WHEN its claims are counted
        int claims = article.claims().size();

        // THEN there are enough to poll on
        assertThat(claims).isGreaterThanOrEqualTo(12);
    }

    @Test
    void claim_ids_run_from_c1_to_cn_in_order() {
        // GIVEN the real curated article
        // WHEN the claim ids are listed in sidecar order
        List<String> ids = article.claims().stream().map(Claim::id).toList();

        // THEN they are c1, c2, ... with nothing skipped or out of place
        List<String> expected = IntStream.rangeClosed(1, ids.size()).mapToObj(n -> "c" + n).toList();
        assertThat(ids).containsExactlyElementsOf(expected);
    }

    @Test
    void every_claim_kind_is_used_at_least_once() {
        // GIVEN the real curated article
        // WHEN the kinds of its claims are collected
        Set<ClaimKind> kinds = article.claims().stream().map(Claim::kind)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ClaimKind.class)));

        // THEN facts, opinions and predictions are all there to poll on
        assertThat(kinds).containsExactlyInAnyOrder(ClaimKind.values());
    }

    @Test
    void the_article_has_at_least_20_quotes() {
        // GIVEN the real curated article
        // WHEN its quotes are counted
        int quotes = article.quotes().size();

        // THEN there are enough for a quote of the day for weeks
        assertThat(quotes).isGreaterThanOrEqualTo(20);
    }

    @Test
    void every_chinese_summary_has_2_to_4_sentences() {
        // GIVEN the real curated article
        // WHEN the sentences of each Chinese summary are counted
        // THEN each summary has between two and four
        assertThat(article.sections()).allSatisfy(section -> assertThat(
                sentences(section.summary().orElseThrow().zh(), ZH_SENTENCE_END))
                .as("sentences in the zh summary of %s", section.id())
                .hasSizeBetween(2, 4));
    }

    @Test
    void every_english_summary_has_2_to_4_sentences() {
        // GIVEN the real curated article
        // WHEN the sentences of each English summary are counted
        // THEN each summary has between two and four
        assertThat(article.sections()).allSatisfy(section -> assertThat(
                sentences(section.summary().orElseThrow().en(), EN_SENTENCE_END))
                .as("sentences in the en summary of %s", section.id())
                .hasSizeBetween(2, 4));
    }

    @Test
    void no_claim_is_taken_from_the_disclaimer() {
        // GIVEN the real curated article and its disclaimer line
        String disclaimer = disclaimerText();

        // WHEN its claims are checked against the disclaimer
        // THEN none lies on the disclaimer line or repeats any of its text
        assertThat(article.claims()).allSatisfy(claim -> {
            assertThat(claim.line()).as("line of %s", claim.id()).isNotEqualTo(DISCLAIMER);
            assertThat(disclaimer).as("disclaimer vs %s", claim.id()).doesNotContain(claim.text());
            assertThat(claim.text()).as("%s vs disclaimer", claim.id()).doesNotContain(disclaimerPieces());
        });
    }

    @Test
    void no_quote_is_taken_from_the_disclaimer() {
        // GIVEN the real curated article and its disclaimer line
        String disclaimer = disclaimerText();

        // WHEN its quotes are checked against the disclaimer
        // THEN none repeats any of its text
        assertThat(article.quotes()).allSatisfy(quote -> {
            assertThat(disclaimer).as("disclaimer vs %s", quote.id()).doesNotContain(quote.text());
            assertThat(quote.text()).as("%s vs disclaimer", quote.id()).doesNotContain(disclaimerPieces());
        });
    }

    @Test
    void no_summary_repeats_the_disclaimer() {
        // GIVEN the real curated article and the pieces of its disclaimer line
        String[] pieces = disclaimerPieces();

        // WHEN its summaries are checked against the disclaimer
        // THEN none repeats any piece of it, in either language
        assertThat(article.sections()).allSatisfy(section -> {
            Localized summary = section.summary().orElseThrow();
            assertThat(summary.zh()).as("zh summary of %s", section.id()).doesNotContain(pieces);
            assertThat(summary.en()).as("en summary of %s", section.id()).doesNotContain(pieces)
                    .doesNotContainIgnoringCase("Hehson");
        });
    }

    @Test
    void the_closing_is_line_64_asking_what_the_reader_thinks_with_a_gloss() {
        // GIVEN the real curated article
        // WHEN its closing is read
        Closing closing = article.closing().orElseThrow();

        // THEN it is line 64, 你觉得呢?, exactly as in the text, with an English gloss
        assertThat(closing.line()).isEqualTo(64);
        assertThat(closing.text()).isEqualTo("你觉得呢?");
        assertThat(article.lines().get(63)).isEqualTo("你觉得呢?");
        assertThat(closing.gloss()).isNotBlank();
    }

    private static String disclaimerText() {
        String line = article.lines().get(DISCLAIMER - 1);
        assertThat(line).as("line %d", DISCLAIMER).startsWith("特别声明");
        return line;
    }

    /** The disclaimer cut at its punctuation, keeping the pieces of four characters or more. */
    private static String[] disclaimerPieces() {
        String[] pieces = Arrays.stream(DISCLAIMER_PIECES.split(disclaimerText()))
                .map(String::strip).filter(p -> p.length() >= 4).toArray(String[]::new);
        assertThat(pieces).as("pieces of the disclaimer").hasSizeGreaterThan(2);
        return pieces;
    }

    private static List<String> sentences(String text, Pattern end) {
        return Arrays.stream(end.split(text.strip())).filter(s -> !s.isBlank()).toList();
    }
}
