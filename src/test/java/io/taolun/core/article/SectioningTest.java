package io.taolun.core.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Where an uncurated article's sections start. */
final class SectioningTest {
    private static final Segmenter PAIRS = Segmenter.characterBigrams();

    @Test
    void blocks_separated_by_blank_lines_are_the_sections() {
        // the second article's author grouped its paragraphs with blank lines; its title line opens the first block
        assertThat(Sectioning.starts(SecondArticle.LINES, PAIRS)).containsExactly(1, 8, 13, 18);
        // a heading at the very end closes the block before it
        assertThat(Sectioning.starts(List.of("第一段。", "第二段。", "", "第三段。", "第四段。", "", "完"), PAIRS))
                .containsExactly(1, 4);
    }

    @Test
    void without_blank_lines_the_breaks_fall_where_the_topic_changes() {
        // GIVEN three topics of five paragraphs each, with no blank lines between them
        List<String> lines = new ArrayList<>();
        IntStream.range(0, 5).forEach(i -> lines.add("铁路和电网改变了城市的交通与电力，铁路网络越来越密。" + i));
        IntStream.range(0, 5).forEach(i -> lines.add("芯片制造需要光刻机，光刻机的精度决定芯片的水平。" + i));
        IntStream.range(0, 5).forEach(i -> lines.add("农民在田里种植水稻，水稻的收成取决于天气和雨水。" + i));

        // THEN the two breaks are between the topics
        assertThat(Sectioning.starts(lines, PAIRS)).containsExactly(1, 6, 11);
    }

    @Test
    void no_break_after_a_line_ending_in_a_colon_nor_before_an_enumeration() {
        // GIVEN ten paragraphs whose topic changes after the third (one break is wanted)
        List<String> plain = topicChangeAfterThird("电网需要调度，电网的规模很大。", "芯片制造需要光刻机，芯片很精密。");
        // THEN the break is there
        assertThat(Sectioning.starts(plain, PAIRS)).containsExactly(1, 4);

        // WHEN the third line ends in a colon, or the fourth opens with 其二
        List<String> colon = topicChangeAfterThird("电网需要调度，电网的规模很大：", "芯片制造需要光刻机，芯片很精密。");
        List<String> enumeration = topicChangeAfterThird("电网需要调度，电网的规模很大。", "其二，芯片制造需要光刻机，芯片很精密。");

        // THEN the break moves elsewhere
        assertThat(Sectioning.starts(colon, PAIRS)).hasSize(2).doesNotContain(4);
        assertThat(Sectioning.starts(enumeration, PAIRS)).hasSize(2).doesNotContain(4);
    }

    private static List<String> topicChangeAfterThird(String third, String fourth) {
        List<String> lines = new ArrayList<>(List.of("城市的电力来自电网，电网连接发电厂。", "电网越来越大，城市的电网需要调度。", third,
                fourth));
        for (int i = 0; i < 6; i++) {
            lines.add("芯片的水平决定算力，光刻机决定芯片" + "甲乙丙丁戊己".charAt(i) + "。");
        }
        return lines;
    }

    @Test
    void sections_hold_at_least_two_paragraphs_and_come_about_one_per_five() {
        // GIVEN 40 paragraphs that all differ
        List<String> lines = IntStream.range(0, 40).mapToObj(i -> "第" + i + "段话说的是" + (char) ('甲' + i)
                + (char) ('乙' + 3 * i) + "的事情。").toList();

        List<Integer> starts = Sectioning.starts(lines, PAIRS);

        // THEN 8 sections, none shorter than two paragraphs
        assertThat(starts).hasSize(8).startsWith(1);
        for (int i = 1; i < starts.size(); i++) {
            assertThat(starts.get(i) - starts.get(i - 1)).isGreaterThanOrEqualTo(Sectioning.MIN_PARAGRAPHS);
        }
        assertThat(lines.size() + 1 - starts.get(starts.size() - 1)).isGreaterThanOrEqualTo(2);
    }

    @Test
    void text_with_a_blank_line_after_every_paragraph_is_tiled_not_cut_at_every_paragraph() {
        // GIVEN 20 paragraphs, each followed by a blank line (as prose copied from a web page often is)
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            lines.add("第" + i + "段话说的是" + (char) ('甲' + i) + (char) ('乙' + 3 * i) + "的事情。");
            lines.add("");
        }

        // THEN it gets about one section per five paragraphs, not twenty
        assertThat(Sectioning.starts(lines, PAIRS)).hasSize(4).startsWith(1);
    }

    @Test
    void headings_in_a_row_join_the_block_after_them() {
        List<String> lines = List.of("第一部分", "", "小标题", "", "第一段。", "第二段。", "", "第二部分", "", "第三段。",
                "第四段。");
        assertThat(Sectioning.starts(lines, PAIRS)).containsExactly(1, 8);
    }

    @Test
    void a_short_text_is_one_section_and_blank_lines_before_it_are_skipped() {
        assertThat(Sectioning.starts(List.of("", "", "只有一句话。"), PAIRS)).containsExactly(3);
        assertThat(Sectioning.starts(List.of("", " "), PAIRS)).isEmpty();
        assertThat(Sectioning.starts(List.of("第一句。", "第二句。", "第三句。"), PAIRS)).containsExactly(1);
    }
}
