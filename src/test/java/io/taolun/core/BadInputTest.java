package io.taolun.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

final class BadInputTest {
    private final TestBot bot = TestBot.curated();

    static Stream<Arguments> badInputs() {
        return Stream.of(
                Arguments.of("frobnicate", "/article <help"),
                Arguments.of("section 999", "/article section"),
                Arguments.of("section -1", "/article section"),
                Arguments.of("section 0", "/article section"),
                Arguments.of("section 99999999999999999999", "/article section"),
                Arguments.of("section", "/article section"),
                Arguments.of("section 没有这个标题", "/article section"),
                Arguments.of("section \"\"", "/article section"),
                Arguments.of("section “”", "/article section"),
                Arguments.of("summary 999", "/article summary"),
                Arguments.of("quote 0", "/article quote"),
                Arguments.of("quote 999", "/article quote"),
                Arguments.of("quote tomorrow", "/article quote"),
                Arguments.of("quote 1 2", "/article quote"),
                Arguments.of("quote q", "/article quote"),
                Arguments.of("quote qx", "/article quote"),
                Arguments.of("quote q0", "/article quote"),
                Arguments.of("quote q999", "/article quote"),
                Arguments.of("claims 99", "/article claims"),
                Arguments.of("search", "/article search"),
                Arguments.of("search    ", "/article search"),
                Arguments.of("search " + "长".repeat(300), "/article search"),
                Arguments.of("about extra", "/article about"),
                Arguments.of("quote --colour red", "/article quote"),
                Arguments.of("quote --lang", "/article <help"),
                Arguments.of("quote --lang fr", "/article <help"),
                Arguments.of("search \"unclosed", "/article <help"),
                Arguments.of("x".repeat(10 * 1024), "/article <help"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void bad_input_gets_a_short_ephemeral_answer_with_the_usage_line(String input, String usagePrefix) {
        // WHEN
        Reply reply = bot.ask(input);
        // THEN
        assertThat(reply.error()).isTrue();
        assertThat(reply.visibility()).isEqualTo(Visibility.EPHEMERAL);
        assertThat(reply.fields()).singleElement().satisfies(f -> assertThat(f.value()).startsWith(usagePrefix));
        assertThat(reply.plainText()).hasSizeLessThan(600).doesNotContain("Exception", "\tat ");
        assertThat(bot.failures).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void bad_input_in_english_is_answered_in_english(String input, String usagePrefix) {
        Reply reply = bot.askInEnglish(input);
        assertThat(reply.error()).isTrue();
        assertThat(reply.fields()).singleElement().satisfies(f -> assertThat(f.name()).isEqualTo("Usage"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"@everyone", "@here", "<!channel>", "<!here>", "<@U123>", "<@&987>", "<#C42>",
            "hi @everyone and <!channel>"})
    void mentions_typed_by_a_user_are_never_echoed_in_a_pinging_form(String mention) {
        // WHEN a user sends the mention as an unknown subcommand, as a search and as a section title
        for (String input : new String[] {mention, "search " + mention, "section " + mention, "quote " + mention}) {
            String shown = bot.ask(input).plainText() + bot.askInEnglish(input).plainText();
            // THEN no reply carries a live mention
            assertThat(shown).doesNotContain("@everyone", "@here", "<!", "<@", "<#");
        }
    }

    @ParameterizedTest(name = "{index}")
    @ValueSource(strings = {"quote\u0000 1", "sec\u0007tion 1", "search \u001b[31m卡脖子", "about\u202e", "\uFEFFhelp"})
    void control_characters_are_ignored_not_echoed(String input) {
        Reply reply = bot.ask(input);
        assertThat(reply.plainText()).doesNotContain("\u0000", "\u0007", "\u001b", "\u202e", "\uFEFF");
        assertThat(bot.failures).isEmpty();
    }

    @ParameterizedTest(name = "{index}")
    @ValueSource(strings = {"search 😀", "search \"*\" AND ~ OR ?", "search ?", "search %s %n {0}", "search '",
            "section ''", "quote \"\""})
    void odd_queries_get_an_answer_not_a_failure(String input) {
        Reply reply = bot.ask(input);
        assertThat(reply.plainText()).isNotBlank();
        assertThat(bot.failures).isEmpty();
    }
}
