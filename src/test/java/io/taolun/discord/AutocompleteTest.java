package io.taolun.discord;

import static org.assertj.core.api.Assertions.assertThat;

import io.taolun.core.complete.OptionChoices;
import io.taolun.core.ChannelRef;
import io.taolun.core.Lang;
import io.taolun.core.TestBot;
import io.taolun.core.article.Article;
import io.taolun.core.article.Library;
import io.taolun.core.article.SecondArticle;
import io.taolun.core.library.ChannelArticles;
import io.taolun.core.library.Shelf;
import io.taolun.core.article.Claim;
import io.taolun.core.poll.InMemoryPolls;
import io.taolun.core.poll.NewPoll;
import io.taolun.core.poll.OptionSets;
import io.taolun.core.poll.PollViews;
import io.taolun.core.poll.PollService;
import io.taolun.core.ritual.ScheduleWords;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.dv8tion.jda.api.interactions.commands.Command;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Autocomplete offers the channel's article's sections, claims, quotes and open polls, the library's articles and time
 * zones; the answers as Discord receives them come from the real JDA against the fake Discord.
 */
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
        Autocomplete autocomplete = new Autocomplete(new OptionChoices(new Shelf(new Library(List.of(curated, second), List.of()),
                choices), polls(new Library(List.of(curated, second), List.of()))));
        chosen.put(GENERAL, second.id());

        List<String> here = names(autocomplete.choices(GENERAL, "claim", "", Lang.ZH));
        List<String> there = names(autocomplete.choices(OTHER, "claim", "", Lang.ZH));

        assertThat(here).hasSize(second.claims().size()).first().asString().contains(second.claims().get(0).statement().zh());
        assertThat(there).hasSize(Math.min(25, curated.claims().size()))
                .first().asString().contains(curated.claims().get(0).statement().zh());
        assertThat(names(autocomplete.choices(GENERAL, "section", "", Lang.ZH)))
                .hasSize(second.sections().size());
        // AND the article option lists the library, filtered by what was typed
        assertThat(autocomplete.choices(OTHER, "article", "city", Lang.EN)).extracting(Command.Choice::getAsString)
                .containsExactly(second.id());
        // AND when the choice cannot be read, the default article's choices are offered rather than none
        broken = true;
        assertThat(names(autocomplete.choices(GENERAL, "claim", "", Lang.ZH)).get(0))
                .contains(curated.claims().get(0).statement().zh());
    }

    @Test
    void the_zone_option_offers_iana_zones_matching_what_was_typed_through_discord() {
        try (AdapterOnFake bot = AdapterOnFake.start(shelf(), polls(TestBot.library()), Duration.ofDays(90))) {
            // WHEN an admin types part of a zone, in any case
            JsonNode shang = zones(bot, "schedule-qotd", "SHANG");
            JsonNode asia = zones(bot, "schedule-weekly-poll", "asia/");
            JsonNode nothing = zones(bot, "schedule-qotd", "");

            // THEN Discord is sent matching IANA zones, where the typed text starts a word first, at most 25
            assertThat(shang.path("type").asInt()).isEqualTo(8);
            assertThat(values(shang)).first().isEqualTo("Asia/Shanghai");
            assertThat(values(asia)).hasSize(25).allSatisfy(z -> assertThat(z).startsWith("Asia/"));
            assertThat(values(nothing)).hasSize(25);
            assertThat(values(zones(bot, "schedule-qotd", "utc"))).contains("UTC", "Etc/UTC");
            // AND every zone offered is one the core accepts, named as its value
            for (JsonNode answer : List.of(shang, asia, nothing)) {
                answer.path("data").path("choices").forEach(c -> {
                    assertThat(ScheduleWords.zone(c.path("value").asText())).isNotNull();
                    assertThat(c.path("name").asText()).isEqualTo(c.path("value").asText());
                });
            }
            assertThat(values(zones(bot, "schedule-qotd", "no such zone"))).isEmpty();
        }
    }

    @Test
    void the_poll_option_offers_the_open_polls_of_the_channels_article_with_their_claim_through_discord() {
        // GIVEN in this channel: a poll on claim c1, a poll on a long question, a closed poll, a poll on another
        // article; and a poll in another channel
        Article curated = TestBot.library().defaultArticle().orElseThrow();
        Article second = SecondArticle.load(dir);
        Library library = new Library(List.of(curated, second), List.of());
        Claim c1 = curated.claims().get(0);
        ChannelRef here = new ChannelRef("discord", FakeDiscord.GUILD_ID, FakeDiscord.CHANNEL_ID);
        Instant now = Clock.systemUTC().instant();
        long onClaim = open(curated.id(), Optional.of(c1.id()), c1.statement().zh(), here, now);
        String question = "Q".repeat(PollService.MAX_QUESTION);
        long onQuestion = open(curated.id(), Optional.empty(), question, here, now);
        long closed = open(curated.id(), Optional.empty(), "closed already?", here, now);
        store.close(closed, "admin", now);
        long otherArticle = open(second.id(), Optional.empty(), "on the other article?", here, now);
        long otherChannel = open(curated.id(), Optional.empty(), "elsewhere?",
                new ChannelRef("discord", FakeDiscord.GUILD_ID, "1400000000000000999"), now);
        PollViews polls = new PollViews(library, store, ZoneId.of("Asia/Shanghai"), Clock.systemUTC());

        try (AdapterOnFake bot = AdapterOnFake.start(new Shelf(library, choices), polls, Duration.ofDays(90))) {
            // WHEN users type in the poll option of vote (Chinese), results (English) and close (an id)
            JsonNode zh = bot.send(FakeDiscord.autocomplete("alice", "zh-CN", "article", "vote", "poll", 4, ""));
            JsonNode en = bot.send(FakeDiscord.autocomplete("bob", "en-US", "article", "results", "poll", 4, ""));
            JsonNode typed = bot.send(FakeDiscord.autocomplete("carol", "en-GB", "article-admin", "close", "poll", 4,
                    String.valueOf(onQuestion)));

            // THEN the open polls of this channel's article are offered, by id, labelled with id and claim
            assertThat(zh.path("type").asInt()).isEqualTo(8);
            assertThat(values(zh)).containsExactlyInAnyOrder(String.valueOf(onClaim), String.valueOf(onQuestion));
            String claimName = name(zh, onClaim);
            assertThat(claimName).startsWith("#" + onClaim + " · " + c1.id() + " · ")
                    .contains(c1.statement().zh().substring(0, 20));
            assertThat(name(en, onClaim)).startsWith("#" + onClaim + " · " + c1.id() + " · "
                    + c1.statement().en().substring(0, Math.min(20, c1.statement().en().length())));
            // AND names are cut to Discord's 100 characters
            assertThat(name(zh, onQuestion)).hasSize(100).startsWith("#" + onQuestion + " · QQQ").endsWith("…");
            // AND a typed id puts that poll first
            assertThat(values(typed)).first().isEqualTo(String.valueOf(onQuestion));
        }
    }

    private final InMemoryPolls store = new InMemoryPolls(Duration.ZERO);

    private long open(String articleId, Optional<String> claim, String question, ChannelRef where, Instant now) {
        return store.open(new NewPoll(articleId, claim, question, OptionSets.likert(), where, "opener", false, false,
                now, Optional.of(now.plus(Duration.ofDays(1))))).id();
    }

    private static JsonNode zones(AdapterOnFake bot, String subcommand, String typed) {
        return bot.send(FakeDiscord.autocomplete("admin", "en-US", "article-admin", subcommand, "zone", 3, typed));
    }

    /** The name of the choice whose value is {@code id}. */
    private static String name(JsonNode answer, long id) {
        for (JsonNode choice : answer.path("data").path("choices")) {
            if (choice.path("value").asLong() == id) {
                return choice.path("name").asText();
            }
        }
        throw new AssertionError("no choice " + id + " in " + answer);
    }

    private static List<String> values(JsonNode answer) {
        return answer.path("data").path("choices").findValuesAsText("value");
    }

    private Shelf shelf() {
        return new Shelf(TestBot.library(), choices);
    }

    private PollViews polls(Library library) {
        return new PollViews(library, store, ZoneId.of("Asia/Shanghai"), Clock.systemUTC());
    }

    private static List<String> names(List<Command.Choice> choices) {
        return choices.stream().map(Command.Choice::getName).toList();
    }
}
