package io.taolun.core.article;

import static org.assertj.core.api.Assertions.assertThat;

import io.taolun.core.Block;
import io.taolun.core.Reply;
import io.taolun.core.TestBot;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A group discussing an article dropped into seeds/ with no sidecar: every reading command has an answer. */
final class UncuratedConversationTest {
    @TempDir
    Path dir;

    private Article article;
    private TestBot bot;

    @BeforeEach
    void loadTheSecondArticle() {
        article = SecondArticle.load(dir);
        bot = TestBot.on(article);
    }

    @Test
    void summary_lists_the_extracted_summary_and_says_it_is_automatic() {
        // WHEN
        Reply reply = bot.ask("summary");
        // THEN
        assertThat(reply.plainText()).contains(article.thesis().orElseThrow().zh().split("\n")[0])
                .contains("自动从原文中挑出").doesNotContain("可以用 /article section");
        assertThat(bot.failures).isEmpty();
    }

    @Test
    void section_in_english_shows_the_chinese_with_a_note_that_there_is_no_translation() {
        // WHEN
        Reply reply = bot.askInEnglish("section 1");
        // THEN the lines are the Chinese original, and a note says why
        Section first = article.section(1).orElseThrow();
        assertThat(reply.blocks()).extracting(b -> ((Block.Text) b).text())
                .containsExactlyElementsOf(article.contentLines(first).stream().map(Line::text).toList());
        assertThat(reply.fields()).extracting(io.taolun.core.Field::value)
                .contains("This article has no English translation; its text is shown in Chinese.");
        assertThat(reply.footer()).doesNotContain("--zh");
        assertThat(bot.failures).isEmpty();
    }

    @Test
    void summary_of_a_section_shows_that_sections_extract() {
        // WHEN
        Reply reply = bot.ask("summary 2");
        // THEN
        assertThat(reply.plainText()).contains(article.section(2).orElseThrow().summary().orElseThrow().zh());
        assertThat(bot.failures).isEmpty();
    }

    @Test
    void claims_lists_the_found_claims_by_id() {
        // WHEN
        Reply reply = bot.ask("claims");
        // THEN
        assertThat(reply.blocks()).filteredOn(b -> b instanceof Block.Quote).hasSize(article.claims().size());
        assertThat(reply.plainText()).contains(SecondArticle.FIGURE).contains("c1");
        assertThat(bot.failures).isEmpty();
    }

    @Test
    void quote_by_number_shows_a_found_quote() {
        // WHEN
        Reply reply = bot.ask("quote 1");
        // THEN
        assertThat(((Block.Quote) reply.blocks().get(0)).text()).isEqualTo(article.quotes().get(0).text());
        assertThat(bot.failures).isEmpty();
    }

    @Test
    void a_question_in_english_gets_the_chinese_sentences_untranslated() {
        // WHEN
        Reply reply = bot.askInEnglish("summary 1");
        // THEN
        assertThat(reply.plainText()).contains(article.section(1).orElseThrow().summary().orElseThrow().zh())
                .contains("picked from the text automatically");
    }
}
