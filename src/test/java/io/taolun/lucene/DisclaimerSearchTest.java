package io.taolun.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import io.taolun.core.article.Article;
import io.taolun.core.article.SecondArticle;
import io.taolun.core.article.SeedLoader;
import io.taolun.core.search.ArticleIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Search never finds the disclaimer of an article with no sidecar. */
final class DisclaimerSearchTest {
    @TempDir
    Path dir;

    @Test
    void a_word_only_the_disclaimer_has_finds_nothing_while_the_text_is_found() throws IOException {
        // GIVEN the second article, with no sidecar, ending with a disclaimer paragraph
        Files.writeString(dir.resolve(SecondArticle.ID + ".txt"), String.join("\n", SecondArticle.LINES)
                + "\n\n免责声明：本文不构成投资建议，版权归原作者所有。\n");
        Article article = new SeedLoader().load(dir).articles().get(0);

        // WHEN the index and the plain matcher are searched for a word of the disclaimer and one of the text
        ArticleIndex lucene = LuceneIndex.build(List.of(article)).of(article);
        ArticleIndex substring = ArticleIndex.substring(article);

        // THEN the disclaimer is found by neither, the text by both
        assertThat(lucene.search("版权", 5)).isEmpty();
        assertThat(substring.search("版权", 5)).isEmpty();
        assertThat(lucene.search("储能电站", 5)).isNotEmpty();
        assertThat(substring.search("储能电站", 5)).isNotEmpty();
    }
}
