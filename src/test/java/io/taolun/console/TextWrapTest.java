package io.taolun.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

final class TextWrapTest {
    @Test
    void chinese_characters_count_as_two_columns() {
        assertThat(TextWrap.width("中文ab")).isEqualTo(6);
    }

    @Test
    void chinese_text_wraps_at_the_width_counting_two_columns_each() {
        // GIVEN 50 Chinese characters = 100 columns
        List<String> lines = TextWrap.wrap("字".repeat(50), 80, "");
        // THEN 40 characters fill the first line exactly
        assertThat(lines).containsExactly("字".repeat(40), "字".repeat(10));
    }

    @Test
    void english_text_breaks_between_words() {
        List<String> lines = TextWrap.wrap("alpha beta gamma delta", 12, "");
        assertThat(lines).containsExactly("alpha beta", "gamma delta");
    }

    @Test
    void closing_punctuation_never_starts_a_line() {
        // GIVEN a line that would otherwise break right before the full stop
        List<String> lines = TextWrap.wrap("字".repeat(40) + "。后", 80, "");
        assertThat(lines).allSatisfy(l -> assertThat(l).doesNotStartWith("。"));
        assertThat(lines).allSatisfy(l -> assertThat(TextWrap.width(l)).isLessThanOrEqualTo(80));
        assertThat(String.join("", lines)).isEqualTo("字".repeat(40) + "。后");
    }

    @Test
    void a_word_longer_than_the_line_is_split_rather_than_overflowing() {
        List<String> lines = TextWrap.wrap("x".repeat(200), 80, "  ");
        assertThat(lines).allSatisfy(l -> assertThat(TextWrap.width(l)).isLessThanOrEqualTo(80));
        assertThat(String.join("", lines).replace(" ", "")).hasSize(200);
    }

    @Test
    void mixed_chinese_and_latin_keeps_every_character_in_order() {
        String text = "首先,资源消耗指数级膨胀:GPT-4训练成本达1亿美元,芯片产线一条超过100亿人民币。".repeat(3);
        List<String> lines = TextWrap.wrap(text, 30, "");
        assertThat(String.join("", lines)).isEqualTo(text);
        assertThat(lines).allSatisfy(l -> assertThat(TextWrap.width(l)).isLessThanOrEqualTo(30));
    }
}
