package io.taolun.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import io.taolun.core.Block;
import io.taolun.core.Lang;
import io.taolun.core.Messages;
import io.taolun.core.Reply;
import io.taolun.core.TestBot;
import io.taolun.core.article.Article;
import io.taolun.core.article.Library;
import io.taolun.core.article.SeedLoader;
import io.taolun.core.search.ArticleIndex;
import io.taolun.core.search.SearchHit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class SearchQualityTest {
    private static final Article ARTICLE = new SeedLoader().load(Path.of("seeds")).defaultArticle().orElseThrow();
    private static final ArticleIndex INDEX = LuceneIndex.build(List.of(ARTICLE)).of(ARTICLE);

    @TempDir
    Path dir;

    @Test
    void a_chinese_word_finds_its_paragraph_first() {
        // WHEN
        Reply reply = TestBot.curated().ask("search 卡脖子");
        // THEN line 44 ("挑战之一是,“卡脖子”问题更加致命") comes first, in §10, with the word marked
        String first = ((Block.Text) reply.blocks().get(0)).text();
        assertThat(first).startsWith("§10 ").contains("第 44 行").contains("【卡脖子】");
    }

    @Test
    void an_english_word_finds_the_chinese_paragraph_about_it_first() {
        // WHEN
        Reply reply = TestBot.curated().askInEnglish("search electricity");
        // THEN the first paragraph speaks of electric power (电力, 电网)
        String first = ((Block.Text) reply.blocks().get(0)).text();
        int line = Integer.parseInt(first.replaceAll("(?s).*? line (\\d+).*", "$1"));
        assertThat(QuerySet.QUERIES.get(3).relevant()).contains(line);
    }

    @Test
    void the_query_set_is_answered_with_a_precision_at_3_of_at_least_0_9_and_beats_the_simple_matcher() {
        // WHEN
        double lucene = QuerySet.precisionAt3(INDEX);
        double simple = QuerySet.precisionAt3(ArticleIndex.substring(ARTICLE));
        System.out.printf(Locale.ROOT, "search precision@3 over %d queries: Lucene %.3f, simple matcher %.3f%n",
                QuerySet.QUERIES.size(), lucene, simple);
        // THEN
        assertThat(lucene).isGreaterThanOrEqualTo(0.9).isGreaterThan(simple);
    }

    @Test
    void every_judged_query_puts_a_relevant_paragraph_first() {
        for (QuerySet.Judged judged : QuerySet.QUERIES) {
            List<SearchHit> hits = INDEX.search(judged.query(), 3);
            if (judged.relevant().isEmpty()) {
                assertThat(hits).as(judged.query()).isEmpty();
            } else {
                assertThat(hits).as(judged.query()).isNotEmpty();
                assertThat(judged.relevant()).as(judged.query()).contains(hits.get(0).line());
            }
        }
    }

    @Test
    void words_no_dictionary_knows_are_found_whole_through_bigrams() throws IOException {
        // GIVEN an article about 大模型, which the dictionary cuts into 大 and 模型
        Files.writeString(dir.resolve("a.txt"), "大家都在讨论模型。\n大模型需要大量算力。\n大的模具。\n");
        Article article = new SeedLoader().load(dir).articles().get(0);
        // WHEN
        List<SearchHit> hits = LuceneIndex.build(List.of(article)).of(article).search("大模型", 5);
        // THEN the paragraph holding the whole word comes first, marked whole
        assertThat(hits.get(0).line()).isEqualTo(2);
        assertThat(TestBot.on(article).ask("search 大模型").plainText()).contains("【大模型】需要");
    }

    @Test
    void no_paragraph_is_shown_without_a_marked_match() {
        TestBot bot = TestBot.curated();
        for (QuerySet.Judged judged : QuerySet.QUERIES) {
            // WHEN
            List<SearchHit> hits = INDEX.search(judged.query(), 5);
            List<String> shown = texts(bot.askInEnglish("search " + judged.query()));
            // THEN the index marks every hit, in the text or its translation, and every paragraph shown has a mark
            // (Zuckerberg showed lines 6, 8 and 9 of its section, found through the section's summary, unmarked)
            assertThat(hits).as(judged.query())
                    .allSatisfy(h -> assertThat(h.marks().size() + h.translationMarks().size()).isPositive());
            assertThat(shown).as(judged.query()).allSatisfy(text -> assertThat(text).contains("【"));
        }
        assertThat(texts(bot.askInEnglish("search Zuckerberg"))).singleElement().asString()
                .contains("line 7").contains("【Zuckerberg】");
        assertThat(texts(bot.ask("search Zuckerberg"))).singleElement().asString()
                .contains("第 7 行").contains("【扎克伯格】");
    }

    @Test
    void a_single_chinese_character_of_a_longer_word_never_matches_on_its_own() {
        // WHEN the glossary turns Zuckerberg into 扎克伯格 and Belt and Road into 一带一路, both cut into characters
        String zuckerberg = TestBot.curated().askInEnglish("search Zuckerberg").plainText();
        String beltAndRoad = TestBot.curated().ask("search Belt and Road").plainText();
        String typed = TestBot.curated().ask("search 扎克伯格").plainText();
        // THEN 克 of 洛克菲勒 and 一 of 一套 are not marked; the words are, whole
        assertThat(zuckerberg).doesNotContain("【克】").doesNotContain("第 34 行").doesNotContain("line 34");
        assertThat(beltAndRoad).doesNotContain("【一】").contains("【一带一路】");
        assertThat(typed).doesNotContain("【克】").contains("【扎克伯格】");
        // AND a character typed as a word of its own still matches
        assertThat(TestBot.curated().ask("search 电").plainText()).contains("水、【电】、冷却");
    }

    @Test
    void function_words_in_a_query_rank_nothing() {
        // WHEN
        List<SearchHit> zuckerberg = INDEX.search("扎克伯格说了什么", 5);
        String beltAndRoad = TestBot.curated().ask("search Belt and Road").plainText();
        // THEN only the line naming Zuckerberg is found, not lines 18 and 38 that ask 什么; "and" is not marked
        assertThat(zuckerberg).extracting(SearchHit::line).containsExactly(7);
        assertThat(beltAndRoad).doesNotContain("【and】").doesNotContain("第 6 行");
    }

    @Test
    void a_query_of_function_words_only_is_told_so_in_chinese_and_in_english() {
        for (String query : List.of("什么", "的", "了吗", "是什么")) {
            // WHEN
            Reply reply = TestBot.curated().ask("search " + query);
            // THEN
            assertThat(reply.blocks()).as(query)
                    .containsExactly(new Block.Text(Messages.of(Lang.ZH).get("search.functionWordsOnly")));
        }
        for (String query : List.of("the", "what is it", "and of a")) {
            Reply reply = TestBot.curated().askInEnglish("search " + query);
            assertThat(reply.blocks()).as(query)
                    .containsExactly(new Block.Text(Messages.of(Lang.EN).get("search.functionWordsOnly")));
        }
        assertThat(INDEX.hasContentWords("扎克伯格说了什么")).isTrue();
        assertThat(INDEX.hasContentWords("说了什么")).isTrue();
        assertThat(INDEX.hasContentWords("是什么")).isFalse();
    }

    @Test
    void mentions_channel_links_and_web_addresses_are_not_searched_as_digits() {
        for (String query : List.of("<@U123>", "<#C1>", "<#C1|general>", "<@!1234>", "<:emoji:1>",
                "https://example.com/a1", "<https://example.com/1|link>")) {
            // WHEN
            Reply reply = TestBot.curated().ask("search " + query);
            // THEN no 【1】 from 2025年8月1日 or Web1.0: the user is told markup is not searched
            assertThat(reply.blocks()).as(query)
                    .containsExactly(new Block.Text(Messages.of(Lang.ZH).get("search.markupOnly")));
            assertThat(INDEX.search(query, 5)).as(query).isEmpty();
        }
        // AND the words around a mention are searched
        String mixed = TestBot.curated().ask("search <@U1> 卡脖子").plainText();
        assertThat(mixed).contains("【卡脖子】").doesNotContain("【1】");
    }

    @Test
    void an_english_query_that_meets_a_gloss_marks_the_chinese_span_it_translates_in_a_chinese_reply() {
        // WHEN chokehold is in the gloss of quote q19, on line 44, in claim c23's statement on line 46, and in the
        // translation of both
        List<String> chokehold = texts(TestBot.curated().ask("search chokehold"));
        // THEN line 44 shows the Chinese the gloss translates marked; line 46, whose claim c23 says "chokehold" in
        // its English statement, shows the claim's Chinese span marked
        assertThat(chokehold).hasSize(2);
        assertThat(chokehold).filteredOn(t -> t.contains("第 44 行")).singleElement().asString()
                .contains("【“卡脖子”问题更加致命】");
        assertThat(chokehold).filteredOn(t -> t.contains("第 46 行")).singleElement().asString()
                .contains("【竞争维度的下沉,让“卡脖子”的痛苦更加剧烈。】");
    }

    @Test
    void an_english_query_meets_the_translation_and_an_english_reply_shows_it_marked() {
        // WHEN the words are in the English translation only (the Chinese says 电信, 冷板凳, 你觉得呢)
        List<String> telecom = texts(TestBot.curated().askInEnglish("search telecommunications"));
        List<String> unglamorous = texts(TestBot.curated().askInEnglish("search unglamorous"));
        List<String> closing = texts(TestBot.curated().askInEnglish("search What do you think"));
        // THEN the lines that say so come up, each in English with the words marked
        assertThat(telecom).extracting(t -> t.replaceAll("(?s).*? line (\\d+).*", "$1"))
                .containsExactlyInAnyOrder("20", "26");
        assertThat(telecom).allSatisfy(t -> assertThat(t).contains("【telecommunications】")
                .doesNotContainPattern("\\p{IsHan}"));
        assertThat(unglamorous.get(0)).startsWith("§12 ").contains("line 57").contains("【unglamorous】");
        assertThat(closing).first().asString().contains("line 64").contains("What do you 【think】?");
    }

    private static List<String> texts(Reply reply) {
        return reply.blocks().stream().filter(Block.Text.class::isInstance).map(b -> ((Block.Text) b).text())
                .filter(t -> t.startsWith("§")).toList();
    }

    @Test
    void query_syntax_emoji_and_huge_queries_are_plain_text() {
        for (String query : List.of("", "   ", "\"", "*", "~", "AND", "\"卡脖子\" AND *:* ~2", "😀😀", "\u0000",
                "卡脖子".repeat(4_000), "a ".repeat(5_000))) {
            assertThat(INDEX.search(query, 5)).as(query.length() + " chars").hasSizeLessThanOrEqualTo(5);
        }
        assertThat(INDEX.search("\"卡脖子\" AND ~", 1)).extracting(SearchHit::line).containsExactly(44);
    }

    @Test
    void only_the_asked_article_is_searched() throws IOException {
        // GIVEN two articles in one index
        Files.writeString(dir.resolve("a.txt"), "东数西算\n");
        Files.writeString(dir.resolve("b.txt"), "别的内容\n");
        Library library = new SeedLoader().load(dir);
        LuceneIndex index = LuceneIndex.build(library.articles());
        // WHEN / THEN
        assertThat(index.of(library.articles().get(0)).search("东数西算", 5)).hasSize(1);
        assertThat(index.of(library.articles().get(1)).search("东数西算", 5)).isEmpty();
        assertThat(index.paragraphs()).isEqualTo(2);
    }
}
