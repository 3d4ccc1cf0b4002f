package io.taolun.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.taolun.testing.ChildJvm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the packaged jar's console as a real child JVM, as a newcomer would from the README. */
final class ConsoleProcessIT {
    @TempDir
    Path data;

    private record Result(int exit, String out, String err) {
    }

    private Result run(List<String> env, String... args) throws IOException, InterruptedException {
        return runWithInput("", env, args);
    }

    private Result runWithInput(String input, List<String> env, String... args)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(ChildJvm.jar(args));
        pb.environment().remove("SLACK_BOT_TOKEN");
        pb.environment().remove("DISCORD_TOKEN");
        pb.environment().remove("TAOLUN_CONFIG");
        pb.environment().put("LANG", "C");
        for (String kv : env) {
            String[] parts = kv.split("=", 2);
            pb.environment().put(parts[0], parts[1]);
        }
        Path out = data.resolve("out.txt");
        Path err = data.resolve("err.txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
        Process p = pb.start();
        p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the console exits by itself").isTrue();
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void one_shot_mode_runs_each_command_in_order_and_exits_zero() throws Exception {
        // WHEN
        Result r = run(List.of(), "console", "--data", data.toString(),
                "-e", "/article about", "-e", "/article summary 3", "-e", "/article discuss");
        // THEN
        assertThat(r.exit()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("共 13 节", "§3 ", "你觉得呢?");
        assertThat(r.out().indexOf("共 13 节")).isLessThan(r.out().indexOf("§3 "));
    }

    @Test
    void english_is_chosen_with_lang_en_and_chinese_survives_a_c_locale() throws Exception {
        Result r = run(List.of(), "console", "--lang", "en", "-e", "/article summary 3", "-e", "/article quote 1");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Two changes", "「").doesNotContain("?????");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void bad_input_prints_a_usage_answer_and_no_stack_trace() throws Exception {
        Result r = run(List.of(), "console", "-e", "/article section 999", "-e", "/article nope", "-e",
                "/article search", "-e", "/article @everyone");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("/article section <", "/article search <").doesNotContain("@everyone");
        assertThat(r.out() + r.err()).doesNotContain("Exception", "\tat ");
    }

    @Test
    void a_broken_config_stops_start_up_with_one_message_naming_the_key() throws Exception {
        // GIVEN
        Path config = data.resolve("bad.yaml");
        Files.writeString(config, "language: zh\ncolour: blue\n");
        // WHEN
        Result r = run(List.of("TAOLUN_CONFIG=" + config), "console", "-e", "/article about");
        // THEN
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("colour").doesNotContain("\tat ");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void commands_piped_in_without_a_terminal_are_answered_line_by_line() throws Exception {
        // WHEN a newcomer pipes commands in (no terminal, as in docker run without -t)
        Result r = runWithInput("/article quote 1\n/article discuss\nquit\n/article about\n", List.of(),
                "--data", data.toString());
        // THEN each line is answered, with no escape codes, no stack trace, and nothing after quit
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("引语 1/32", "你觉得呢?").doesNotContain("\u001b", "共 13 节");
        assertThat(r.err()).doesNotContain("Exception");
    }

    @Test
    void an_unusable_data_directory_stops_start_up_naming_the_option() throws Exception {
        Path file = Files.writeString(data.resolve("afile"), "not a directory");
        Result r = run(List.of(), "console", "--data", file.toString(), "-e", "/article about");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--data", "cannot be used as a directory").doesNotContain("\tat ");
    }

    @Test
    void a_duplicated_config_key_stops_start_up() throws Exception {
        Path config = Files.writeString(data.resolve("dup.yaml"), "language: zh\nlanguage: en\n");
        Result r = run(List.of("TAOLUN_CONFIG=" + config), "console", "-e", "/article about");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("line 2", "language");
    }

    @Test
    void a_broken_sidecar_stops_start_up_naming_file_field_and_value() throws Exception {
        // GIVEN a seeds dir whose sidecar misquotes the article
        Path seeds = Files.createDirectories(data.resolve("seeds"));
        Files.copy(Path.of("seeds", "000_a8e75d267bb866eb.txt"), seeds.resolve("000_a8e75d267bb866eb.txt"));
        String yaml = Files.readString(Path.of("seeds", "000_a8e75d267bb866eb.yaml"));
        Files.writeString(seeds.resolve("000_a8e75d267bb866eb.yaml"), yaml.replace("你觉得呢?\"", "你觉得呢？\""));
        Path config = data.resolve("c.yaml");
        Files.writeString(config, "seedsDir: " + seeds + "\n");
        // WHEN
        Result r = run(List.of("TAOLUN_CONFIG=" + config), "console", "-e", "/article about");
        // THEN
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("000_a8e75d267bb866eb.yaml", "closing.text", "你觉得呢？").doesNotContain("\tat ");
    }

    @Test
    void an_article_dropped_into_seeds_with_no_sidecar_can_be_chosen_and_discussed() throws Exception {
        // GIVEN the seeds hold the curated article and a second one with no sidecar
        Path seeds = Files.createDirectories(data.resolve("seeds"));
        for (String file : List.of("000_a8e75d267bb866eb.txt", "000_a8e75d267bb866eb.yaml")) {
            Files.copy(Path.of("seeds", file), seeds.resolve(file));
        }
        io.taolun.core.article.SecondArticle.writeInto(seeds);
        Path config = Files.writeString(data.resolve("c.yaml"), "seedsDir: " + seeds + "\n");
        String second = io.taolun.core.article.SecondArticle.ID;

        // WHEN the console user lists the library, switches, and asks the usual questions, then starts again
        Result r = run(List.of("TAOLUN_CONFIG=" + config), "console", "--data", data.toString(), "--lang", "en",
                "-e", "/article list", "-e", "/article use " + second, "-e", "/article summary",
                "-e", "/article claims", "-e", "/article quote 1", "-e", "/article search 储能");
        Result again = run(List.of("TAOLUN_CONFIG=" + config), "console", "--data", data.toString(), "--lang",
                "en", "-e", "/article about");

        // THEN both articles are listed, and every answer after use comes from the second one
        assertThat(r.exit()).isZero();
        assertThat(r.err()).isEmpty();
        String out = r.out();
        assertThat(out).contains("Library · 2 articles", "000_a8e75d267bb866eb", second, "automatic",
                "This channel now discusses " + second);
        String after = out.substring(out.indexOf("This channel now discusses"));
        assertThat(after).contains("城市电池", io.taolun.core.article.SecondArticle.FIGURE.substring(0, 10), "储能")
                .doesNotContain("卡脖子");
        // AND the search typed in Chinese under LANG=C searched what was typed (the JVM decoded it as U+FFFD)
        assertThat(after).contains("【储能】").doesNotContain("\uFFFD");
        // AND the choice is kept in the database: the next start still discusses the second article
        assertThat(again.exit()).isZero();
        assertThat(again.out()).contains("城市电池").doesNotContain("13 sections");
    }
}
