package io.taolun.core.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The disclaimer of an article with no sidecar is found and is never content. */
final class DisclaimersTest {
    /** A disclaimer with figures and short sentences: without the rule it would be claimed, quoted and summarised. */
    static final String DISCLAIMER = "特别声明：以上内容仅代表作者本人的观点，投资需谨慎。请于发布后的30天内联系我们。";

    /** The second article with a disclaimer paragraph of its own at the end. */
    static List<String> withDisclaimer() {
        List<String> lines = new ArrayList<>(SecondArticle.LINES);
        lines.add("");
        lines.add(DISCLAIMER);
        return lines;
    }

    @Test
    void paragraphs_opening_with_a_declaration_word_are_disclaimers() {
        for (String opening : List.of("特别声明：以上", "免责声明 本文", "声明：本文", "声明: 本文", "【免责声明】本文",
                "Disclaimer: the views")) {
            // GIVEN a text whose last paragraph opens so / WHEN its disclaimer is looked for / THEN it is that line
            assertThat(Disclaimers.find(List.of("正文第一段。", "", opening + "仅供参考。"))).as(opening)
                    .isEqualTo(OptionalInt.of(3));
        }
    }

    @Test
    void a_sentence_about_a_declaration_is_not_a_disclaimer_nor_is_a_text_with_nothing_else() {
        // GIVEN 声明 opening a sentence without a colon, and a text that is only a disclaimer
        // WHEN / THEN neither is marked
        assertThat(Disclaimers.find(List.of("正文第一段。", "声明指出，双方将继续合作。"))).isEmpty();
        assertThat(Disclaimers.find(List.of("免责声明：本文仅供参考。"))).isEmpty();
    }

    @Test
    void the_disclaimer_is_never_claimed_quoted_summarised_or_a_section_of_its_own() {
        // GIVEN the second article ending with a disclaimer paragraph
        List<String> lines = withDisclaimer();
        int line = lines.size();

        // WHEN it is loaded with automatic content
        Article article = AutoClaimsTest.auto(lines);

        // THEN the line is the article's disclaimer, and nothing shown comes from it
        assertThat(article.disclaimerLine()).isEqualTo(OptionalInt.of(line));
        assertThat(article.contentLines()).extracting(Line::number).doesNotContain(line);
        assertThat(article.claims()).extracting(Claim::line).doesNotContain(line);
        assertThat(article.quotes()).allSatisfy(q -> assertThat(DISCLAIMER).doesNotContain(q.text()));
        assertThat(article.thesis().orElseThrow().zh()).doesNotContain("特别声明");
        assertThat(article.sections()).allSatisfy(s -> {
            assertThat(s.summary().orElseThrow().zh()).doesNotContain("特别声明");
            assertThat(article.contentLines(s)).isNotEmpty();
        });
    }
}
