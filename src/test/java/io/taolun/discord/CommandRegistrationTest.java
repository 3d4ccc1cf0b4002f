package io.taolun.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.taolun.core.TestBot;
import io.taolun.core.article.Article;
import io.taolun.core.article.Library;
import io.taolun.core.article.SecondArticle;
import io.taolun.core.library.Shelf;
import io.taolun.core.poll.InMemoryPolls;
import io.taolun.core.poll.OptionSets;
import io.taolun.core.poll.PollViews;
import io.taolun.core.ritual.ScheduleWords;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command tree as the real JDA registers it with the fake Discord: every command, subcommand, option and choice
 * described in Chinese and English, integer options bounded by what the core accepts, autocomplete where offered.
 */
final class CommandRegistrationTest {
    private static final Duration LONGEST_POLL = Duration.ofHours(2160);
    private static final String NAME = "^[-_\\p{L}\\p{N}\\p{sc=Deva}\\p{sc=Thai}]{1,32}$";

    @TempDir
    Path dir;

    private AdapterOnFake bot;
    private Library library;
    private JsonNode commands;

    /** One element of the tree: its path ({@code article-admin.poll.hours}) and its JSON. */
    private record Node(String path, JsonNode json) {
    }

    @BeforeEach
    void register() {
        // GIVEN a library of two articles and the adapter logged in to the fake Discord
        Article curated = TestBot.library().defaultArticle().orElseThrow();
        library = new Library(List.of(curated, SecondArticle.load(dir)), List.of());
        Shelf shelf = new Shelf(library, new io.taolun.core.library.ChannelArticles() {
            @Override
            public Optional<String> of(io.taolun.core.ChannelRef where) {
                return Optional.empty();
            }

            @Override
            public void choose(io.taolun.core.ChannelRef where, String articleId, String by, java.time.Instant at) {
            }
        });
        PollViews polls = new PollViews(library, new InMemoryPolls(Duration.ZERO), ZoneId.of("Asia/Shanghai"),
                Clock.systemUTC());
        bot = AdapterOnFake.start(shelf, polls, LONGEST_POLL);
        // WHEN it registers its commands
        commands = bot.registered();
    }

    @AfterEach
    void stop() {
        bot.close();
    }

    @Test
    void every_command_subcommand_and_option_is_described_in_chinese_and_english_with_english_by_default() {
        List<Node> described = new ArrayList<>();
        walk(commands, "", described, new ArrayList<>());

        // THEN both commands, all 26 subcommands and their options were walked
        assertThat(described.stream().filter(n -> !n.path().contains(".")).map(Node::path))
                .containsExactlyInAnyOrder("article", "article-admin");
        assertThat(described.stream().filter(n -> n.path().contains(".") && n.json().path("type").asInt() == 1))
                .hasSize(26);
        // 2 commands, 26 subcommands, 24 options under /article (10 of them share, 1 is section's zh, 1 is report's
        // period, 2 are add-option's poll and option), 29 under /article-admin (poll's rounds, max and open, round's
        // poll and hours, edit's 7 and delete's 2 among them)
        assertThat(described).hasSize(85);
        for (Node node : described) {
            JsonNode json = node.json();
            String description = json.path("description").asText();
            JsonNode local = json.path("description_localizations");
            assertThat(local.path("zh-CN").asText()).as(node.path()).containsPattern("\\p{IsHan}");
            assertThat(local.path("zh-TW").asText()).as(node.path()).isEqualTo(local.path("zh-CN").asText());
            assertThat(local.path("en-US").asText()).as(node.path()).isEqualTo(description)
                    .doesNotContainPattern("\\p{IsHan}").isNotBlank();
            assertThat(local.path("en-GB").asText()).as(node.path()).isEqualTo(description);
            for (String text : List.of(description, local.path("zh-CN").asText())) {
                assertThat(text.length()).as(node.path()).isBetween(1, 100);
                assertThat(text).as(node.path()).doesNotContain("{", "discord.");
            }
            // AND names stay as the help and the docs write them, in every locale
            assertThat(json.path("name").asText()).as(node.path()).matches(NAME)
                    .isEqualTo(json.path("name").asText().toLowerCase(java.util.Locale.ROOT));
            assertThat(json.path("name_localizations").size()).as(node.path()).isZero();
        }
    }

    @Test
    void every_choice_is_named_in_chinese_and_english_and_its_value_is_read_by_the_core() {
        List<Node> all = new ArrayList<>();
        walk(commands, "", new ArrayList<>(), all);
        List<Node> periods = all.stream().filter(n -> n.path().startsWith("article.report.")).toList();
        List<Node> picks = all.stream().filter(n -> n.path().contains(".pick.")).toList();
        List<Node> choices = all.stream().filter(n -> !periods.contains(n) && !picks.contains(n)).toList();

        // report's periods: the words the core reads, named in both languages
        assertThat(periods).extracting(n -> n.json().path("value").asText()).containsExactly("week", "month", "all");
        assertThat(periods).extracting(n -> n.json().path("name_localizations").path("zh-CN").asText())
                .containsExactly("近 7 天", "近 30 天", "全部");
        assertThat(periods).extracting(n -> n.json().path("name_localizations").path("en-GB").asText())
                .containsExactly("Last 7 days", "Last 30 days", "All time");
        assertThat(choices).extracting(n -> n.json().path("value").asText())
                .containsExactly("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");
        Set<String> chinese = new HashSet<>();
        for (Node choice : choices) {
            JsonNode json = choice.json();
            JsonNode local = json.path("name_localizations");
            assertThat(json.path("name").asText()).as(choice.path()).matches("[A-Z][a-z]+day");
            assertThat(local.path("zh-CN").asText()).as(choice.path()).matches("星期[一二三四五六日]");
            assertThat(local.path("zh-TW").asText()).as(choice.path()).isEqualTo(local.path("zh-CN").asText());
            assertThat(local.path("en-US").asText()).as(choice.path()).isEqualTo(json.path("name").asText());
            assertThat(local.path("en-GB").asText()).as(choice.path()).isEqualTo(json.path("name").asText());
            chinese.add(local.path("zh-CN").asText());
            // AND the core reads the value the command passes on
            assertThat(ScheduleWords.day(json.path("value").asText()).name().toLowerCase(java.util.Locale.ROOT))
                    .isEqualTo(json.path("value").asText());
        }
        assertThat(chinese).hasSize(7);
        // the weekly pick's rules: the words the core reads, named in both languages
        assertThat(picks).extracting(n -> n.json().path("value").asText())
                .containsExactly("mixed", "undiscussed", "divisive", "order");
        assertThat(picks).extracting(n -> n.json().path("name_localizations").path("zh-CN").asText())
                .containsExactly("混合（默认）", "先选没讨论过的", "再问分歧最大的（两轮）", "按文章顺序");
        assertThat(picks).extracting(n -> n.json().path("name_localizations").path("en-GB").asText())
                .containsExactly("Mixed", "Undiscussed first", "Most divisive again", "Article order");
        assertThat(picks).allSatisfy(n -> assertThat(io.taolun.core.ritual.Pick.parse(n.json().path("value").asText()))
                .isPresent());
    }

    @Test
    void every_integer_option_is_bounded_by_what_the_core_accepts() {
        List<Node> all = new ArrayList<>();
        walk(commands, "", all, new ArrayList<>());
        List<Node> integers = all.stream().filter(n -> n.json().path("type").asInt() == 4).toList();
        int sections = library.articles().stream().mapToInt(a -> a.sections().size()).max().orElseThrow();

        assertThat(integers).extracting(Node::path).containsExactlyInAnyOrder(
                "article.section.section", "article.summary.section", "article.claims.section",
                "article.vote.poll", "article.vote.option", "article.results.poll", "article.export.poll",
                "article.add-option.poll", "article-admin.edit.poll", "article-admin.edit.hours",
                "article-admin.edit.remove", "article-admin.delete.poll", "article-admin.poll.hours", "article-admin.poll.rounds", "article-admin.poll.max", "article-admin.close.poll",
                "article-admin.round.poll", "article-admin.round.hours", "article-admin.schedule-weekly-poll.rounds",
                "article-admin.schedule-off.id");
        for (Node node : integers) {
            String name = node.path().substring(node.path().lastIndexOf('.') + 1);
            // several choices start at 2 (one is a poll of one choice, without the option)
            assertThat(node.json().path("min_value").asLong()).as(node.path()).isEqualTo(name.equals("max") ? 2 : 1);
            long max = switch (name) {
                case "section" -> sections;
                case "rounds" -> 2;
                case "max" -> OptionSets.MAX_CUSTOM;
                case "option", "remove" -> OptionSets.MAX_CUSTOM;
                case "hours" -> LONGEST_POLL.toHours();
                default -> (1L << 53) - 1;
            };
            assertThat(node.json().path("max_value").asLong()).as(node.path()).isEqualTo(max);
        }
    }

    @Test
    void autocomplete_is_offered_for_sections_quotes_claims_polls_zones_and_articles_only() {
        List<Node> all = new ArrayList<>();
        walk(commands, "", all, new ArrayList<>());

        assertThat(all.stream().filter(n -> n.json().path("autocomplete").asBoolean()).map(Node::path))
                .containsExactlyInAnyOrder("article.section.section", "article.summary.section",
                        "article.claims.section", "article.quote.which", "article.history.claim",
                        "article.vote.poll", "article.results.poll", "article.export.poll",
                        "article.add-option.poll", "article-admin.edit.poll", "article-admin.delete.poll",
                        "article-admin.poll.claim", "article-admin.close.poll", "article-admin.round.poll",
                        "article-admin.schedule-weekly-poll.zone", "article-admin.schedule-qotd.zone",
                        "article-admin.use.article");
    }

    /** Every command, subcommand and option under {@code nodes} into {@code out}, every choice into {@code choices}. */
    private static void walk(JsonNode nodes, String parent, List<Node> out, List<Node> choices) {
        for (JsonNode node : nodes) {
            String path = parent.isEmpty() ? node.path("name").asText() : parent + "." + node.path("name").asText();
            out.add(new Node(path, node));
            for (JsonNode choice : node.path("choices")) {
                choices.add(new Node(path + "." + choice.path("value").asText(), choice));
            }
            walk(node.path("options"), path, out, choices);
        }
    }
}
