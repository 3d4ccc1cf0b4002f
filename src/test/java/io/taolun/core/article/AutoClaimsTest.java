package io.taolun.core.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Automatic claims stand alone and ask the question that fits their kind. */
final class AutoClaimsTest {
    @TempDir
    java.nio.file.Path dir;

    static Article auto(List<String> lines) {
        Segmenter words = Segmenter.characterBigrams();
        return AutoContent.of(UncuratedArticles.of("x", lines, words), words);
    }

    @Test
    void a_claim_opening_with_a_connective_takes_in_the_sentence_before_it_on_its_line() {
        // GIVEN a figure in a sentence that opens with 但, after a sentence that stands
        Article article = auto(List.of(
                "储能的账本",
                "储能电站是城市的电池。但它的寿命仍然只有10年左右。",
                "城市的用电高峰越来越尖，电网的压力越来越大。"));

        // WHEN its claims are extracted
        // THEN the claim is both sentences, verbatim, and no claim opens with the connective
        assertThat(article.claims()).extracting(Claim::text)
                .contains("储能电站是城市的电池。但它的寿命仍然只有10年左右。")
                .noneMatch(Fragments::leans);
    }

    @Test
    void a_claim_opening_with_a_demonstrative_with_nothing_before_it_is_left_out() {
        // GIVEN figures in a line that opens with 这些
        Article article = auto(List.of(
                "储能的账本",
                "这些电站的投资去年超过了300亿元。",
                "储能电站的造价五年里下降了30%。"));

        // WHEN its claims are extracted
        // THEN the leaning line gives no claim, the other one does
        assertThat(article.claims()).extracting(Claim::text).containsExactly("储能电站的造价五年里下降了30%。");
    }

    @Test
    void each_kind_of_claim_asks_the_question_that_fits_it() {
        // WHEN the second article is loaded
        Article article = SecondArticle.load(dir);

        // THEN an opinion asks for agreement, a prediction whether it will happen, a recommendation whether it
        // should, and a fact is kept out of bare polls
        assertThat(claim(article, "比同等规模的燃气电站更高")).satisfies(c -> fits(c, ClaimKind.OPINION, Scale.LIKERT));
        assertThat(claim(article, SecondArticle.PREDICTION)).satisfies(c -> fits(c, ClaimKind.PREDICTION, Scale.WILL));
        assertThat(claim(article, "必须一起改变")).satisfies(c -> fits(c, ClaimKind.RECOMMENDATION, Scale.SHOULD));
        assertThat(claim(article, SecondArticle.FIGURE)).satisfies(c -> {
            fits(c, ClaimKind.FACT, Scale.ACCURATE);
            assertThat(c.kind().debatable()).isFalse();
        });
    }

    @Test
    void each_kind_of_automatic_claim_gets_its_kinds_template_prompts_marked_automatic() {
        // WHEN the second article (no sidecar) is loaded
        Article article = SecondArticle.load(dir);

        // THEN every claim carries its kind's prompts, each marked automatic, in both languages
        assertThat(article.claims()).isNotEmpty().allSatisfy(c -> {
            assertThat(c.prompts()).as(c.id()).isEqualTo(Prompt.automatic(c.kind())).allMatch(Prompt::automatic)
                    .hasSizeBetween(Prompt.MIN, Prompt.MAX);
            assertThat(c.prompts()).allSatisfy(p -> {
                assertThat(p.text().zh()).containsPattern("\\p{IsHan}");
                assertThat(p.text().en()).doesNotContainPattern("\\p{IsHan}|'|\\{");
            });
        });
        // AND a prediction is asked about what could make it fail, not for a counter-example of an opinion
        assertThat(claim(article, SecondArticle.PREDICTION).prompts().get(0).text().en())
                .isEqualTo("What could make this prediction fail?");
        assertThat(java.util.Arrays.stream(ClaimKind.values()).map(Prompt::automatic).distinct()).hasSize(4);
    }

    private static Claim claim(Article article, String words) {
        return article.claims().stream().filter(c -> c.text().contains(words)).findFirst().orElseThrow(
                () -> new AssertionError("no claim with " + words + " among " + article.claims()));
    }

    private static void fits(Claim c, ClaimKind kind, Scale scale) {
        assertThat(c.kind()).isEqualTo(kind);
        assertThat(c.question()).isEqualTo(kind.defaultQuestion());
        assertThat(c.options()).isEqualTo(scale.options());
    }
}
