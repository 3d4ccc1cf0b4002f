package io.taolun.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.taolun.core.Block;
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
