package io.taolun.core.article;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class SeedLoaderTest {
    private static final Path SEEDS = Path.of("seeds");
    private static final String ID = "000_a8e75d267bb866eb";
    private static final String TEXT_NAME = ID + ".txt";
    private static final String SIDECAR_NAME = ID + ".yaml";
    private static final Path SHARED_TEXT = Path.of("..", "shared", "seeds", TEXT_NAME);
    private static final String TEXT_SHA256 = "bf81bb7400d96694ef273aacfd6ec5d86c2ee82fac104bf9dc282a7e316adfb2";
    private static final String DISCLAIMER_START = "特别声明:以上内容仅代表作者本人的观点或立场";

    @TempDir
    Path dir;

    // ---------------------------------------------------------------------------------------------------------------
    // The real seeds
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void the_real_seeds_directory_loads_one_curated_article_without_warnings() {
        // GIVEN the seeds directory of the project
        // WHEN it is loaded
        Library library = new SeedLoader().load(SEEDS);

        // THEN it holds exactly the one curated article and nothing was skipped
        assertThat(library.articles()).singleElement().satisfies(article -> {
            assertThat(article.id()).isEqualTo(ID);
            assertThat(article.curated()).isTrue();
        });
        assertThat(library.warnings()).isEmpty();
    }

    @Test
    void the_real_article_has_65_lines_in_13_sections() {
        // GIVEN the seeds directory of the project
        // WHEN it is loaded
        Article article = realArticle();

        // THEN the article has its 65 lines split into 13 sections
        assertThat(article.lines()).hasSize(65);
        assertThat(article.sections()).hasSize(13);
        assertThat(article.sections().get(0).firstLine()).isEqualTo(1);
        assertThat(article.sections().get(12).lastLine()).isEqualTo(65);
    }

    @Test
    void the_real_article_has_claims_and_quotes() {
        // GIVEN the seeds directory of the project
        // WHEN it is loaded
        Article article = realArticle();

        // THEN its claims and quotes came through
        assertThat(article.claims()).isNotEmpty();
        assertThat(article.quotes()).isNotEmpty();
    }

    @Test
    void the_real_article_marks_line_65_as_the_disclaimer() {
        // GIVEN the seeds directory of the project
        // WHEN it is loaded
        Article article = realArticle();

        // THEN line 65, the 特别声明 line, is the disclaimer and is not content
        assertThat(article.disclaimerLine()).hasValue(65);
        assertThat(article.lines().get(64)).startsWith("特别声明");
        assertThat(article.contentLines()).extracting(Line::number).doesNotContain(65);
    }

    @Test
    void the_real_article_closes_by_asking_what_the_reader_thinks() {
        // GIVEN the seeds directory of the project
        // WHEN it is loaded
        Article article = realArticle();

        // THEN the closing question is 你觉得呢?
        assertThat(article.closing()).hasValueSatisfying(closing -> {
            assertThat(closing.text()).isEqualTo("你觉得呢?");
            assertThat(closing.line()).isEqualTo(64);
        });
    }

    @Test
    void the_real_article_has_an_english_translation_of_every_line_but_the_disclaimer() {
        // GIVEN the seeds directory of the project
        // WHEN it is loaded
        Article article = realArticle();

        // THEN lines 1 to 64 are translated and the disclaimer is not
        assertThat(article.translation().keySet()).containsExactlyInAnyOrderElementsOf(
                article.contentLines().stream().map(Line::number).toList());
        assertThat(article.translationOf(65)).isEmpty();
        assertThat(article.translationOf(64)).hasValue("What do you think?");
        assertThat(article.translationOf(20)).hasValueSatisfying(t -> assertThat(t).contains("telecommunications"));
    }

    @Test
    void a_translation_missing_a_line_stops_loading_and_names_the_line() {
        // GIVEN the real sidecar without the translation of line 38
        writeSidecar(replaced("  38: \"So what does this mean for China?\"\n", ""));

        // WHEN the directory is loaded
        // THEN loading stops naming the field and the untranslated line
        assertThatLoadingFails().hasMessageContainingAll(SIDECAR_NAME, "translation", "line 38 has no translation");
    }

    @Test
    void a_translation_of_the_disclaimer_stops_loading_and_names_the_line() {
        // GIVEN the real sidecar translating the disclaimer too
        writeSidecar(realSidecar() + "  65: \"Special statement\"\n");

        // WHEN the directory is loaded
        // THEN loading stops: the disclaimer is never shown, so it has nothing to translate
        assertThatLoadingFails().hasMessageContainingAll(SIDECAR_NAME, "translation.65", "the disclaimer");
    }

    @Test
    void the_real_text_has_the_expected_sha256() throws IOException {
        // GIVEN the article text in the seeds directory
        byte[] bytes = Files.readAllBytes(SEEDS.resolve(TEXT_NAME));

        // WHEN its SHA-256 is computed
        String sha256 = sha256(bytes);

        // THEN it is the digest of the original article, so not a single byte was changed
        assertThat(sha256).isEqualTo(TEXT_SHA256);
    }

    @Test
    void the_real_text_is_byte_identical_to_the_shared_copy() {
        // GIVEN the shared copy of the article, when this checkout has one
        assumeTrue(Files.isRegularFile(SHARED_TEXT), "no " + SHARED_TEXT + " next to this checkout");

        // WHEN the two files are compared
        Path ours = SEEDS.resolve(TEXT_NAME);

        // THEN they hold the same bytes
        assertThat(ours).hasSameBinaryContentAs(SHARED_TEXT);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Spans: claims and quotes must be verbatim text of their section, never the disclaimer
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void a_claim_that_is_not_verbatim_stops_loading_and_names_the_field() {
        // GIVEN the real sidecar with claim c2 reworded
        writeSidecar(replaced("text: \"美国的成功不再是必然的。\"", "text: \"美国的成功仍是必然的。\""));

        // WHEN the directory is loaded
        // THEN loading stops naming the file, the field and the reworded text
        assertThatLoadingFails().hasMessageContainingAll(
                SIDECAR_NAME, "claims[1].text", "\"美国的成功仍是必然的。\"",
                "is not a verbatim span of section s1 (lines 1..5)");
    }

    @Test
    void a_quote_that_is_not_verbatim_stops_loading_and_names_the_field() {
        // GIVEN the real sidecar with quote q4 reworded
        writeSidecar(replaced("text: \"这套逻辑的核心就是“快”\"", "text: \"这套逻辑的核心就是“慢”\""));

        // WHEN the directory is loaded
        // THEN loading stops naming the file, the field and the reworded text
        assertThatLoadingFails().hasMessageContainingAll(
                SIDECAR_NAME, "quotes[3].text", "\"这套逻辑的核心就是“慢”\"",
                "is not a verbatim span of section s2 (lines 6..9)");
    }

    @Test
    void a_claim_whose_text_is_in_another_section_stops_loading_and_names_the_field() {
        // GIVEN the real sidecar with claim c4, a line of s2, attributed to s1
        writeSidecar(mutated(s -> entry(s, "claims", 3).put("section", "s1")));

        // WHEN the directory is loaded
        // THEN loading stops naming the claim's text and the section it was looked for in
        assertThatLoadingFails().hasMessageContainingAll(
                SIDECAR_NAME, "claims[3].text", "\"软件更新,不需要施工许可证;云服务器,不需要建厂房;",
                "is not a verbatim span of section s1 (lines 1..5)");
    }

    @Test
    void a_claim_on_the_disclaimer_line_stops_loading_and_names_the_field() {
        // GIVEN the real sidecar with claim c40 replaced by the start of the disclaimer (line 65, section s13)
        writeSidecar(mutated(s -> entry(s, "claims", 39).put("text", DISCLAIMER_START)));

        // WHEN the directory is loaded
        // THEN loading stops because the disclaimer is never quoted or polled
        assertThatLoadingFails().hasMessageContainingAll(
                SIDECAR_NAME, "claims[39].text", "\"" + DISCLAIMER_START + "\"", "is in the disclaimer");
    }

    @Test
    void a_quote_on_the_disclaimer_line_stops_loading_and_names_the_field() {
        // GIVEN the real sidecar with quote q32 (section s13) replaced by words of the disclaimer
        writeSidecar(mutated(s -> entry(s, "quotes", 31).put("text", "不代表Hehson财经头条的观点或立场")));

        // WHEN the directory is loaded
        // THEN loading stops because the disclaimer is never quoted or polled
        assertThatLoadingFails().hasMessageContainingAll(
                SIDECAR_NAME, "quotes[31].text", "\"不代表Hehson财经头条的观点或立场\"", "is in the disclaimer");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Sections: every line covered exactly once, in order
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void sections_with_a_gap_stop_loading_and_name_the_uncovered_lines() {
        // GIVEN the real sidecar whose section s2 starts at line 7, leaving line 6 to nobody
        writeSidecar(mutated(s -> entry(s, "sections", 1).put("lines", List.of(7, 9))));

        // WHEN the directory is loaded
        // THEN loading stops naming the section's lines and the gap
        assertThatLoadingFails().hasMessageContainingAll(
                SIDECAR_NAME, "sections[1].lines", "[7, 9]", "lines 6..6 are covered by no section");
    }

    @Test
    void overlapping_sections_stop_loading_and_name_the_line_covered_twice() {
        // GIVEN the real sidecar whose section s2 starts at line 5, which s1 already covers
        writeSidecar(mutated(s -> entry(s, "sections", 1).put("lines", List.of(5, 9))));

        // WHEN the directory is loaded
        // THEN loading stops naming the section's lines and the line covered twice
        assertThatLoadingFails().hasMessageContainingAll(
                SIDECAR_NAME, "sections[1].lines", "[5, 9]", "line 5 is already covered by an earlier section");
    }

    @Test
    void sections_that_stop_before_the_last_line_stop_loading_and_name_the_uncovered_lines() {
        // GIVEN the real sidecar whose last section ends at line 64 of 65
        writeSidecar(mutated(s -> entry(s, "sections", 12).put("lines", List.of(61, 64))));

        // WHEN the directory is loaded
        // THEN loading stops naming the lines left over
        assertThatLoadingFails().hasMessageContainingAll(
                SIDECAR_NAME, ": sections: ", "lines 65..65 are covered by no section");
    }

    @Test
    void a_lines_value_that_is_not_a_pair_stops_loading_and_names_the_value() {
        // GIVEN the real sidecar whose section s1 has a single number for its lines
        writeSidecar(mutated(s -> entry(s, "sections", 0).put("lines", List.of(5))));

        // WHEN the directory is loaded
        // THEN loading stops naming the field and the value
        assertThatLoadingFails().hasMessageContainingAll(
                SIDECAR_NAME, "sections[0].lines", "[5] is not [first, last]");
    }

    @Test
    void a_lines_value_that_runs_backwards_stops_loading_and_names_the_value() {
        // GIVEN the real sidecar whose section s2 runs from line 6 back to line 3
        writeSidecar(mutated(s -> entry(s, "sections", 1).put("lines", List.of(6, 3))));

        // WHEN the directory is loaded
        // THEN loading stops naming the field and the value
        assertThatLoadingFails().hasMessageContainingAll(
                SIDECAR_NAME, "sections[1].lines", "[6, 3] must run forwards within lines 1..65");
    }

    @Test
    void a_lines_value_past_the_end_of_the_article_stops_loading_and_names_the_value() {
        // GIVEN the real sidecar whose last section ends at line 70 of 65
        writeSidecar(mutated(s -> entry(s, "sections", 12).put("lines", List.of(61, 70))));

        // WHEN the directory is loaded
        // THEN loading stops naming the field and the value
        assertThatLoadingFails().hasMessageContainingAll(
                SIDECAR_NAME, "sections[12].lines", "[61, 70] must run forwards within lines 1..65");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Ids: unique across sections, claims and quotes
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void a_duplicate_section_id_stops_loading_and_names_the_id() {
        // GIVEN the real sidecar whose second section is also called s1
        writeSidecar(mutated(s -> entry(s, "sections", 1).put("id", "s1")));

        // WHEN the directory is loaded
        // THEN loading stops naming the field and the id
        assertThatLoadingFails().hasMessageContainingAll(SIDECAR_NAME, "sections[1].id", "\"s1\" is used twice");
    }

    @Test
    void a_duplicate_claim_id_stops_loading_and_names_the_id() {
        // GIVEN the real sidecar whose second claim is also called c1
        writeSidecar(mutated(s -> entry(s, "claims", 1).put("id", "c1")));

        // WHEN the directory is loaded
        // THEN loading stops naming the field and the id
        assertThatLoadingFails().hasMessageContainingAll(SIDECAR_NAME, "claims[1].id", "\"c1\" is used twice");
    }

    @Test
    void a_quote_with_the_id_of_a_claim_stops_loading_and_names_the_id() {
        // GIVEN the real sidecar whose first quote takes the id of claim c7
        writeSidecar(mutated(s -> entry(s, "quotes", 0).put("id", "c7")));

        // WHEN the directory is loaded
        // THEN loading stops naming the field and the id
        assertThatLoadingFails().hasMessageContainingAll(SIDECAR_NAME, "quotes[0].id", "\"c7\" is used twice");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Texts in both languages
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void a_title_without_chinese_stops_loading_and_names_the_field() {
        // GIVEN the real sidecar whose article title has no zh
        writeSidecar(mutated(s -> child(s, "meta", "title").remove("zh")));

        // WHEN the directory is loaded
        // THEN loading stops naming the missing field
        assertThatLoadingFails().hasMessageContainingAll(SIDECAR_NAME, "meta.title.zh", "missing or empty");
    }

    @Test
    void a_section_title_without_english_stops_loading_and_names_the_field() {
        // GIVEN the real sidecar whose section s3 title has an empty en
        writeSidecar(mutated(s -> child(entry(s, "sections", 2), "title").put("en", "  ")));

        // WHEN the directory is loaded
        // THEN loading stops naming the empty field
        assertThatLoadingFails().hasMessageContainingAll(SIDECAR_NAME, "sections[2].title.en", "missing or empty");
    }

    @Test
    void a_summary_without_english_stops_loading_and_names_the_field() {
        // GIVEN the real sidecar whose section s5 summary has no en
        writeSidecar(mutated(s -> child(entry(s, "sections", 4), "summary").remove("en")));

        // WHEN the directory is loaded
        // THEN loading stops naming the missing field
        assertThatLoadingFails().hasMessageContainingAll(SIDECAR_NAME, "sections[4].summary.en", "missing or empty");
    }

    @Test
    void a_summary_without_chinese_stops_loading_and_names_the_field() {
        // GIVEN the real sidecar whose section s9 summary has no zh
        writeSidecar(mutated(s -> child(entry(s, "sections", 8), "summary").remove("zh")));

        // WHEN the directory is loaded
        // THEN loading stops naming the missing field
        assertThatLoadingFails().hasMessageContainingAll(SIDECAR_NAME, "sections[8].summary.zh", "missing or empty");
    }

    @Test
    void a_claim_without_its_english_statement_stops_loading_and_names_the_field() {
        // GIVEN the real sidecar whose claim c6 has no English statement
        writeSidecar(mutated(s -> child(entry(s, "claims", 5), "statement").remove("en")));

        // WHEN the directory is loaded
        // THEN loading stops naming the missing field
        assertThatLoadingFails().hasMessageContainingAll(SIDECAR_NAME, "claims[5].statement.en", "missing or empty");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Claims for discussion: statements that stand alone, questions and options that fit the kind
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void a_statement_that_opens_with_a_connective_stops_loading_and_names_the_field() {
        // GIVEN the real sidecar whose claim c11 states its span as the fragment it is
        writeSidecar(mutated(s -> child(entry(s, "claims", 10), "statement")
                .put("zh", "而且系统协同极端复杂,背后是算力调度、电力负载、数据治理等等系统工程而非单点突破")));

        // WHEN the directory is loaded
        // THEN loading stops naming the field, the connective and what to do
        assertThatLoadingFails().hasMessageContainingAll(SIDECAR_NAME, "claims[10].statement.zh",
                "opens with \"而且\"", "say what it refers to");
    }

    @Test
    void an_english_statement_that_opens_with_a_bare_demonstrative_stops_loading_and_names_the_field() {
        // GIVEN the real sidecar whose claim c31 opens its English statement with "This"
        writeSidecar(mutated(s -> child(entry(s, "claims", 30), "statement")
                .put("en", "This real, large-scale demand can feed back into the infrastructure.")));

        // WHEN the directory is loaded
        // THEN loading stops naming the field and the word
        assertThatLoadingFails().hasMessageContainingAll(SIDECAR_NAME, "claims[30].statement.en", "opens with \"This\"");
    }

    @Test
    void a_statement_that_opens_with_a_demonstrative_inside_quotation_marks_stops_loading() {
        // GIVEN a statement whose first character is an opening quotation mark before 这些
        writeSidecar(mutated(s -> child(entry(s, "claims", 0), "statement").put("zh", "“这些”公司正在转型。")));

        // WHEN the directory is loaded
        // THEN the quotation mark does not hide the demonstrative
        assertThatLoadingFails().hasMessageContainingAll(SIDECAR_NAME, "claims[0].statement.zh", "opens with \"这\"");
    }

    @Test
    void a_claim_without_a_question_stops_loading_and_names_the_field() {
        writeSidecar(mutated(s -> entry(s, "claims", 0).remove("question")));
        assertThatLoadingFails().hasMessageContainingAll(SIDECAR_NAME, "claims[0].question", "missing");
    }

    @Test
    void a_claim_without_a_statement_stops_loading_and_names_the_field() {
        writeSidecar(mutated(s -> entry(s, "claims", 0).remove("statement")));
        assertThatLoadingFails().hasMessageContainingAll(SIDECAR_NAME, "claims[0].statement", "missing");
    }

    @Test
    void a_claim_without_options_stops_loading_and_names_the_field() {
        writeSidecar(mutated(s -> entry(s, "claims", 0).remove("options")));
        assertThatLoadingFails().hasMessageContainingAll(SIDECAR_NAME, "claims[0].options", "missing");
    }

    @Test
    void a_scale_that_does_not_fit_the_claims_kind_stops_loading_and_names_both() {
        // GIVEN the real sidecar whose opinion c1 is asked "will it happen?"
        writeSidecar(mutated(s -> entry(s, "claims", 0).put("options", "will")));

        // WHEN the directory is loaded
        // THEN loading stops naming the scale and the kind it does not fit
        assertThatLoadingFails().hasMessageContainingAll(SIDECAR_NAME, "claims[0].options",
                "\"will\" does not fit a claim of kind opinion");
    }

    @Test
    void a_fact_asked_for_agreement_stops_loading() {
        // GIVEN the real sidecar whose fact c6 is given the agreement scale
        writeSidecar(mutated(s -> entry(s, "claims", 5).put("options", "likert")));
        assertThatLoadingFails().hasMessageContainingAll(SIDECAR_NAME, "claims[5].options",
                "\"likert\" does not fit a claim of kind fact");
    }

    @Test
    void custom_options_of_one_answer_stop_loading_and_name_the_field() {
        writeSidecar(mutated(s -> entry(s, "claims", 0).put("options",
                List.of(new java.util.LinkedHashMap<>(Map.of("zh", "是", "en", "Yes"))))));
        assertThatLoadingFails().hasMessageContainingAll(SIDECAR_NAME, "claims[0].options",
                "list of 2 to 10 {zh, en} answers");
    }

    @Test
    void custom_options_load_as_the_claims_answers_in_both_languages() {
        // GIVEN the real sidecar, whose c22 asks its own question with four answers of its own
        Claim c22 = realArticle().claims().get(21);

        // THEN the claim carries them, in order, in both languages
        assertThat(c22.id()).isEqualTo("c22");
        assertThat(c22.options()).hasSize(4).first().isEqualTo(new Localized("更多是好消息", "More good than bad"));
        assertThat(c22.question().en()).isEqualTo("For China, is this more good news or bad news?");
    }

    @Test
    void a_placeholder_left_in_a_statement_stops_loading_and_names_it() {
        // GIVEN the real sidecar whose c1 English statement still holds a message-format placeholder
        writeSidecar(mutated(s -> child(entry(s, "claims", 0), "statement").put("en", "Major tech companies {0}.")));
        assertThatLoadingFails().hasMessageContainingAll(SIDECAR_NAME, "claims[0].statement.en",
                "holds the placeholder \"{0}\"");
    }

    @Test
    void a_todo_left_in_a_translation_stops_loading_and_names_the_line() {
        writeSidecar(mutated(s -> child(s, "translation").put("19", "TODO")));
        assertThatLoadingFails().hasMessageContainingAll(SIDECAR_NAME, "translation", "holds the placeholder \"TODO\"");
    }

    @Test
    void a_fragment_quote_in_the_daily_rotation_stops_loading_and_says_what_to_do() {
        // GIVEN the real sidecar whose q10 ("而是靠控制…", kept out of the rotation) is put back into it
        writeSidecar(mutated(s -> entry(s, "quotes", 9).put("daily", true)));

        // WHEN the directory is loaded
        // THEN loading stops naming the quote, the connective and the two ways out
        assertThatLoadingFails().hasMessageContainingAll(SIDECAR_NAME, "quotes[9].text", "opens with \"而是\"",
                "quote the whole sentence", "daily: false");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Discussion prompts: 2 or 3 per curated claim, in both languages
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void every_real_claim_carries_two_or_three_curated_prompts_in_both_languages() {
        Article article = realArticle();
        assertThat(article.claims()).hasSize(40).allSatisfy(c -> {
            assertThat(c.prompts()).as(c.id()).hasSizeBetween(Prompt.MIN, Prompt.MAX)
                    .noneMatch(Prompt::automatic).doesNotHaveDuplicates();
            assertThat(c.prompts()).as(c.id()).allSatisfy(p -> {
                assertThat(p.text().zh()).containsPattern("\\p{IsHan}").doesNotContain("'").hasSizeLessThan(120);
                assertThat(p.text().en()).doesNotContainPattern("\\p{IsHan}|'").hasSizeLessThan(240);
                assertThat(Fragments.leans(p.text().zh()) || Fragments.leans(p.text().en())).isFalse();
            });
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_claim_with_one_prompt_stops_loading_and_says_how_many_it_needs() {
        writeSidecar(mutated(s -> ((List<Object>) entry(s, "claims", 3).get("prompts")).subList(1, 3).clear()));
        assertThatLoadingFails().hasMessageContainingAll(SIDECAR_NAME, "claims[3].prompts", "has 1 prompts",
                "needs 2 or 3");
    }

    @Test
    void a_claim_without_prompts_stops_loading_and_names_the_field() {
        writeSidecar(mutated(s -> entry(s, "claims", 7).remove("prompts")));
        assertThatLoadingFails().hasMessageContainingAll(SIDECAR_NAME, "claims[7].prompts", "missing");
    }

    @Test
    void a_prompt_without_english_stops_loading_and_names_the_field() {
        writeSidecar(mutated(s -> entry(entry(s, "claims", 0), "prompts", 1).remove("en")));
        assertThatLoadingFails().hasMessageContainingAll(SIDECAR_NAME, "claims[0].prompts[1].en", "missing or empty");
    }

    @Test
    void a_prompt_that_repeats_the_polls_question_stops_loading() {
        writeSidecar(mutated(s -> entry(entry(s, "claims", 0), "prompts", 2).put("zh", "你同意这个观点吗？")));
        assertThatLoadingFails().hasMessageContainingAll(SIDECAR_NAME, "claims[0].prompts[2].zh",
                "repeats the question or an earlier prompt");
    }

    @Test
    void a_prompt_leaning_on_a_missing_sentence_stops_loading() {
        writeSidecar(mutated(s -> entry(entry(s, "claims", 1), "prompts", 0).put("zh", "这说明了什么？")));
        assertThatLoadingFails().hasMessageContainingAll(SIDECAR_NAME, "claims[1].prompts[0].zh", "opens with \"这\"");
    }

    @Test
    void a_prompt_without_chinese_stops_loading() {
        writeSidecar(mutated(s -> entry(entry(s, "claims", 1), "prompts", 0).put("zh", "What would change your mind?")));
        assertThatLoadingFails().hasMessageContainingAll(SIDECAR_NAME, "claims[1].prompts[0].zh", "has no Chinese");
    }

    @Test
    void a_placeholder_left_in_a_prompt_stops_loading() {
        writeSidecar(mutated(s -> entry(entry(s, "claims", 2), "prompts", 1).put("en", "Tell us about {0}.")));
        assertThatLoadingFails().hasMessageContainingAll(SIDECAR_NAME, "claims[2].prompts[1].en", "placeholder");
    }

    @Test
    void an_overlong_prompt_stops_loading() {
        writeSidecar(mutated(s -> entry(entry(s, "claims", 2), "prompts", 1).put("en", "Why? ".repeat(61))));
        assertThatLoadingFails().hasMessageContainingAll(SIDECAR_NAME, "claims[2].prompts[1].en",
                "longer than 300 characters");
    }

    @Test
    void the_real_daily_quotes_and_statements_all_stand_alone() {
        Article article = realArticle();
        assertThat(article.dailyQuotes()).isNotEmpty().hasSizeLessThan(article.quotes().size())
                .allSatisfy(q -> assertThat(Fragments.leans(q.text()) || Fragments.leans(q.gloss())).isFalse());
        assertThat(article.claims()).allSatisfy(c -> assertThat(Fragments.leans(c.statement().zh())
                || Fragments.leans(c.statement().en())).as(c.id()).isFalse());
        // AND no claim is the WSJ's date or who coined the slogan
        assertThat(article.claims()).extracting(Claim::text).noneMatch(t -> t.contains("2025年8月1日")
                || t.contains("出自2010年代"));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // References and enumerations
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void an_unknown_claim_kind_stops_loading_and_names_the_kind() {
        // GIVEN the real sidecar whose claim c1 is of a kind that does not exist
        writeSidecar(mutated(s -> entry(s, "claims", 0).put("kind", "rumour")));

        // WHEN the directory is loaded
        // THEN loading stops naming the field and the kind
        assertThatLoadingFails().hasMessageContainingAll(
                SIDECAR_NAME, "claims[0].kind", "\"rumour\" is not opinion, prediction, recommendation or fact");
    }

    @Test
    void a_reference_to_an_unknown_section_stops_loading_and_names_the_reference() {
        // GIVEN the real sidecar whose quote q3 points at section s99
        writeSidecar(mutated(s -> entry(s, "quotes", 2).put("section", "s99")));

        // WHEN the directory is loaded
        // THEN loading stops naming the field and the reference
        assertThatLoadingFails().hasMessageContainingAll(
                SIDECAR_NAME, "quotes[2].section", "\"s99\" names no section");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The YAML itself
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void an_unknown_key_in_meta_stops_loading_and_names_the_key() {
        // GIVEN the real sidecar with a key meta.colour that the format does not have
        writeSidecar(mutated(s -> child(s, "meta").put("colour", "red")));

        // WHEN the directory is loaded
        // THEN loading stops naming the key with its path
        assertThatLoadingFails().hasMessageContainingAll(SIDECAR_NAME, "meta.colour", "unknown key \"colour\"");
    }

    @Test
    void an_unknown_key_in_a_list_entry_stops_loading_and_names_the_key_with_its_index() {
        // GIVEN the real sidecar with a key weight on claim c5
        writeSidecar(mutated(s -> entry(s, "claims", 4).put("weight", 3)));

        // WHEN the directory is loaded
        // THEN loading stops naming the key with its path through the list
        assertThatLoadingFails().hasMessageContainingAll(SIDECAR_NAME, "claims[4].weight", "unknown key \"weight\"");
    }

    @Test
    void sections_written_as_a_string_stop_loading_and_name_the_field() {
        // GIVEN the real sidecar whose sections are a string instead of a list
        writeSidecar(mutated(s -> s.put("sections", "all of it")));

        // WHEN the directory is loaded
        // THEN loading stops naming the field with the wrong shape
        assertThatLoadingFails().hasMessageContainingAll(SIDECAR_NAME, ": sections: has the wrong shape");
    }

    @Test
    void invalid_yaml_syntax_stops_loading_and_names_the_line() {
        // GIVEN the real sidecar whose top-level key thesis lost its colon
        String broken = replaced("\nthesis: {zh:", "\nthesis {zh:");
        int line = lineOf(broken, "thesis {zh:");
        writeSidecar(broken);

        // WHEN the directory is loaded
        // THEN loading stops naming the line of the broken text
        assertThat(line).isEqualTo(5);
        assertThatLoadingFails().hasMessageContainingAll(SIDECAR_NAME, ": line 5: is not valid YAML");
    }

    @Test
    void invalid_yaml_syntax_inside_a_nested_value_stops_loading_and_names_the_line() {
        // GIVEN the real sidecar with a second mapping value on line 4, inside meta
        String broken = replaced("  language: zh\n", "  language: zh: en\n");
        int line = lineOf(broken, "  language: zh: en");
        writeSidecar(broken);

        // WHEN the directory is loaded
        // THEN loading stops and the message still names the line of the broken text
        assertThat(line).isEqualTo(4);
        assertThatLoadingFails().hasMessageContainingAll(SIDECAR_NAME, "line 4");
    }

    @Test
    void invalid_yaml_syntax_inside_a_nested_value_is_reported_as_invalid_yaml() {
        // GIVEN the real sidecar with a second mapping value on line 4, inside meta
        writeSidecar(replaced("  language: zh\n", "  language: zh: en\n"));

        // WHEN the directory is loaded
        // THEN loading stops saying the YAML is not valid at line 4, like any other syntax error
        assertThatLoadingFails().hasMessageContainingAll(SIDECAR_NAME, ": line 4: is not valid YAML");
    }

    @Test
    void an_empty_sidecar_stops_loading_and_names_the_file() {
        // GIVEN an empty sidecar next to the real text
        writeSidecar("");

        // WHEN the directory is loaded
        // THEN loading stops with a message about the whole file, not a field in it
        assertThatLoadingFails().hasMessageContaining(SIDECAR_NAME + ": file: ");
    }

    @Test
    void an_empty_sidecar_is_reported_as_empty() {
        // GIVEN an empty sidecar next to the real text
        writeSidecar("");

        // WHEN the directory is loaded
        // THEN loading stops saying the file is empty
        assertThatLoadingFails().hasMessageEndingWith(SIDECAR_NAME + ": file: is empty");
    }

    @Test
    void a_sidecar_holding_only_a_document_marker_is_reported_as_empty() {
        // GIVEN a sidecar that holds an empty YAML document
        writeSidecar("---\n");

        // WHEN the directory is loaded
        // THEN loading stops saying the file is empty
        assertThatLoadingFails().hasMessageEndingWith(SIDECAR_NAME + ": file: is empty");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // meta
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void a_date_that_does_not_exist_stops_loading_and_names_the_value() {
        // GIVEN the real sidecar, which gives no date (the commentary's own is not known), dated 32 August
        writeSidecar(replaced("  language: zh\n", "  date: \"2025-08-32\"\n  language: zh\n"));

        // WHEN the directory is loaded
        // THEN loading stops naming the field and the value
        assertThatLoadingFails().hasMessageContainingAll(
                SIDECAR_NAME, "meta.date", "\"2025-08-32\" is not a date like 2025-08-01");
    }

    @Test
    void a_language_other_than_zh_or_en_stops_loading_and_names_the_value() {
        // GIVEN the real sidecar claiming the article is French
        writeSidecar(replaced("  language: zh\n", "  language: fr\n"));

        // WHEN the directory is loaded
        // THEN loading stops naming the field and the value
        assertThatLoadingFails().hasMessageContainingAll(SIDECAR_NAME, "meta.language", "\"fr\" is not zh or en");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // closing and disclaimer
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void a_closing_text_that_differs_from_its_line_stops_loading_and_names_the_text() {
        // GIVEN the real sidecar whose closing asks a question the article does not ask
        writeSidecar(replaced("text: \"你觉得呢?\"", "text: \"你怎么看?\""));

        // WHEN the directory is loaded
        // THEN loading stops naming the field, the text and the line it was compared with
        assertThatLoadingFails().hasMessageContainingAll(
                SIDECAR_NAME, "closing.text", "\"你怎么看?\" is not line 64 of the article");
    }

    @Test
    void a_closing_line_past_the_end_stops_loading_and_names_the_line() {
        // GIVEN the real sidecar whose closing is on line 66 of 65
        writeSidecar(mutated(s -> child(s, "closing").put("line", 66)));

        // WHEN the directory is loaded
        // THEN loading stops naming the field and the line
        assertThatLoadingFails().hasMessageContainingAll(
                SIDECAR_NAME, "closing.line", "66 is not a line of the article (1..65)");
    }

    @Test
    void a_closing_on_the_disclaimer_line_stops_loading_and_names_the_line() {
        // GIVEN the real sidecar whose closing is the disclaimer, line 65
        writeSidecar(mutated(s -> child(s, "closing").put("line", 65)));

        // WHEN the directory is loaded
        // THEN loading stops naming the field and the line
        assertThatLoadingFails().hasMessageContainingAll(SIDECAR_NAME, "closing.line", "65 is the disclaimer line");
    }

    @Test
    void a_disclaimer_line_of_zero_stops_loading_and_names_the_line() {
        // GIVEN the real sidecar whose disclaimer is on line 0
        writeSidecar(mutated(s -> child(s, "disclaimer").put("line", 0)));

        // WHEN the directory is loaded
        // THEN loading stops naming the field and the line
        assertThatLoadingFails().hasMessageContainingAll(
                SIDECAR_NAME, "disclaimer.line", "0 is not a line of the article (1..65)");
    }

    @Test
    void a_disclaimer_line_past_the_end_stops_loading_and_names_the_line() {
        // GIVEN the real sidecar whose disclaimer is on line 66 of 65
        writeSidecar(mutated(s -> child(s, "disclaimer").put("line", 66)));

        // WHEN the directory is loaded
        // THEN loading stops naming the field and the line
        assertThatLoadingFails().hasMessageContainingAll(
                SIDECAR_NAME, "disclaimer.line", "66 is not a line of the article (1..65)");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Articles without a sidecar, and text files that are not articles
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void an_article_without_a_sidecar_loads_uncurated_and_lines_too_short_to_claim_give_no_claims_or_quotes() {
        // GIVEN a text with no sidecar
        writeText("plain.txt", PLAIN_TEXT);

        // WHEN the directory is loaded
        Library library = new SeedLoader().load(dir);

        // THEN it is there, uncurated, with nothing curated attached
        assertThat(library.articles()).singleElement().satisfies(article -> {
            assertThat(article.id()).isEqualTo("plain");
            assertThat(article.curated()).isFalse();
            assertThat(article.claims()).isEmpty();
            assertThat(article.quotes()).isEmpty();
            assertThat(article.closing()).isEmpty();
            assertThat(article.disclaimerLine()).isEmpty();
        });
        assertThat(library.warnings()).isEmpty();
    }

    @Test
    void an_uncurated_article_is_cut_into_sections_at_its_blank_lines() {
        // GIVEN a text of 10 non-blank lines in blocks of 2, 3, 4 and 1 line, and no sidecar
        writeText("plain.txt", PLAIN_TEXT);

        // WHEN the directory is loaded
        Article article = new SeedLoader().load(dir).articles().get(0);

        // THEN each block is a section, the last one-line block (a heading-like line) joining the one before it,
        // and each section is summarised by some of its lines
        assertThat(article.sections()).extracting(s -> article.contentLines(s).size()).containsExactly(2, 3, 5);
        assertThat(article.sections()).allSatisfy(s -> assertThat(article.contentLines(s)).extracting(Line::text)
                .contains(s.summary().orElseThrow().zh().split("\n")));
    }

    @Test
    void an_uncurated_article_covers_every_line_exactly_once() {
        // GIVEN a text that starts with a blank line and has blank lines inside, and no sidecar
        writeText("plain.txt", PLAIN_TEXT);

        // WHEN the directory is loaded
        Article article = new SeedLoader().load(dir).articles().get(0);

        // THEN the sections run from line 1 to the last line without a gap or an overlap
        List<Integer> covered = new ArrayList<>();
        article.sections().forEach(s -> IntStream.rangeClosed(s.firstLine(), s.lastLine()).forEach(covered::add));
        assertThat(covered).containsExactlyElementsOf(
                IntStream.rangeClosed(1, article.lines().size()).boxed().toList());
        // AND every non-blank line is content exactly once
        List<Integer> nonBlank = IntStream.rangeClosed(1, article.lines().size())
                .filter(n -> !article.lines().get(n - 1).isBlank()).boxed().toList();
        assertThat(article.contentLines()).extracting(Line::number).containsExactlyElementsOf(nonBlank);
    }

    @Test
    void an_uncurated_article_has_titles_in_both_languages() {
        // GIVEN a text with no sidecar
        writeText("plain.txt", PLAIN_TEXT);

        // WHEN the directory is loaded
        Article article = new SeedLoader().load(dir).articles().get(0);

        // THEN the article is titled by its first line and each section by its opening words (replies add "§2")
        assertThat(article.meta().title().zh()).isEqualTo("第一行文字");
        assertThat(article.meta().title().en()).isEqualTo("第一行文字");
        assertThat(article.sections().get(1).title().zh()).isEqualTo("第三行文字");
        assertThat(article.sections().get(1).title().en()).isEqualTo("第三行文字");
        assertThat(article.sections()).allSatisfy(s -> {
            assertThat(s.title().zh()).isNotBlank();
            assertThat(s.title().en()).isNotBlank();
        });
    }

    @Test
    void a_text_of_only_blank_lines_is_skipped_with_a_warning() {
        // GIVEN a text file holding nothing but blank lines, and no sidecar
        writeText("blank.txt", "\n   \n\t\n");

        // WHEN the directory is loaded
        Library library = new SeedLoader().load(dir);

        // THEN no article is made of it and the operator is told why
        assertThat(library.articles()).isEmpty();
        assertThat(library.warnings()).singleElement().asString()
                .contains("blank.txt").contains("skipped, it holds no text");
    }

    @Test
    void a_text_that_is_not_utf8_is_skipped_with_a_warning_and_the_others_still_load() throws IOException {
        // GIVEN a text file with bytes that are not UTF-8 next to a good text, neither with a sidecar
        Files.write(dir.resolve("broken.txt"), new byte[] {'a', (byte) 0xC3, '(', (byte) 0xFF, '\n'});
        writeText("good.txt", PLAIN_TEXT);

        // WHEN the directory is loaded
        List<Library> loaded = new ArrayList<>();
        Throwable thrown = catchThrowable(() -> loaded.add(new SeedLoader().load(dir)));

        // THEN loading goes on: the broken file is skipped with a warning and the good one is loaded
        assertThat(thrown).isNull();
        Library library = loaded.get(0);
        assertThat(library.articles()).extracting(Article::id).containsExactly("good");
        assertThat(library.warnings()).singleElement().asString()
                .contains("broken.txt").contains("cannot be read as UTF-8");
    }

    @Test
    void a_text_with_a_bom_and_crlf_line_endings_loads_with_clean_lines() {
        // GIVEN a text written on Windows: a byte order mark and CRLF line endings
        writeText("windows.txt", "\uFEFF第一行\r\n第二行\r\n\r\n第三行\r\n");

        // WHEN the directory is loaded
        Article article = new SeedLoader().load(dir).articles().get(0);

        // THEN its lines carry neither the BOM nor the carriage returns
        assertThat(article.lines()).containsExactly("第一行", "第二行", "", "第三行");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Builders
    // ---------------------------------------------------------------------------------------------------------------

    /** Ten non-blank lines; a leading blank line and blank lines inside. */
    private static final String PLAIN_TEXT = String.join("\n",
            "",
            "第一行文字",
            "第二行文字",
            "",
            "第三行文字",
            "第四行文字",
            "第五行文字",
            "   ",
            "第六行文字",
            "第七行文字",
            "第八行文字",
            "第九行文字",
            "",
            "第十行文字") + "\n";

    private static final YAMLMapper YAML = new YAMLMapper();

    private static Article realArticle() {
        return new SeedLoader().load(SEEDS).articles().get(0);
    }

    private AbstractThrowableAssert<?, ? extends Throwable> assertThatLoadingFails() {
        return assertThatThrownBy(() -> new SeedLoader().load(dir)).isInstanceOf(SeedException.class);
    }

    private static String realSidecar() {
        try {
            return Files.readString(SEEDS.resolve(SIDECAR_NAME), UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The real sidecar with one occurrence of {@code from} replaced; fails if {@code from} is not there exactly once. */
    private static String replaced(String from, String to) {
        String sidecar = realSidecar();
        int at = sidecar.indexOf(from);
        assertThat(at).as("\"%s\" in the real sidecar", from).isNotNegative();
        assertThat(sidecar.indexOf(from, at + 1)).as("\"%s\" only once in the real sidecar", from).isNegative();
        return sidecar.substring(0, at) + to + sidecar.substring(at + from.length());
    }

    /** The real sidecar parsed into maps and lists, changed by {@code change}, and written back as YAML. */
    private static String mutated(Consumer<Map<String, Object>> change) {
        try {
            Map<String, Object> sidecar = YAML.readValue(realSidecar(), new TypeReference<Map<String, Object>>() {
            });
            change.accept(sidecar);
            return YAML.writeValueAsString(sidecar);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code index}-th entry of the list under {@code key}. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> entry(Map<String, Object> parent, String key, int index) {
        return (Map<String, Object>) ((List<Object>) parent.get(key)).get(index);
    }

    /** The map reached from {@code parent} by following {@code keys}. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> child(Map<String, Object> parent, String... keys) {
        Map<String, Object> map = parent;
        for (String key : keys) {
            map = (Map<String, Object>) map.get(key);
        }
        return map;
    }

    /** Writes the sidecar into the temporary seeds directory, next to a copy of the real text. */
    private void writeSidecar(String yaml) {
        try {
            Files.copy(SEEDS.resolve(TEXT_NAME), dir.resolve(TEXT_NAME));
            Files.writeString(dir.resolve(SIDECAR_NAME), yaml, UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeText(String name, String text) {
        try {
            Files.writeString(dir.resolve(name), text, UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int lineOf(String text, String needle) {
        int at = text.indexOf(needle);
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
