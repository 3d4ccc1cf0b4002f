package io.taolun.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taolun.core.ChatRequest;
import io.taolun.core.WebLinks;
import io.taolun.core.article.SeedLoader;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With {@code TAOLUN_PUBLIC_URL} set, {@code about}, {@code section}, {@code summary} and every poll message carry a
 * "阅读全文 / Read the article" link to the right anchor or poll page; without it, none does.
 */
final class ReadTheArticleLinksTest {
    private static final String ID = "000_a8e75d267bb866eb";
    private static final String SITE = "https://taolun.example.org/club";
    @TempDir
    Path data;

    private Composition app(WebLinks links) {
        return new Composition(TaolunConfig.defaults(), new SeedLoader().load(Path.of("seeds")),
                DatabaseSettings.from(Map.of(), data), Clock.systemUTC(), new Random(3), e -> { },
                Rituals.Timing.production(), Outbound.none(), links);
    }

    private static String ask(Composition app, String text) {
        return app.router().handle(new ChatRequest("console", "local", "console", "alice", "", text)).plainText();
    }

    @Test
    void replies_link_to_the_reading_page_at_the_right_anchor_and_polls_to_their_page() {
        try (Composition app = app(WebLinks.of(SITE + "/"))) {
            assertThat(ask(app, "about")).contains("阅读全文：" + SITE + "/articles/" + ID);
            assertThat(ask(app, "section 3")).contains("阅读全文：" + SITE + "/articles/" + ID + "#s3");
            assertThat(ask(app, "section 3 --lang en")).contains("Read the article: " + SITE + "/articles/" + ID
                    + "#s3");
            assertThat(ask(app, "summary 5")).contains("阅读全文：" + SITE + "/articles/" + ID + "#s5");
            assertThat(ask(app, "summary")).contains("阅读全文：" + SITE + "/articles/" + ID);
            assertThat(ask(app, "poll c7")).contains("阅读全文，看实时结果：" + SITE + "/polls/1");
            assertThat(ask(app, "vote 1 2")).doesNotContain("{0}");
            assertThat(ask(app, "poll c8 --lang en")).contains("Read the article and the live results: " + SITE
                    + "/polls/2");
        }
    }

    @Test
    void without_a_public_url_no_reply_carries_a_link() {
        try (Composition app = app(WebLinks.NONE)) {
            for (String command : new String[] {"about", "section 3", "summary 5", "summary", "poll c7"}) {
                assertThat(ask(app, command)).as(command).doesNotContain("阅读全文", "http");
            }
        }
    }

    @Test
    void a_public_url_that_is_not_an_http_address_is_refused_saying_why() {
        for (String bad : new String[] {"taolun.example.org", "ftp://x.org", "https://x.org/?a=1", "https://x.org/#top",
            "https://user:pw@x.org", "javascript:alert(1)"}) {
            assertThatThrownBy(() -> WebLinks.of(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("https://taolun.example.org").hasMessageNotContaining("pw@");
        }
        assertThat(WebLinks.of(" https://x.org:8443/t/// ").poll(7)).contains("https://x.org:8443/t/polls/7");
    }
}
