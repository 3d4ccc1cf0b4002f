package io.taolun.app;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taolun.core.Lang;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
