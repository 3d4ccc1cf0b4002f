package io.taolun.core.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.taolun.core.Reply;
import io.taolun.core.TestBot;
import io.taolun.core.article.Library;
import io.taolun.core.article.SeedLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class SearchCommandTest {
    @TempDir
    Path dir;

    @Test
    void text_whose_lower_case_changes_length_is_marked_in_the_right_place() throws IOException {
        // GIVEN an article with İ, whose lower case is two chars long
        Files.writeString(dir.resolve("a.txt"), "İstanbul ai line one\nsecond line\n");
        Library library = new SeedLoader().load(dir);
        TestBot bot = TestBot.on(library.articles().get(0));
        // WHEN
        Reply one = bot.ask("search one");
        Reply ai = bot.ask("search AI");
        // THEN
        assertThat(one.plainText()).contains("İstanbul ai line 【one】");
        assertThat(ai.plainText()).contains("İstanbul 【ai】 line one");
        assertThat(bot.failures).isEmpty();
    }

    @Test
    void the_paragraph_with_more_of_the_words_comes_first() {
        Reply reply = TestBot.curated().ask("search 芯片 电力");
        String first = reply.blocks().get(0).toString();
        assertThat(first).contains("【芯片】").contains("【电力】");
    }
}
