package io.taolun.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taolun.core.ChannelRef;
import io.taolun.core.ChatRequest;
import io.taolun.core.CommandRouter;
import io.taolun.core.Lang;
import io.taolun.core.Reply;
import io.taolun.core.article.Article;
import io.taolun.core.article.Library;
import io.taolun.core.article.SecondArticle;
import io.taolun.core.article.SeedException;
import io.taolun.core.library.ChannelArticles;
import io.taolun.core.library.ListArticlesCommand;
import io.taolun.core.library.Shelf;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A local seeds directory adds articles to the ones bundled in the jar; it does not hide them. */
final class SeedsTest {
    /** The curated article bundled in the jar (and in the repository's seeds/). */
    private static final String BUNDLED = "000_a8e75d267bb866eb";

    @TempDir
    Path seeds;

    @Test
    void an_article_in_seeds_is_added_and_the_bundled_curated_one_stays_the_default() {
        // GIVEN a seeds directory holding one uncurated article
        SecondArticle.writeInto(seeds);
        // WHEN the library is loaded with no seedsDir configured
        Library library = Seeds.load(TaolunConfig.defaults(), seeds);
        // THEN both articles are there, the bundled curated one still the default
        assertThat(library.articles()).extracting(Article::id).containsExactly(BUNDLED, SecondArticle.ID);
        assertThat(library.defaultArticle().orElseThrow().id()).isEqualTo(BUNDLED);
        assertThat(library.added()).containsExactly(SecondArticle.ID);
        assertThat(library.replaced()).isEmpty();
        // AND list says where the added one comes from, in both languages
        assertThat(list(library, Lang.ZH)).contains(SecondArticle.ID).contains("取自 ./seeds").doesNotContain("替换");
        assertThat(list(library, Lang.EN)).contains("from ./seeds").doesNotContain("in place of");
    }

    @Test
    void an_article_with_a_bundled_id_is_taken_from_seeds_and_list_says_so() throws Exception {
        // GIVEN a seeds directory with a file of the bundled article's name, uncurated, and another article
        Files.writeString(seeds.resolve(BUNDLED + ".txt"), String.join("\n", SecondArticle.LINES) + "\n",
                StandardCharsets.UTF_8);
        SecondArticle.writeInto(seeds);
        // WHEN the library is loaded
        Library library = Seeds.load(TaolunConfig.defaults(), seeds);
        // THEN the id is there once, read from the seeds directory
        assertThat(library.articles()).extracting(Article::id).containsExactly(BUNDLED, SecondArticle.ID);
        Article mine = library.find(BUNDLED).orElseThrow();
        assertThat(mine.curated()).isFalse();
        assertThat(mine.lines()).contains(SecondArticle.FIGURE);
        assertThat(library.replaced()).containsExactly(BUNDLED);
        // AND list says it replaced the bundled article, in both languages, and no key or placeholder shows
        String zh = list(library, Lang.ZH);
        assertThat(zh).contains("取自 ./seeds，替换了内置的同名文章").doesNotContain("list.", "{");
        String en = list(library, Lang.EN);
        assertThat(en).contains("from ./seeds, in place of the bundled article with this id")
                .doesNotContain("list.", "{");
    }

    @Test
    void a_copy_of_the_bundled_article_in_seeds_is_not_reported_as_added_or_replaced() throws Exception {
        // GIVEN ./seeds holds the repository's copy of the bundled article (as the Docker image does) and another one
        for (String file : List.of(BUNDLED + ".txt", BUNDLED + ".yaml")) {
            Files.copy(Path.of("seeds", file), seeds.resolve(file));
        }
        SecondArticle.writeInto(seeds);
        // WHEN loaded
        Library library = Seeds.load(TaolunConfig.defaults(), seeds);
        // THEN only the other article counts as added
        assertThat(library.articles()).extracting(Article::id).containsExactly(BUNDLED, SecondArticle.ID);
        assertThat(library.added()).containsExactly(SecondArticle.ID);
        assertThat(library.replaced()).isEmpty();
        assertThat(list(library, Lang.EN)).doesNotContain("in place of");
    }

    @Test
    void an_empty_seeds_directory_leaves_the_bundled_article() {
        Library library = Seeds.load(TaolunConfig.defaults(), seeds);
        assertThat(library.articles()).extracting(Article::id).containsExactly(BUNDLED);
        assertThat(library.added()).isEmpty();
    }

    @Test
    void a_bad_file_in_seeds_gets_one_line_and_the_rest_still_loads() throws Exception {
        // GIVEN a text file that is not UTF-8 next to a good article
        Files.write(seeds.resolve("broken.txt"), new byte[] {(byte) 0xC3, (byte) 0x28, 'a'});
        SecondArticle.writeInto(seeds);
        // WHEN loaded
        Library library = Seeds.load(TaolunConfig.defaults(), seeds);
        // THEN it is skipped with one warning line naming it, and the others are there
        assertThat(library.warnings()).singleElement().asString().contains("broken.txt", "UTF-8").doesNotContain("\n");
        assertThat(library.articles()).extracting(Article::id).containsExactly(BUNDLED, SecondArticle.ID);
    }

    @Test
    void a_broken_sidecar_in_seeds_is_refused_with_one_line_naming_it() throws Exception {
        // GIVEN an article whose sidecar is not valid
        SecondArticle.writeInto(seeds);
        Files.writeString(seeds.resolve(SecondArticle.ID + ".yaml"), "sections: [", StandardCharsets.UTF_8);
        // THEN loading stops with a one-line message naming the file
        assertThatThrownBy(() -> Seeds.load(TaolunConfig.defaults(), seeds)).isInstanceOf(SeedException.class)
                .message().contains(SecondArticle.ID + ".yaml").doesNotContain("\n");
    }

    private static String list(Library library, Lang lang) {
        ChannelArticles none = new ChannelArticles() {
            @Override
            public Optional<String> of(ChannelRef where) {
                return Optional.empty();
            }

            @Override
            public void choose(ChannelRef where, String articleId, String by, Instant at) {
                throw new UnsupportedOperationException();
            }
        };
        CommandRouter router = new CommandRouter(List.of(new ListArticlesCommand(new Shelf(library, none))), lang,
                e -> { });
        Reply reply = router.handle(new ChatRequest("console", "local", "general", "alice", "", "list"));
        assertThat(reply.error()).as(reply.plainText()).isFalse();
        return reply.plainText();
    }
}
