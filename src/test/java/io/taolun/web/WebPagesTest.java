package io.taolun.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.taolun.core.TestBot;
import io.taolun.core.article.Article;
import io.taolun.core.article.Library;
import io.taolun.core.article.SeedLoader;
import io.taolun.core.poll.InMemoryPolls;
import io.taolun.testing.TouchesTime;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pages as the server returns them, on the in-memory poll ports and the bot's clock. */
@TouchesTime
final class WebPagesTest {
    private static final String ID = "000_a8e75d267bb866eb";
    private final InMemoryPolls polls = new InMemoryPolls(Duration.ofSeconds(1));
    private final TestBot bot = TestBot.withPolls(polls, polls, TestBot.everyoneMayOpen());
    private final Article article = TestBot.library().defaultArticle().orElseThrow();
    private final WebPages web = new WebPages(TestBot.library(), polls, bot.clock());

    private WebResponse get(String path) {
        int q = path.indexOf('?');
        return web.handle("GET", q < 0 ? path : path.substring(0, q),
                q < 0 ? Optional.empty() : Optional.of(path.substring(q + 1)), Optional.empty());
    }

    private String html(String path) {
        WebResponse r = get(path);
        assertThat(r.status()).as(path).isEqualTo(200);
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    private static int count(String html, String regex) {
        Matcher m = Pattern.compile(regex).matcher(html);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void the_library_lists_each_article_with_its_source_and_counts() {
        String page = html("/");
        assertThat(page).contains("<html lang=\"zh\">", "href=\"/articles/" + ID + "\"",
                article.meta().title().zh(), "13 个章节 · 40 个观点 · 32 条引文");
        assertThat(html("/?lang=en")).contains("<html lang=\"en\">", "13 sections · 40 claims · 32 quotes",
                "href=\"/articles/" + ID + "?lang&#61;en\"");
    }

    @Test
    void the_reading_page_has_every_section_every_line_but_the_disclaimer_and_the_closing_question_at_the_end() {
        String page = html("/articles/" + ID);
        // every section with its anchor and heading, in order, under one h1
        assertThat(count(page, "<h1[ >]")).isEqualTo(1);
        for (int s = 1; s <= 13; s++) {
            assertThat(page).contains("<section id=\"s" + s + "\"", "<h2 id=\"s" + s + "-h\">");
        }
        // every content line in the article's words, with its translation; never the disclaimer
        for (int n = 1; n <= 63; n++) {
            if (!article.lines().get(n - 1).isBlank()) {
                assertThat(page).contains("id=\"l" + n + "\"");
            }
        }
        assertThat(page).doesNotContain("特别声明", "id=\"l65\"");
        assertThat(page).contains(article.translationOf(12).orElseThrow().replace("\"", "&quot;")
                .replace("'", "&#39;"));
        // the closing question last, with its gloss
        assertThat(page.indexOf("<footer class=\"closing\" id=\"l64\"")).isGreaterThan(page.indexOf("id=\"s13\""));
        assertThat(page).contains("<p class=\"question\" lang=\"zh\">你觉得呢?</p>");
        // Chinese and English blocks say which they are
        int paragraphs = article.contentLines().size() - 1;
        assertThat(count(page, "<div class=\"para\"")).isEqualTo(paragraphs).isEqualTo(63);
        assertThat(count(page, "<p class=\"zh\" lang=\"zh\">")).isEqualTo(paragraphs);
        assertThat(count(page, "<p class=\"en\" lang=\"en\">")).isEqualTo(paragraphs + 1);
    }

    @Test
    void every_claim_is_marked_on_its_span_with_its_statement_and_every_quote_is_marked() {
        String page = html("/articles/" + ID);
        assertThat(count(page, "<mark class=\"claim\" data-claim=\"c\\d+\"")).isEqualTo(40);
        assertThat(count(page, "<aside class=\"claim-note\" id=\"note-c\\d+\"")).isEqualTo(40);
        assertThat(page).contains("<mark class=\"claim\" data-claim=\"c2\" title=\"" + article.claims().get(1)
                .statement().zh() + "\"><a href=\"#note-c2\">美国的成功不再是必然的。</a></mark>");
        // quotes that overlap no claim are marked too
        assertThat(count(page, "<span class=\"quote\" data-quote=\"q\\d+\"")).isBetween(20, 32);
        assertThat(page).contains("还没有投票");
    }

    @Test
    void a_claims_note_shows_its_latest_polls_tally_once_public_and_says_when_it_is_hidden() {
        bot.as("alice", "poll c2");
        bot.as("bob", "vote 1 2");
        bot.as("carol", "vote 1 2");
        bot.as("dan", "vote 1 4");
        assertThat(html("/articles/" + ID)).contains("<a href=\"/polls/1\">#1</a> 共 3 票 · 同意 67%");
        bot.as("alice", "poll c3 --hidden");
        bot.as("bob", "vote 2 1");
        assertThat(html("/articles/" + ID)).contains("<a href=\"/polls/2\">#2</a> 结果在截止后公布");
        assertThat(html("/articles/" + ID + "?lang=en")).contains("<a href=\"/polls/2?lang=en\">#2</a> results shown "
                + "when it closes", "<input type=\"checkbox\" id=\"show-en\" class=\"toggle\" checked>");
    }

    @Test
    void a_poll_page_shows_bars_with_counts_and_percentages_and_its_citation_but_never_a_voter() {
        bot.as("alice", "poll c7 --public");
        bot.as("bob-7f3a", "vote 1 1");
        bot.as("carol-9c2e", "vote 1 2");
        bot.as("dan-41d0", "vote 1 2");
        String page = html("/polls/1");
        assertThat(page).contains("<h1>投票 #1</h1>", "进行中", article.claims().get(6).statement().zh(),
                "href=\"/articles/" + ID + "#l12\"", "c7 · §3 AI时代的两大变化 · 第 12 行",
                "data-count=\"2\">2 · 67%</span>", "<progress max=\"100\" value=\"33\" data-option=\"1\">",
                "共 3 票");
        String json = new String(get("/polls/1.json").body(), StandardCharsets.UTF_8);
        assertThat(json).contains("\"state\":\"open\"", "{\"number\":2,\"votes\":2,\"percent\":67}");
        for (String text : List.of(page, json)) {
            assertThat(text).doesNotContain("bob-7f3a", "carol-9c2e", "dan-41d0", "alice");
        }
        assertThat(get("/polls/1.json").headers()).containsEntry("Cache-Control", "no-store");
    }

    @Test
    void a_poll_of_several_choices_shows_each_options_share_of_the_voters_and_counts_voters_and_choices() {
        bot.as("alice", "poll --question \"哪些方向值得投入？\" --options \"芯片|电力|模型\" --max 2");
        bot.as("bob", "vote 1 1");
        bot.as("bob", "vote 1 2");
        bot.as("carol", "vote 1 2");
        String page = html("/polls/1");
        assertThat(page).contains("data-count=\"2\">2 · 100%</span>", "data-count=\"1\">1 · 50%</span>",
                "data-format=\"{0} 人投票，共 {1} 个选择 · 每人最多 {2} 项\"",
                ">2 人投票，共 3 个选择 · 每人最多 2 项</p>", "各项相加可超过 100%");
        assertThat(html("/polls/1?lang=en")).contains(">Voters: 2 · choices: 3 · up to 2 each</p>",
                "they can add up to more than 100%");
        String json = new String(get("/polls/1.json").body(), StandardCharsets.UTF_8);
        assertThat(json).contains("\"total\":3,\"voters\":2,\"maxChoices\":2",
                "{\"number\":2,\"votes\":2,\"percent\":100}", "{\"number\":1,\"votes\":1,\"percent\":50}");
    }

    @Test
    void a_poll_page_leaves_out_a_removed_option_and_a_deleted_poll_has_no_page() {
        bot.as("alice", "poll --question \"读什么？\" --options \"书|论文|博客\"");
        bot.as("bob", "vote 1 3");
        bot.as("carol", "vote 1 1");
        bot.as("alice", "edit 1 --remove 3 --confirm");
        String page = html("/polls/1");
        assertThat(page).contains("书", "论文").doesNotContain("博客");
        String json = new String(get("/polls/1.json").body(), StandardCharsets.UTF_8);
        assertThat(json).contains("\"total\":1", "{\"number\":1,\"votes\":1,\"percent\":100}")
                .doesNotContain("\"number\":3");
        bot.as("alice", "delete 1 --confirm");
        assertThat(get("/polls/1").status()).isEqualTo(404);
        assertThat(get("/polls/1.json").status()).isEqualTo(404);
    }

    @Test
    void a_tie_is_shown_as_a_tie_one_vote_is_singular_and_the_english_citation_stays_in_english() {
        bot.as("alice", "poll c2");
        bot.as("bob", "vote 1 1");
        bot.as("carol", "vote 1 4");
        assertThat(html("/articles/" + ID)).contains("#1</a> 共 2 票 · 强烈同意 / 不同意 各 50%");
        assertThat(html("/articles/" + ID + "?lang=en")).contains("#1</a> 2 votes · Strongly agree / Disagree, 50% each");
        bot.as("alice", "poll c3");
        bot.as("bob", "vote 2 2");
        assertThat(html("/articles/" + ID + "?lang=en")).contains("#2</a> 1 vote · Agree 100%");
        assertThat(html("/polls/2?lang=en")).contains("<p class=\"total\" data-total data-format=\"{0} votes\" "
                + "data-format-one=\"1 vote\">1 vote</p>", "href=\"/articles/" + ID + "?lang&#61;en#l7\"");
    }

    @Test
    void a_matching_tag_in_a_list_a_weak_one_or_a_star_answers_304() {
        String etag = get("/articles/" + ID).headers().get("ETag");
        for (String header : List.of("\"x\", " + etag, "W/" + etag, "*")) {
            assertThat(web.handle("GET", "/articles/" + ID, Optional.empty(), Optional.of(header)).status())
                    .as(header).isEqualTo(304);
        }
        assertThat(web.handle("GET", "/articles/" + ID, Optional.empty(), Optional.of("\"other\"")).status())
                .isEqualTo(200);
    }

    @Test
    void a_poll_with_hidden_results_shows_its_options_without_counts_until_it_closes() {
        bot.as("alice", "poll c7 --hidden");
        bot.as("bob", "vote 1 1");
        String page = html("/polls/1");
        assertThat(page).contains("进行中，结果在截止后公布", "强烈同意").doesNotContain("<progress", "共 1 票");
        assertThat(new String(get("/polls/1.json").body(), StandardCharsets.UTF_8))
                .contains("\"visible\":false").doesNotContain("votes");
        bot.as("alice", "close 1");
        assertThat(html("/polls/1")).contains("已截止", "data-count=\"1\">1 · 100%</span>");
    }

    @Test
    void a_poll_of_two_rounds_shows_both_rounds_on_each_rounds_page() {
        bot.as("alice", "poll c7 --rounds 2");
        bot.as("bob", "vote 1 1");
        bot.as("alice", "round 1");
        bot.as("bob", "vote 2 4");
        for (String path : List.of("/polls/1", "/polls/2")) {
            String page = html(path);
            assertThat(page).contains("第一轮 · #1", "第二轮（讨论之后） · #2", "data-round=\"1\"", "data-round=\"2\"");
        }
        assertThat(new String(get("/polls/2.json").body(), StandardCharsets.UTF_8))
                .contains("\"poll\":1", "\"poll\":2");
    }

    @Test
    void an_article_holding_html_is_shown_as_text(@TempDir Path dir) throws Exception {
        // GIVEN a seed whose text holds a script, markup and an attribute breaker
        Files.writeString(dir.resolve("html.txt"), String.join("\n",
                "<script>alert(1)</script>标题",
                "",
                "第一段<b onmouseover=\"x()\">粗体</b>，\"引号\" & 'apostrophe'。这是一个足够长的句子，用来构成段落。",
                "第二段 <img src=x onerror=alert(2)> 结束。未来十年，储能必将改变城市。") + "\n",
                StandardCharsets.UTF_8);
        Library library = new SeedLoader().load(dir);
        WebPages pages = new WebPages(library, polls, bot.clock());
        // WHEN its page is read
        WebResponse r = pages.handle("GET", "/articles/html", Optional.empty(), Optional.empty());
        String page = new String(r.body(), StandardCharsets.UTF_8);
        // THEN the text is there, escaped: no element of its own, no attribute it could open
        assertThat(r.status()).isEqualTo(200);
        assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;b onmouseover&#61;&quot;x()&quot;&gt;",
                "&lt;img src&#61;x onerror&#61;alert(2)&gt;");
        assertThat(page).doesNotContain("<script>alert", "<b ", "<img", "onerror=");
        assertThat(count(page, "<script")).isZero();
        // AND with no translation, no Chinese text is labelled English
        assertThat(page).doesNotContain("lang=\"en\">&lt;script", "title-en");
        // AND the library lists it, escaped too
        String index = new String(pages.handle("GET", "/", Optional.empty(), Optional.empty()).body(),
                StandardCharsets.UTF_8);
        assertThat(index).doesNotContain("<script>alert");
    }

    @Test
    void every_answer_carries_the_security_headers_and_pages_answer_304_to_their_etag() {
        for (String path : List.of("/", "/articles/" + ID, "/articles/nope", "/polls/99", "/static/taolun.css",
                "/static/taolun.js")) {
            WebResponse r = get(path);
            assertThat(r.headers()).as(path).containsAllEntriesOf(WebPages.SECURITY_HEADERS);
        }
        assertThat(WebPages.SECURITY_HEADERS.get("Content-Security-Policy")).contains("default-src 'none'",
                "script-src 'self'").doesNotContain("unsafe", "http:", "https:");
        assertThat(get("/articles/nope").status()).isEqualTo(404);
        assertThat(get("/polls/99").status()).isEqualTo(404);
        assertThat(get("/articles/../etc/passwd").status()).isEqualTo(404);
        String etag = get("/articles/" + ID).headers().get("ETag");
        assertThat(etag).matches("\"[0-9a-f]{24}\"");
        WebResponse again = web.handle("GET", "/articles/" + ID, Optional.empty(), Optional.of(etag));
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        WebResponse post = web.handle("POST", "/polls/1", Optional.empty(), Optional.empty());
        assertThat(post.status()).isEqualTo(405);
        assertThat(post.headers()).containsEntry("Allow", "GET, HEAD");
    }
}
