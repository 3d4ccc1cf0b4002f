package io.taolun.core.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A long text with no sidecar is held to a readable number of sections, of about equal length. */
final class SectionCapTest {
    /** 600 paragraphs, each on its own theme word, in blocks of three separated by blank lines (a man page's shape). */
    private static List<String> manPage(boolean blocks) {
        List<String> lines = new ArrayList<>();
        for (int p = 1; p <= 600; p++) {
            lines.add("第" + p + "段讲的是选项" + (p % 37) + "，它控制程序的行为" + (p % 11) + "。");
            if (blocks && p % 3 == 0 && p < 600) {
                lines.add("");
            }
        }
        return lines;
    }

    @Test
    void a_text_of_two_hundred_blocks_gets_fourteen_sections_of_about_equal_length() {
        // GIVEN 600 paragraphs grouped by blank lines into 200 blocks, which would be 200 sections
        List<String> lines = manPage(true);

        // WHEN it is loaded as an article with no sidecar
        Article article = AutoClaimsTest.auto(lines);

        // THEN it has 14 sections, each starting a block, each holding 600/14 paragraphs give or take a block
        assertThat(article.sections()).hasSize(SectionCap.MAX_SECTIONS);
        assertThat(article.sections()).allSatisfy(s -> {
            assertThat(lines.get(s.firstLine() - 1)).isNotBlank();
            assertThat(s.firstLine() == 1 || lines.get(s.firstLine() - 2).isBlank()).isTrue();
            assertThat(article.contentLines(s).size()).isBetween(600 / 14 - 3, 600 / 14 + 3);
        });
    }

    @Test
    void a_long_text_without_blank_lines_is_tiled_into_fourteen_sections_of_about_equal_length() {
        // GIVEN 600 paragraphs with no blank line, which tiling would cut into 120 sections
        // WHEN it is loaded as an article with no sidecar
        Article article = AutoClaimsTest.auto(manPage(false));

        // THEN it has 14 sections, none under half its share of 600/14 paragraphs or over one and a half
        assertThat(article.sections()).hasSize(SectionCap.MAX_SECTIONS);
        assertThat(article.sections()).allSatisfy(s -> assertThat(article.contentLines(s).size())
                .isBetween(21, 65));
    }

    @Test
    void fewer_starts_than_the_ceiling_are_kept_as_they_are() {
        // GIVEN five sections of a short text
        List<Integer> starts = List.of(1, 4, 9, 12, 20);

        // WHEN capped / THEN nothing changes
        assertThat(SectionCap.evenly(starts, java.util.stream.IntStream.rangeClosed(1, 25).boxed().toList()))
                .isEqualTo(starts);
    }

    @Test
    void merging_keeps_the_first_start_and_the_ones_nearest_to_equal_shares() {
        // GIVEN ten one-paragraph sections, to be held to five
        List<Integer> lines = java.util.stream.IntStream.rangeClosed(1, 10).boxed().toList();

        // WHEN capped / THEN every second start is kept: five sections of two paragraphs
        assertThat(SectionCap.evenly(lines, lines, 5)).containsExactly(1, 3, 5, 7, 9);
    }
}
