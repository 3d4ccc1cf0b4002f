package io.taolun.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.taolun.core.ChannelRef;
import io.taolun.core.Lang;
import io.taolun.core.Reply;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scheduled posts as the console prints them: the header above each tells a reader where it went. */
final class ConsoleGatewayTest {
    private static final ChannelRef CONSOLE = new ChannelRef("console", "local", "console");
    private static final Clock NINE_IN_SHANGHAI = Clock.fixed(Instant.parse("2026-11-30T01:02:00Z"), ZoneId.of("UTC"));
    private static final String CLAIM = "主要科技公司正在转型为基础设施巨头,类似工业时代的钢铁和铁路大亨。";

    @TempDir
    Path charts;

    private final List<String> printed = new ArrayList<>();

    private ConsoleGateway console(Lang lang) {
        return new ConsoleGateway(lang, NINE_IN_SHANGHAI, ZoneId.of("Asia/Shanghai"), charts, printed::add);
    }

    private static Reply poll(String title) {
        return Reply.builder().title(title)
                .quote(CLAIM, "Big tech companies are turning into infrastructure giants.", "c2 · §1")
                .button("vote:1:1", "同意").build();
    }

    private static String header(String post) {
        return post.substring(0, post.indexOf('\n'));
    }

    @Test
    void a_thread_header_names_the_poll_and_the_claim_it_hangs_under_not_an_internal_id() throws Exception {
        // GIVEN a poll posted in the Chinese console
        ConsoleGateway console = console(Lang.ZH);
        String poll = console.post(CONSOLE, Optional.empty(), poll("投票 #1"), "k1");
        // WHEN a post goes into the thread under it
        console.post(CONSOLE, Optional.of(poll), Reply.builder().title("你觉得呢?").build(), "k2");
        // THEN its header says it is the thread of poll #1, with the start of the claim, and no message id
        assertThat(header(printed.get(1)))
                .isEqualTo("== 2026-11-30 09:02 Asia/Shanghai · #console · 投票 #1「主要科技公司正在转型为基础设施巨头,类…」的讨论串 ==")
                .doesNotContain(poll, "{");
    }

    @Test
    void in_english_the_thread_header_names_the_poll_and_the_claims_gloss() throws Exception {
        // GIVEN a poll posted in the English console
        ConsoleGateway console = console(Lang.EN);
        String poll = console.post(CONSOLE, Optional.empty(), poll("Poll #1"), "k1");
        // WHEN a post goes into the thread under it
        console.post(CONSOLE, Optional.of(poll), Reply.builder().title("What do you think?").build(), "k2");
        // THEN
        assertThat(header(printed.get(1))).isEqualTo(
                "== 2026-11-30 09:02 Asia/Shanghai · in #console, in the thread under Poll #1 “Big tech companies …” ==");
    }

    @Test
    void a_thread_under_a_post_this_console_did_not_make_is_still_called_a_thread() throws Exception {
        // GIVEN a console that never posted m7 (it was posted before a restart)
        ConsoleGateway console = console(Lang.ZH);
        // WHEN a post goes into the thread under it
        console.post(CONSOLE, Optional.of("m7"), Reply.builder().title("投票 #1 的结果").build(), "k1");
        // THEN the header says it is in a thread, without the id
        assertThat(header(printed.get(0))).isEqualTo("== 2026-11-30 09:02 Asia/Shanghai · #console · 先前一条消息下的讨论串 ==");
    }
}
