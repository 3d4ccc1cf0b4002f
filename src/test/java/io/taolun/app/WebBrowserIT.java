package io.taolun.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.taolun.core.ChatRequest;
import io.taolun.core.Reply;
import io.taolun.core.article.SeedLoader;
import io.taolun.testing.Await;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The reading page and a poll page in a real headless Chromium (Debian's {@code chromium} and
 * {@code chromium-driver}, which {@code .ci/run} installs), served by the app's own HTTP server over a real H2 file:
 * the sections, the claim marks and the English toggle work; a vote cast through the console's core shows on the poll
 * page within 5 s without a reload; nothing is loaded from anywhere but the server. Screenshots of both pages at
 * desktop and phone widths are written to {@code target/screenshots/}. Without the browser this test fails: it never
 * skips.
 */
final class WebBrowserIT {
    private static final String ID = "000_a8e75d267bb866eb";
    private static final Path SHOTS = Path.of("target", "screenshots");
    private static final String CHROMIUM = System.getProperty("taolun.chromium", "/usr/bin/chromium");
    private static final String DRIVER = System.getProperty("taolun.chromedriver", "/usr/bin/chromedriver");
    @TempDir
    static Path data;
    private static Composition app;
    private static HttpEndpoints http;
    private static ChromeDriver browser;
    private static String base;

    @BeforeAll
    static void serve_the_pages_and_open_the_browser() throws Exception {
        assertThat(new File(CHROMIUM)).as("Debian's chromium (apt-get install chromium chromium-driver)").exists();
        assertThat(new File(DRIVER)).as("Debian's chromium-driver (apt-get install chromium-driver)").exists();
        app = new Composition(TaolunConfig.defaults(), new SeedLoader().load(Path.of("seeds")),
                DatabaseSettings.from(Map.of(), data), Clock.systemUTC(), new Random(17), e -> { });
        app.database().open();
        http = new HttpEndpoints(new Listen("127.0.0.1", 0, 0), HttpEndpoints.Limits.production(), Optional.empty(),
                Optional.of(app.web()), () -> new HttpEndpoints.Health(200, "{}"), () -> "");
        base = "http://127.0.0.1:" + http.port();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--lang=zh-CN", "--window-size=1280,900");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.quit();
        }
        if (http != null) {
            http.close();
        }
        if (app != null) {
            app.close();
        }
    }

    private static Reply console(String user, String text) {
        return app.router().handle(new ChatRequest("console", "local", "console", user, "", text));
    }

    private static void shot(String name, int width, int height) throws Exception {
        browser.manage().window().setSize(new Dimension(width, height));
        Await.until("the page laid out at " + width + " px", () -> ((Number) ((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.clientWidth")).intValue() <= width);
        Path file = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(file, SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @SuppressWarnings("unchecked")
    private static List<String> resourcesLoaded() {
        return (List<String>) ((JavascriptExecutor) browser).executeScript(
                "return performance.getEntriesByType('resource').map(function (e) { return e.name; })"
                        + ".concat([location.href]);");
    }

    @Test
    void the_reading_page_shows_its_sections_and_claims_and_the_toggle_shows_the_english() throws Exception {
        browser.manage().window().setSize(new Dimension(1280, 900));
        browser.get(base + "/articles/" + ID);
        // THEN thirteen sections with their headings, the claims marked, and the closing question at the end
        assertThat(browser.findElements(By.cssSelector("section.section[id^=s] > h2"))).hasSize(13);
        assertThat(browser.findElement(By.id("s3-h")).getText()).contains("§3", "AI时代的两大变化");
        List<WebElement> claims = browser.findElements(By.cssSelector("mark.claim"));
        assertThat(claims).hasSize(40);
        assertThat(browser.findElement(By.cssSelector("footer.closing .question")).getText()).isEqualTo("你觉得呢?");
        assertThat(browser.getPageSource()).doesNotContain("特别声明");
        // AND the English is hidden until the toggle is clicked, then shown beside each paragraph
        WebElement english = browser.findElement(By.cssSelector("#l12 p.en"));
        assertThat(english.isDisplayed()).isFalse();
        browser.findElement(By.cssSelector("label.toggle-label")).click();
        Await.until("the English of line 12 shown", english::isDisplayed);
        assertThat(english.getText()).startsWith("Second, the demands on operational reliability");
        // AND a claim mark leads to its note
        WebElement c5 = browser.findElement(By.cssSelector("mark.claim[data-claim=c5] a"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", c5);
        c5.click();
        Await.until("the URL at c5's note", () -> browser.getCurrentUrl().endsWith("#note-c5"));
        assertThat(browser.findElement(By.id("note-c5")).getText()).contains("c5", "还没有投票");
        // AND nothing came from anywhere but this server
        assertThat(resourcesLoaded()).isNotEmpty().allSatisfy(url -> assertThat(url).startsWith(base + "/"));
        browser.findElement(By.cssSelector("label.toggle-label")).click();
        browser.navigate().to(base + "/articles/" + ID + "#s3");
        shot("article-desktop", 1280, 900);
        shot("article-phone", 390, 844);
        // a phone shows one column: the text is no wider than the screen
        assertThat(((Number) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth")).intValue()).isLessThanOrEqualTo(390);
    }

    @Test
    void a_vote_cast_through_the_console_shows_on_the_open_poll_page_within_five_seconds() throws Exception {
        // GIVEN a poll on c7 with two votes, open in the browser
        Reply opened = console("host", "poll c7");
        long id = Long.parseLong(opened.plainText().replaceAll("(?s).*?#(\\d+).*", "$1"));
        console("alice", "vote " + id + " 2");
        console("bob", "vote " + id + " 2");
        browser.manage().window().setSize(new Dimension(1280, 900));
        browser.get(base + "/polls/" + id);
        assertThat(browser.findElement(By.cssSelector("[data-count='2']")).getText()).isEqualTo("2 · 100%");
        assertThat(browser.findElement(By.cssSelector(".cite a")).getAttribute("href"))
                .isEqualTo(base + "/articles/" + ID + "#l12");
        // WHEN a third voter votes through the console's core
        long cast = System.nanoTime();
        console("carol", "vote " + id + " 4");
        // THEN the page shows it without a reload, within 5 s
        WebElement count = browser.findElement(By.cssSelector("[data-count='4']"));
        Await.until("carol's vote on the page", () -> count.getText().equals("1 · 33%"));
        long shownMillis = (System.nanoTime() - cast) / 1_000_000;
        assertThat(shownMillis).isLessThan(5_000);
        assertThat(browser.findElement(By.cssSelector("[data-count='2']")).getText()).isEqualTo("2 · 67%");
        assertThat(browser.findElement(By.cssSelector("[data-total]")).getText()).isEqualTo("共 3 票");
        assertThat(browser.getPageSource()).doesNotContain("alice", "bob", "carol");
        assertThat(resourcesLoaded()).allSatisfy(url -> assertThat(url).startsWith(base + "/"));
        shot("poll-desktop", 1280, 900);
        shot("poll-phone", 390, 844);
        // AND its claim's note on the reading page now shows the poll
        browser.get(base + "/articles/" + ID);
        assertThat(browser.findElement(By.id("note-c7")).getText()).contains("#" + id, "共 3 票");
    }

    @Test
    void a_poll_of_several_choices_counts_voters_and_choices_live_with_shares_of_the_voters() throws Exception {
        // GIVEN a poll where each voter chooses up to 2 of 3, with one voter's two choices, open in the browser
        Reply opened = console("host", "poll --question \"哪些方向值得投入？\" --options \"芯片|电力|模型\" --max 2");
        long id = Long.parseLong(opened.plainText().replaceAll("(?s).*?#(\\d+).*", "$1"));
        console("alice", "vote " + id + " 1");
        console("alice", "vote " + id + " 2");
        browser.manage().window().setSize(new Dimension(1280, 900));
        browser.get(base + "/polls/" + id);
        WebElement total = browser.findElement(By.cssSelector("[data-total]"));
        assertThat(total.getText()).isEqualTo("1 人投票，共 2 个选择 · 每人最多 2 项");
        // WHEN a second voter chooses 电力 through the console's core
        console("bob", "vote " + id + " 2");
        // THEN without a reload the total counts 2 voters and 3 choices, and 电力 is chosen by all of them
        Await.until("bob's choice on the page", () -> total.getText().equals("2 人投票，共 3 个选择 · 每人最多 2 项"));
        assertThat(browser.findElement(By.cssSelector("[data-count='2']")).getText()).isEqualTo("2 · 100%");
        assertThat(browser.findElement(By.cssSelector("[data-count='1']")).getText()).isEqualTo("1 · 50%");
        assertThat(browser.findElement(By.cssSelector("progress[data-option='2']")).getAttribute("value"))
                .isEqualTo("100");
        assertThat(browser.getPageSource()).contains("各项相加可超过 100%").doesNotContain("alice", "bob");
    }
}
