package io.taolun.app;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taolun.core.Lang;
import io.taolun.core.ritual.Pick;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ConfigLoaderTest {
    private static final Path REPO_CONFIG = Path.of("config", "taolun.yaml");
    private static final String FILE_NAME = "taolun.yaml";

    @TempDir
    Path dir;

    @Test
    void the_repository_config_loads_with_chinese_as_the_language() {
        // GIVEN TAOLUN_CONFIG pointing at the config file shipped in the repository
        Map<String, String> env = Map.of("TAOLUN_CONFIG", REPO_CONFIG.toString());

        // WHEN the config is loaded
        TaolunConfig config = new ConfigLoader().load(env);

        // THEN it holds the documented defaults
        assertThat(config.language()).isEqualTo("zh");
        assertThat(config.lang()).isEqualTo(Lang.ZH);
        assertThat(config.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(config.dataPath()).isEqualTo(Path.of("data"));
        assertThat(config.seedsPath()).isEmpty();
    }

    @Test
    void a_file_that_sets_some_keys_keeps_the_defaults_for_the_others() {
        // GIVEN a config file that only sets the time zone
        Path file = write("timeZone: Europe/Paris\n");

        // WHEN it is read
        TaolunConfig config = new ConfigLoader().read(file);

        // THEN the time zone is taken and the other keys keep their defaults
        assertThat(config.zone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(config.language()).isEqualTo("zh");
        assertThat(config.dataDir()).isEqualTo("data");
    }

    @Test
    void a_weekly_poll_of_two_rounds_reads_its_rounds_and_when_round_two_opens() {
        // GIVEN a schedule of two rounds, one with its own time for round 2 and one without
        Path file = write("""
                rituals:
                  schedules:
                    - {name: a, kind: weekly-poll, day: mon, time: "09:00", zone: UTC, closeAfter: 3d, rounds: 2,
                       roundTwoAfter: 36h, channels: [{platform: slack, workspace: T1, channel: C1}]}
                    - {name: b, kind: weekly-poll, day: tue, time: "09:00", zone: UTC, rounds: 2,
                       channels: [{platform: slack, workspace: T1, channel: C2}]}
                """);
        // WHEN it is read
        TaolunConfig config = new ConfigLoader().read(file);
        // THEN round 2 opens when told, or the day before the results
        assertThat(config.rituals().schedules().get(0).spec("x").roundTwoAfter()).contains(Duration.ofHours(36));
        assertThat(config.rituals().schedules().get(1).spec("x").roundTwoAfter()).contains(Duration.ofDays(5));
        // AND a time for round 2 that does not fit, or one round with a time for round 2, stops loading
        assertThatReadingFails(write("""
                rituals:
                  schedules:
                    - {name: c, kind: weekly-poll, day: mon, time: "09:00", zone: UTC, closeAfter: 2d, rounds: 2,
                       roundTwoAfter: 2d, channels: [{platform: slack, workspace: T1, channel: C1}]}
                """)).hasMessageContaining("rituals.schedules[c].roundTwoAfter");
        assertThatReadingFails(write("""
                rituals:
                  schedules:
                    - {name: d, kind: weekly-poll, day: mon, time: "09:00", zone: UTC, roundTwoAfter: 2d,
                       channels: [{platform: slack, workspace: T1, channel: C1}]}
                """)).hasMessageContaining("rituals.schedules[d].roundTwoAfter: set rounds: 2");
        assertThatReadingFails(write("""
                rituals:
                  schedules:
                    - {name: e, kind: weekly-poll, day: mon, time: "09:00", zone: UTC, rounds: 3,
                       channels: [{platform: slack, workspace: T1, channel: C1}]}
                """)).hasMessageContaining("rituals.schedules[e].rounds: 3 is not 1 or 2");
    }

    @Test
    void a_weekly_poll_reads_how_it_picks_its_claims_mixed_by_default() {
        TaolunConfig config = new ConfigLoader().read(write("""
                rituals:
                  schedules:
                    - {name: a, kind: weekly-poll, day: mon, time: "09:00", zone: UTC, pick: divisive,
                       channels: [{platform: slack, workspace: T1, channel: C1}]}
                    - {name: b, kind: weekly-poll, day: tue, time: "09:00", zone: UTC,
                       channels: [{platform: slack, workspace: T1, channel: C2}]}
                """));
        assertThat(config.rituals().schedules().get(0).spec("x").pick()).isEqualTo(Pick.DIVISIVE);
        assertThat(config.rituals().schedules().get(1).spec("x").pick()).isEqualTo(Pick.MIXED);
        assertThatReadingFails(write("""
                rituals:
                  schedules:
                    - {name: f, kind: weekly-poll, day: mon, time: "09:00", zone: UTC, pick: loudest,
                       channels: [{platform: slack, workspace: T1, channel: C1}]}
                """)).hasMessageContaining("rituals.schedules[f].pick: \"loudest\" is not order, undiscussed, "
                + "divisive or mixed");
    }

    @Test
    void an_unknown_key_stops_loading_and_names_the_key() {
        // GIVEN a config file with a key Taolun does not know
        Path file = write("language: zh\ncolour: red\n");

        // WHEN it is read
        // THEN loading stops naming the file and the unknown key, and lists the known ones
        assertThatReadingFails(file).hasMessageContainingAll(
                FILE_NAME, "unknown key \"colour\"", "known keys here: channels, dataDir, discord, language, polls, rituals, seedsDir, timeZone");
    }

    @Test
    void a_language_other_than_zh_or_en_stops_loading_and_names_the_key() {
        // GIVEN a config file asking for French
        Path file = write("language: fr\n");

        // WHEN it is read
        // THEN loading stops naming the key and the value
        assertThatReadingFails(file).hasMessageContainingAll(FILE_NAME, "language: \"fr\" is not zh or en");
    }

    @Test
    void a_time_zone_that_does_not_exist_stops_loading_and_names_the_key() {
        // GIVEN a config file with a made-up time zone
        Path file = write("timeZone: Mars/Olympus_Mons\n");

        // WHEN it is read
        // THEN loading stops naming the key and the value
        assertThatReadingFails(file).hasMessageContainingAll(
                FILE_NAME, "timeZone: \"Mars/Olympus_Mons\" is not an IANA time zone");
    }

    @Test
    void an_empty_data_dir_stops_loading_and_names_the_key() {
        // GIVEN a config file whose dataDir is an empty string
        Path file = write("dataDir: \"\"\n");

        // WHEN it is read
        // THEN loading stops naming the key
        assertThatReadingFails(file).hasMessageContainingAll(FILE_NAME, "dataDir: must not be empty");
    }

    @Test
    void taolun_config_pointing_at_a_missing_file_is_refused_naming_the_variable() {
        // GIVEN TAOLUN_CONFIG pointing at a file that does not exist
        Path missing = dir.resolve("nowhere.yaml");
        Map<String, String> env = Map.of("TAOLUN_CONFIG", missing.toString());

        // WHEN the config is loaded
        // THEN loading stops naming the variable and the path it holds
        assertThatThrownBy(() -> new ConfigLoader().load(env))
                .isInstanceOf(ConfigException.class)
                .hasMessageContainingAll("TAOLUN_CONFIG", "\"" + missing + "\"", "is not a readable file");
    }

    @Test
    void invalid_yaml_stops_loading_and_names_the_line() {
        // GIVEN a config file whose third line is not valid YAML
        Path file = write("language: zh\ndataDir: data\ntimeZone: Asia/Shanghai: again\n");

        // WHEN it is read
        // THEN loading stops naming the line
        assertThatReadingFails(file).hasMessageContainingAll(FILE_NAME, ": line 3: is not valid YAML");
    }

    @Test
    void an_empty_file_gives_the_defaults() {
        // GIVEN an empty config file
        Path file = write("");

        // WHEN it is read
        TaolunConfig config = new ConfigLoader().read(file);

        // THEN every key has its default
        assertThat(config).isEqualTo(TaolunConfig.defaults());
    }

    @Test
    void a_file_of_only_comments_gives_the_defaults() {
        // GIVEN a config file whose every key is commented out
        Path file = write("# language: en\n# timeZone: Europe/Paris\n");

        // WHEN it is read
        TaolunConfig config = new ConfigLoader().read(file);

        // THEN every key has its default
        assertThat(config).isEqualTo(TaolunConfig.defaults());
    }

    @Test
    void an_empty_yaml_document_gives_the_defaults() {
        // GIVEN a config file holding an empty YAML document
        Path file = write("---\n");

        // WHEN it is read
        TaolunConfig config = new ConfigLoader().read(file);

        // THEN every key has its default
        assertThat(config).isEqualTo(new TaolunConfig("zh", "Asia/Shanghai", "data", null, PollsConfig.defaults(), DiscordConfig.defaults(), null, null));
    }

    @Test
    void channel_languages_are_read_and_checked() {
        // GIVEN
        Path file = write("channels:\n  - platform: discord\n    channel: \"42\"\n    language: en\n");
        // THEN
        assertThat(new ConfigLoader().read(file).channelLanguages()).containsEntry("discord:42", io.taolun.core.Lang.EN);
        assertThatReadingFails(write("channels:\n  - platform: irc\n    channel: x\n    language: en\n"))
                .hasMessageContaining("channels[].platform");
        assertThatReadingFails(write("channels:\n  - platform: slack\n    channel: C1\n    language: fr\n"))
                .hasMessageContaining("channels[].language");
    }

    @Test
    void without_discord_shards_the_process_holds_the_one_shard() {
        // GIVEN a config file with Discord guilds but no shards
        Path file = write("discord:\n  guilds: []\n");

        // WHEN it is read
        DiscordConfig.ShardsConfig shards = new ConfigLoader().read(file).discord().shards();

        // THEN there is one shard in all, and this process holds it
        assertThat(shards.total()).isEqualTo(1);
        assertThat(shards.ids()).containsExactly(0);
    }

    @Test
    void a_shard_total_without_ids_holds_every_shard() {
        // GIVEN a config file with 3 shards in all and no ids
        Path file = write("discord:\n  shards:\n    total: 3\n");

        // WHEN it is read
        // THEN this process holds all three
        assertThat(new ConfigLoader().read(file).discord().shards().ids()).containsExactly(0, 1, 2);
    }

    @Test
    void a_replica_lists_its_own_shard_ids_and_they_reach_the_discord_settings() {
        // GIVEN a replica holding shards 1 and 3 of 4
        Path file = write("discord:\n  shards:\n    total: 4\n    ids: [3, 1]\n");

        // WHEN it is read and the Discord settings are made from it
        DiscordConfig discord = new ConfigLoader().read(file).discord();
        var settings = PlatformSettings.from(Map.of("DISCORD_TOKEN", "t"), discord).discord().orElseThrow();

        // THEN the settings hold those shards of 4
        assertThat(settings.shardsTotal()).isEqualTo(4);
        assertThat(settings.shardIds()).containsExactly(3, 1);
    }

    @Test
    void a_shard_total_below_one_stops_loading_and_names_the_key() {
        assertThatReadingFails(write("discord:\n  shards:\n    total: 0\n"))
                .hasMessageContainingAll(FILE_NAME, "discord.shards.total: 0 is not between 1 and");
    }

    @Test
    void a_shard_id_outside_the_total_stops_loading_and_names_the_key() {
        assertThatReadingFails(write("discord:\n  shards:\n    total: 2\n    ids: [0, 2]\n"))
                .hasMessageContainingAll(FILE_NAME, "discord.shards.ids: 2 is not a shard of 2 (0 to 1)");
        assertThatReadingFails(write("discord:\n  shards:\n    total: 2\n    ids: [-1]\n"))
                .hasMessageContainingAll(FILE_NAME, "discord.shards.ids: -1 is not a shard of 2");
    }

    @Test
    void a_shard_id_listed_twice_stops_loading_and_names_the_key() {
        assertThatReadingFails(write("discord:\n  shards:\n    total: 4\n    ids: [1, 3, 1]\n"))
                .hasMessageContainingAll(FILE_NAME, "discord.shards.ids: 1 is listed twice");
    }

    @Test
    void shard_ids_without_a_total_stop_loading_and_name_both_keys() {
        // GIVEN ids, which only mean something against the total every replica shares, without that total
        Path file = write("discord:\n  shards:\n    ids: [0]\n");

        // WHEN it is read
        // THEN loading stops rather than guess the total
        assertThatReadingFails(file).hasMessageContainingAll(FILE_NAME,
                "discord.shards.ids: [0] given without discord.shards.total");
    }

    @Test
    void an_empty_list_of_shard_ids_or_an_unknown_shard_key_stops_loading() {
        assertThatReadingFails(write("discord:\n  shards:\n    total: 2\n    ids: []\n"))
                .hasMessageContainingAll(FILE_NAME, "discord.shards.ids: [] holds no shard");
        assertThatReadingFails(write("discord:\n  shards:\n    count: 2\n"))
                .hasMessageContainingAll(FILE_NAME, "unknown key \"count\"", "known keys here: ids, total");
    }

    private AbstractThrowableAssert<?, ? extends Throwable> assertThatReadingFails(Path file) {
        return assertThatThrownBy(() -> new ConfigLoader().read(file)).isInstanceOf(ConfigException.class);
    }

    private Path write(String yaml) {
        try {
            return Files.writeString(dir.resolve(FILE_NAME), yaml, UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
