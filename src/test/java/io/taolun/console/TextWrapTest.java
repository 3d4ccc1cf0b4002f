package io.taolun.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.taolun.core.Lang;
import io.taolun.core.Messages;
import io.taolun.core.TestBot;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    /** Closing punctuation: never the first character of a line. */
    private static final String CLOSING = "，。、；：？！”’）》」』】〉〕］｝…,.;:?!)]}›";
    /** Opening punctuation: never the last character of a line. */
    private static final String OPENING = "“‘（《「『【〈〔［｛([{‹";
    /** Tokens no line may split: placeholders, URLs, poll numbers. */
    private static final Pattern TOKEN = Pattern.compile("<[^<>\\s]+>|‹[^‹›\\s]+›|https?://\\S+|#\\d+");

    @Test
    void the_help_text_keeps_every_rule_at_every_narrow_width() {
        // GIVEN the help text in both languages, which is full of <选项编号>, ‹...› and full-width punctuation
        TestBot bot = TestBot.curated();
        for (String help : List.of(bot.ask("help").plainText(), bot.askInEnglish("help").plainText(),
                Messages.of(Lang.ZH).get("slack.pollUncertain", 12L))) {
            for (int columns = 12; columns <= 60; columns++) {
                // WHEN it is wrapped, THEN no line breaks a rule
                assertKeepsTheRules(help, columns);
            }
        }
    }

    @Test
    void the_article_keeps_every_rule_at_every_narrow_width() {
        // GIVEN every content line of the curated article, and its quotes in 「」 as the console shows them
        List<String> texts = new ArrayList<>();
        var article = TestBot.library().defaultArticle().orElseThrow();
        article.contentLines().forEach(line -> texts.add(line.text()));
        article.quotes().forEach(q -> texts.add("「" + q.text() + "」"));
        for (String text : texts) {
            for (int columns = 12; columns <= 40; columns += 3) {
                assertKeepsTheRules(text, columns);
            }
        }
    }

    @Test
    void a_placeholder_a_url_and_a_poll_number_are_never_split() {
        String text = "请用 /article vote 12 <选项编号> 投票，或按‹选项编号›选择；详见 https://example.org/a/b?c=1 和投票 #12345。";
        for (int columns = 12; columns <= 50; columns++) {
            List<String> lines = TextWrap.wrap(text, columns, "");
            assertThat(lines).as("at %d columns", columns)
                    .anyMatch(l -> l.contains("<选项编号>"))
                    .anyMatch(l -> l.contains("‹选项编号›"))
                    .anyMatch(l -> l.contains("#12345"));
            if (columns >= TextWrap.width("https://example.org/a/b?c=1")) {
                assertThat(lines).as("at %d columns", columns).anyMatch(l -> l.contains("https://example.org/a/b?c=1"));
            }
        }
    }

    @Test
    void a_closing_quote_and_a_full_stop_follow_the_text_they_close() {
        // GIVEN “ and 9 wide characters fill 19 of 20 columns, so ”。 (3 columns) cannot follow on that line
        List<String> lines = TextWrap.wrap("“" + "字".repeat(9) + "”。后面还有字", 20, "");
        // THEN the last character goes down with them rather than ” or 。 starting the next line
        assertThat(lines).containsExactly("“" + "字".repeat(8), "字”。后面还有字");
    }

    /** Over every line: width, no closing punctuation first, no opening punctuation last, tokens whole, text kept. */
    private static void assertKeepsTheRules(String text, int columns) {
        List<String> lines = TextWrap.wrap(text, columns, "");
        for (String line : lines) {
            assertThat(TextWrap.width(line)).as("width at %d columns: %s", columns, line).isLessThanOrEqualTo(columns);
            if (line.isEmpty()) {
                continue;
            }
            assertThat(CLOSING.indexOf(line.codePointAt(0))).as("starts with closing punctuation at %d: %s",
                    columns, line).isNegative();
            assertThat(OPENING.indexOf(line.codePointBefore(line.length()))).as(
                    "ends with opening punctuation at %d: %s", columns, line).isNegative();
        }
        Matcher tokens = TOKEN.matcher(text);
        while (tokens.find()) {
            String token = tokens.group();
            if (TextWrap.width(token) <= columns) {
                assertThat(lines).as("%s whole at %d columns", token, columns).anyMatch(l -> l.contains(token));
            }
        }
        assertThat(String.join("", lines).replaceAll("\\s", "")).isEqualTo(text.replaceAll("\\s", ""));
    }
}
