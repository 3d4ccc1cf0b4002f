package io.taolun.core.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Automatic quotes: a quote of the day stands alone; a fragment is made whole or left out. */
final class AutoQuotesTest {
    @TempDir
    Path dir;

    @Test
    void a_quoted_phrase_opening_with_a_connective_is_quoted_as_its_whole_sentence() {
        // GIVEN a phrase in quotation marks that opens with 而是
        Article article = AutoClaimsTest.auto(List.of(
                "储能的账本",
                "工程师的回答是：“而是先把账算清楚”。"));

        // WHEN its quotes are extracted
        // THEN the sentence is the quote, and it goes round as a quote of the day
        assertThat(article.quotes()).extracting(Quote::text).containsExactly("工程师的回答是：“而是先把账算清楚”。");
        assertThat(article.quotes()).allMatch(Quote::daily);
    }

    @Test
    void a_short_sentence_opening_with_a_demonstrative_takes_in_the_one_before_or_is_left_out() {
        // GIVEN a short sentence after one that stands on its line, and a short line that opens with 这
        Article article = AutoClaimsTest.auto(List.of(
                "储能的账本",
                "电池是城市的新水库。它在夜里蓄电。",
                "这是一个没有那么好的消息。"));

        // WHEN its quotes are extracted
        // THEN the first line is quoted whole, the second not at all, and every quote stands
        assertThat(article.quotes()).extracting(Quote::text).containsExactly("电池是城市的新水库。它在夜里蓄电。");
        assertThat(article.quotes()).extracting(Quote::text).noneMatch(Fragments::leans);
    }

    @Test
    void every_quote_of_the_second_article_stands_alone_and_phrases_stay_out_of_the_daily_round() {
        // WHEN the second article is loaded
        Article article = SecondArticle.load(dir);

        // THEN no quote leans on a sentence it does not have, and the quoted phrase is not a daily quote
        assertThat(article.quotes()).extracting(Quote::text).noneMatch(Fragments::leans);
        assertThat(article.quotes()).filteredOn(q -> q.text().equals(SecondArticle.QUOTED)).singleElement()
                .extracting(Quote::daily).isEqualTo(false);
    }
}
