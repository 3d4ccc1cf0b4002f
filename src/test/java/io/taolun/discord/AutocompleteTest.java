package io.taolun.discord;

import static org.assertj.core.api.Assertions.assertThat;

import io.taolun.core.ChannelRef;
import io.taolun.core.Lang;
import io.taolun.core.TestBot;
import io.taolun.core.article.Article;
import io.taolun.core.article.Library;
import io.taolun.core.article.SecondArticle;
import io.taolun.core.library.ChannelArticles;
import io.taolun.core.library.Shelf;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.dv8tion.jda.api.interactions.commands.Command;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Autocomplete offers the channel's article's sections, claims and quotes, and the library's articles. */
final class AutocompleteTest {
    private static final ChannelRef GENERAL = new ChannelRef("discord", "G1", "general");
    private static final ChannelRef OTHER = new ChannelRef("discord", "G1", "other");

    @TempDir
    Path dir;

    /** Choices kept in a map: a small stand-in for the store. */
    private final Map<ChannelRef, String> chosen = new HashMap<>();
    private boolean broken;
    private final ChannelArticles choices = new ChannelArticles() {
        @Override
        public Optional<String> of(ChannelRef where) {
            if (broken) {
                throw new IllegalStateException("database down");
            }
            return Optional.ofNullable(chosen.get(where));
        }

        @Override
        public void choose(ChannelRef where, String articleId, String by, Instant at) {
            chosen.put(where, articleId);
        }
    };

    @Test
    void a_channel_that_chose_the_second_article_is_offered_its_claims_and_others_the_default_ones() {
        Article curated = TestBot.library().defaultArticle().orElseThrow();
        Article second = SecondArticle.load(dir);
        Autocomplete autocomplete = new Autocomplete(new Shelf(new Library(List.of(curated, second), List.of()),
                choices));
        chosen.put(GENERAL, second.id());

        List<String> here = names(autocomplete.choices(GENERAL, "claim", "", Lang.ZH));
        List<String> there = names(autocomplete.choices(OTHER, "claim", "", Lang.ZH));

        assertThat(here).hasSize(second.claims().size()).first().asString().contains(second.claims().get(0).text());
        assertThat(there).hasSize(Math.min(25, curated.claims().size()))
                .first().asString().contains(curated.claims().get(0).text());
        assertThat(names(autocomplete.choices(GENERAL, "section", "", Lang.ZH)))
                .hasSize(second.sections().size());
        // AND the article option lists the library, filtered by what was typed
        assertThat(autocomplete.choices(OTHER, "article", "city", Lang.EN)).extracting(Command.Choice::getAsString)
                .containsExactly(second.id());
        // AND when the choice cannot be read, the default article's choices are offered rather than none
        broken = true;
        assertThat(names(autocomplete.choices(GENERAL, "claim", "", Lang.ZH)).get(0))
                .contains(curated.claims().get(0).text());
    }

    private static List<String> names(List<Command.Choice> choices) {
        return choices.stream().map(Command.Choice::getName).toList();
    }
}
