package io.taolun.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.taolun.core.article.Article;
import io.taolun.core.article.SecondArticle;
import io.taolun.core.article.SeedLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HanLP as the words behind automatic content. */
final class HanLpSegmenterTest {
    @TempDir
    Path dir;

    @Test
    void keeps_nouns_verbs_and_english_words_and_drops_particles_and_punctuation() {
        // WHEN a sentence is segmented
        var words = new HanLpSegmenter().contentWords("硅谷的科技公司正在建设AI基础设施，这是一个变化。");
        // THEN content words are there, lowercased, and function words and punctuation are not
        assertThat(words).contains("硅谷", "建设", "ai").doesNotContain("的", "，", "。", "是", "这");
    }

    @Test
    void an_article_loaded_with_hanlp_gets_summaries_claims_and_quotes() {
        // GIVEN the second article with no sidecar
        SecondArticle.writeInto(dir);
        // WHEN it is loaded with HanLP's words
        Article article = new SeedLoader(new HanLpSegmenter()).load(dir).articles().get(0);
        // THEN it has every kind of automatic content
        assertThat(article.sections()).allSatisfy(s -> assertThat(s.summary()).isPresent());
        assertThat(article.thesis()).isPresent();
        assertThat(article.claims()).extracting(c -> c.text()).contains(SecondArticle.FIGURE, SecondArticle.PREDICTION);
        assertThat(article.quotes()).extracting(q -> q.text()).contains(SecondArticle.QUOTED);
    }
}
