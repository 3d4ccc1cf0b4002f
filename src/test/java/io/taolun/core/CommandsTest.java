package io.taolun.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.taolun.core.article.Article;
import io.taolun.core.article.Quote;
import io.taolun.testing.TouchesTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

@TouchesTime
final class CommandsTest {
    private final TestBot bot = TestBot.curated();
    private final Article article = TestBot.library().defaultArticle().orElseThrow();
    private final String text = String.join("\n", article.lines());

    @Test
    void help_lists_every_subcommand_in_chinese() {
        // WHEN
        Reply reply = bot.ask("help");
        // THEN
        assertThat(reply.title()).contains("命令");
        assertThat(reply.fields()).extracting(Field::name).containsExactly(
                "/article help", "/article about", "/article section <编号 | 标题中的词> [--zh]", "/article summary [编号]",
                "/article quote [编号 | random | today]", "/article claims [节编号]", "/article search <关键词>",
                "/article discuss");
        assertThat(reply.visibility()).isEqualTo(Visibility.EPHEMERAL);
    }

    @Test
    void help_answers_in_english_for_an_english_locale() {
        Reply reply = bot.askInEnglish("help");
        assertThat(reply.title()).isEqualTo("Taolun · commands");
        assertThat(reply.fields()).extracting(Field::value)
                .contains("The text of one section; in English its translation, with --zh for the Chinese original");
    }

    @Test
    void an_empty_command_shows_help() {
        assertThat(bot.ask("  ").title()).isEqualTo(bot.ask("help").title());
    }

    @Test
    void about_lists_the_numbered_sections_with_title_and_source_and_no_date_it_does_not_know() {
        Reply reply = bot.ask("about");
        assertThat(reply.title()).isEqualTo(article.meta().title().zh());
        // the commentary's own date is not in its text; 2025-08-01 is the WSJ piece's, and the source says so
        assertThat(reply.fields()).extracting(Field::value).contains(article.meta().source().zh())
                .doesNotContain("2025-08-01");
        assertThat(article.meta().source().zh()).contains("《华尔街日报》2025年8月1日刊登的文章");
        String body = reply.blocks().get(0).toString();
        for (var s : article.sections()) {
            assertThat(body).contains(s.number() + ". " + s.title().zh());
        }
    }

    @Test
    void about_in_english_uses_english_titles() {
        Reply reply = bot.ask("about --lang en");
        assertThat(reply.title()).isEqualTo(article.meta().title().en());
        assertThat(reply.plainText()).contains("1. " + article.sections().get(0).title().en());
    }

    @Test
    void a_search_in_english_counts_its_paragraphs_in_the_singular_and_the_plural() {
        assertThat(bot.ask("search Zuckerberg --lang en").footer()).isEqualTo("1 paragraph");
        assertThat(bot.ask("search 基础设施 --lang en").footer()).matches("[2-5] paragraphs");
    }

    @Test
    void section_by_number_shows_that_sections_lines_verbatim() {
        // WHEN
        Reply reply = bot.ask("section 3");
        // THEN the body is lines 10..13 of the article, unchanged
        assertThat(reply.blocks()).extracting(b -> ((Block.Text) b).text())
                .containsExactlyElementsOf(article.lines().subList(9, 13));
        assertThat(reply.title()).startsWith("§3 ");
    }

    @Test
    void section_in_english_shows_the_english_translation_of_each_line() {
        // WHEN
        Reply reply = bot.ask("section 5 --lang en");
        // THEN the body is the translation of lines 19..24, one block per line, in order, with no Chinese in it
        List<String> lines = reply.blocks().stream().map(b -> ((Block.Text) b).text()).toList();
        assertThat(lines).containsExactly(java.util.stream.IntStream.rangeClosed(19, 24)
                .mapToObj(n -> article.translationOf(n).orElseThrow()).toArray(String[]::new));
        assertThat(lines).allSatisfy(line -> assertThat(line).doesNotContainPattern("\\p{IsHan}"));
        assertThat(lines.get(1)).contains("telecommunications networks");
        // the translation replaces the summary, which /article summary 5 still gives
        assertThat(reply.fields()).isEmpty();
        assertThat(reply.footer())
                .isEqualTo("Lines 19-24 · section 5 of 13 · English translation; add --zh for the Chinese original");
    }

    @Test
    void section_in_english_with_zh_shows_the_chinese_original_and_the_english_summary() {
        // WHEN
        Reply reply = bot.ask("section 5 --lang en --zh");
        // THEN the body is lines 19..24 verbatim, as a reply in Chinese gives them
        assertThat(reply.blocks()).extracting(b -> ((Block.Text) b).text())
                .containsExactlyElementsOf(article.lines().subList(18, 24));
        assertThat(reply.fields()).extracting(Field::value)
                .containsExactly(article.sections().get(4).summary().orElseThrow().en());
        assertThat(reply.footer()).isEqualTo("Lines 19-24 · section 5 of 13");
        assertThat(bot.askInEnglish("section --ZH 5").blocks()).isEqualTo(reply.blocks());
    }

    @Test
    void section_in_chinese_is_the_original_with_or_without_zh() {
        Reply plain = bot.ask("section 13");
        assertThat(plain.blocks()).extracting(b -> ((Block.Text) b).text())
                .containsExactlyElementsOf(article.lines().subList(60, 64));
        assertThat(bot.ask("section 13 --zh").blocks()).isEqualTo(plain.blocks());
    }

    @Test
    void section_refuses_an_option_it_does_not_take() {
        Reply reply = bot.askInEnglish("section 5 --en");
        assertThat(reply.error()).isTrue();
        assertThat(reply.plainText()).contains("This command has no option \"--en\"");
    }

    @Test
    void section_by_words_of_a_title_finds_it_in_either_language() {
        String zhTitle = article.sections().get(4).title().zh();
        assertThat(bot.ask("section " + zhTitle).title()).isEqualTo("§5 " + zhTitle);
        String enTitle = article.sections().get(4).title().en().toUpperCase(java.util.Locale.ROOT);
        assertThat(bot.ask("section " + enTitle).title()).startsWith("§5 ");
    }

    @Test
    void titles_with_curly_quotes_are_found_exactly_as_about_lists_them() {
        for (int n : new int[] {2, 4, 8}) {
            String title = article.sections().get(n - 1).title().zh();
            assertThat(title).contains("“");
            assertThat(bot.ask("section " + title).title()).isEqualTo("§" + n + " " + title);
        }
    }

    @Test
    void full_width_digits_and_letters_from_a_chinese_keyboard_work() {
        assertThat(bot.ask("section ３").title()).startsWith("§3 ");
        assertThat(bot.ask("ＡＢＯＵＴ").title()).isEqualTo(article.meta().title().zh());
    }

    @Test
    void lang_can_be_written_with_an_equals_sign_in_any_case_and_the_last_one_wins() {
        assertThat(bot.ask("summary 3 --lang=en").blocks().get(0).toString()).contains("The author");
        assertThat(bot.ask("summary 3 --LANG EN").blocks().get(0).toString()).contains("The author");
        assertThat(bot.ask("summary 3 --lang en --lang zh-CN").blocks().get(0).toString()).contains("作者");
    }

    @Test
    void the_last_section_never_shows_the_disclaimer() {
        Reply reply = bot.ask("section 13");
        assertThat(reply.plainText()).contains("你觉得呢?").doesNotContain("特别声明");
    }

    @Test
    void summary_of_one_section_answers_in_chinese_and_in_english() {
        assertThat(bot.ask("summary 3").blocks()).containsExactly(
                new Block.Text(article.sections().get(2).summary().orElseThrow().zh()));
        assertThat(bot.ask("summary 3 --lang en").blocks()).containsExactly(
                new Block.Text(article.sections().get(2).summary().orElseThrow().en()));
    }

    @Test
    void summary_of_the_whole_article_gives_the_thesis_and_every_section() {
        Reply reply = bot.ask("summary");
        assertThat(reply.blocks()).hasSize(1 + article.sections().size());
        String third = ((Block.Text) reply.blocks().get(3)).text();
        assertThat(third).startsWith("§3 ").contains("两大关键变化。").contains("指数级膨胀");
        assertThat(reply.blocks().get(0)).isEqualTo(new Block.Text(article.thesis().orElseThrow().zh()));
        Reply english = bot.askInEnglish("summary");
        assertThat(english.blocks().get(0)).isEqualTo(new Block.Text(article.thesis().orElseThrow().en()));
    }

    @Test
    void quote_by_number_is_a_verbatim_span_attributed_to_its_section() {
        // GIVEN
        Quote third = article.quotes().get(2);
        // WHEN
        Reply reply = bot.ask("quote 3");
        // THEN
        Block.Quote block = (Block.Quote) reply.blocks().get(0);
        assertThat(block.text()).isEqualTo(third.text());
        assertThat(text).contains(block.text());
        assertThat(block.attribution()).isEqualTo("§" + third.section().number() + " " + third.section().title().zh());
        assertThat(block.gloss()).isEmpty();
    }

    @Test
    void quote_takes_the_id_that_answers_show_as_well_as_the_bare_number() {
        // GIVEN the fifth quote, whose id answers show as q5
        Quote fifth = article.quotes().get(4);
        assertThat(fifth.id()).isEqualTo("q5");
        // WHEN it is asked for by that id, in either case or in full-width letters
        for (String id : List.of("q5", "Q5", "ｑ５")) {
            Reply reply = bot.ask("quote " + id);
            // THEN the answer is the one for "quote 5"
            assertThat(reply.error()).as(id).isFalse();
            assertThat(((Block.Quote) reply.blocks().get(0)).text()).as(id).isEqualTo(fifth.text());
            assertThat(reply.footer()).as(id).isEqualTo(bot.ask("quote 5").footer());
        }
    }

    @Test
    void quote_in_english_adds_the_gloss_under_the_original() {
        Block.Quote block = (Block.Quote) bot.askInEnglish("quote 1").blocks().get(0);
        assertThat(block.text()).isEqualTo(article.quotes().get(0).text());
        assertThat(block.gloss()).isEqualTo(article.quotes().get(0).gloss());
    }

    @Test
    void a_random_quote_is_always_a_verbatim_span() {
        for (int i = 0; i < 50; i++) {
            Block.Quote block = (Block.Quote) bot.ask(i % 2 == 0 ? "quote" : "quote random").blocks().get(0);
            assertThat(text).contains(block.text());
        }
    }

    @Test
    void quote_today_is_the_same_for_everyone_in_a_channel_that_day() {
        // GIVEN two people in #general, and someone in #random
        ChatRequest alice = new ChatRequest("slack", "T1", "general", "alice", "", "quote today");
        ChatRequest bob = new ChatRequest("slack", "T1", "general", "bob", "en", "quote today");
        // WHEN
        String forAlice = ((Block.Quote) bot.handle(alice).blocks().get(0)).text();
        String forBob = ((Block.Quote) bot.handle(bob).blocks().get(0)).text();
        // THEN
        assertThat(forAlice).isEqualTo(forBob);
        assertThat(bot.handle(alice).title()).isEqualTo("今日金句 · 2026-11-28");
    }

    @Test
    void quote_today_changes_with_the_channels_day_and_does_not_repeat_until_all_were_shown() {
        // GIVEN one day per quote
        int n = article.dailyQuotes().size();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int day = 0; day < n; day++) {
            bot.at(TestBot.NOW.plusSeconds(86_400L * day));
            seen.add(((Block.Quote) bot.ask("quote today").blocks().get(0)).text());
        }
        // THEN every quote appeared exactly once in n days
        assertThat(seen).hasSize(n);
    }

    @Test
    void quote_today_follows_the_configured_zone_not_utc() {
        // GIVEN 23:30 UTC on Nov 27 is already Nov 28 in Shanghai
        bot.at(Instant.parse("2026-11-27T23:30:00Z"));
        assertThat(bot.ask("quote today").title()).endsWith("2026-11-28");
    }

    @Test
    void claims_lists_every_claim_with_id_kind_and_section() {
        Reply reply = bot.ask("claims");
        assertThat(reply.blocks()).hasSize(article.claims().size());
        Block.Quote first = (Block.Quote) reply.blocks().get(0);
        assertThat(first.text()).isEqualTo(article.claims().get(0).statement().zh());
        assertThat(first.attribution()).startsWith("c1 · ");
        for (int i = 0; i < article.claims().size(); i++) {
            // each claim is shown by its statement; its span, the citation, is verbatim article text
            assertThat(((Block.Quote) reply.blocks().get(i)).text()).isEqualTo(article.claims().get(i).statement().zh());
            assertThat(text).contains(article.claims().get(i).text());
        }
    }

    @Test
    void claims_of_one_section_in_english_show_their_english_statements_with_section_and_line() {
        Reply reply = bot.ask("claims 3 --lang en");
        assertThat(reply.blocks()).extracting(b -> ((Block.Quote) b).text()).containsExactlyElementsOf(
                article.claimsIn(article.sections().get(2)).stream().map(c -> c.statement().en()).toList());
        assertThat(reply.blocks()).allSatisfy(b -> assertThat(((Block.Quote) b).attribution())
                .matches(".*§3 .*, line \\d+"));
    }

    @Test
    void search_marks_the_hit_and_names_the_section() {
        Reply reply = bot.ask("search 卡脖子");
        assertThat(reply.blocks()).isNotEmpty().hasSizeLessThanOrEqualTo(5);
        String first = ((Block.Text) reply.blocks().get(0)).text();
        assertThat(first).contains("【卡脖子】").startsWith("§10 ");
    }

    @Test
    void search_finds_latin_words_case_insensitively_and_returns_at_most_five() {
        assertThat(bot.ask("search gpt-4").plainText()).contains("【GPT-4】");
        assertThat(bot.ask("search 基础设施").blocks()).hasSize(5);
    }

    @Test
    void search_with_no_match_says_so_in_english() {
        Reply reply = bot.askInEnglish("search xylophone");
        assertThat(reply.blocks()).containsExactly(new Block.Text(Messages.of(Lang.EN).get("search.none")));
        assertThat(reply.error()).isFalse();
    }

    @Test
    void discuss_posts_the_closing_question_to_the_channel() {
        Reply reply = bot.ask("discuss");
        assertThat(reply.visibility()).isEqualTo(Visibility.IN_CHANNEL);
        assertThat(reply.plainText()).contains("你觉得呢?");
        Reply english = bot.askInEnglish("discuss");
        assertThat(english.plainText()).contains("你觉得呢?", "What do you think?");
    }

    @Test
    void share_posts_a_quote_to_the_channel() {
        assertThat(bot.ask("quote 1").visibility()).isEqualTo(Visibility.EPHEMERAL);
        assertThat(bot.ask("quote 1 --share").visibility()).isEqualTo(Visibility.IN_CHANNEL);
    }

    @Test
    void subcommands_are_case_insensitive_and_titles_can_be_quoted() {
        assertThat(bot.ask("QUOTE 2").blocks()).isEqualTo(bot.ask("quote 2").blocks());
        assertThat(bot.ask("section \"" + article.sections().get(1).title().en() + "\"").title()).startsWith("§2");
    }

    @Test
    void no_reply_to_any_command_ever_hit_an_unexpected_failure() {
        for (String command : List.of("help", "about", "section 1", "summary", "quote", "claims", "search 芯片",
                "discuss", "quote today")) {
            bot.ask(command);
            bot.askInEnglish(command);
        }
        assertThat(bot.failures).isEmpty();
    }

    @Test
    void an_unknown_subcommand_lists_every_subcommand_in_its_usage() {
        Reply reply = bot.ask("frobnicate");
        assertThat(reply.fields()).singleElement()
                .satisfies(f -> assertThat(f.value()).isEqualTo(
                        "/article <help | about | section | summary | quote | claims | search | discuss>"));
    }
}
