package io.taolun.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.taolun.core.CommandRouter;
import io.taolun.core.Lang;
import io.taolun.core.Messages;
import io.taolun.core.Reply;
import io.taolun.core.TestBot;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class PlainTextRendererTest {
    private final PlainTextRenderer renderer = new PlainTextRenderer(80);

    @Test
    void every_answer_fits_80_columns_in_both_languages() {
        TestBot bot = TestBot.curated();
        for (String command : List.of("help", "about", "summary", "claims", "search 的", "search 数据 电力 芯片",
                "discuss", "quote today", "section 999", "nonsense", "search " + "字".repeat(150))) {
            assertFits(bot.ask(command));
            assertFits(bot.askInEnglish(command));
        }
        for (int n = 1; n <= 32; n++) {
            assertFits(bot.ask("quote " + n));
            assertFits(bot.askInEnglish("quote " + n));
        }
        for (int section = 1; section <= 13; section++) {
            assertFits(bot.ask("section " + section));
            assertFits(bot.askInEnglish("section " + section));
            assertFits(bot.askInEnglish("summary " + section));
        }
    }

    @Test
    void buttons_become_numbered_choices() {
        Reply reply = Reply.builder().title("Poll").button("vote:1:1", "同意").button("vote:1:2", "Disagree").build();
        String out = renderer.render(reply, Messages.of(Lang.ZH));
        assertThat(out).contains("[1] 同意", "[2] Disagree");
    }

    @Test
    void a_quote_shows_the_original_its_gloss_and_its_section() {
        Reply reply = Reply.builder().quote("慢工出细活", "Slow work yields fine results", "§8 从快到慢").build();
        assertThat(renderer.render(reply, Messages.of(Lang.EN)).split("\n"))
                .containsExactly("  「慢工出细活」", "    Slow work yields fine results", "    — §8 从快到慢");
    }

    @Test
    void a_session_answers_slash_lines_and_refuses_other_slash_commands() {
        // GIVEN a console session on a bare router
        CommandRouter router = new CommandRouter(List.of(), Lang.EN, e -> { });
        ConsoleSession session = new ConsoleSession(router, "alice", "console", Optional.empty(), Lang.EN, 80, Path.of("target", "exports"));
        // THEN
        assertThat(session.answer("/article help")).get().asString().contains("/article help");
        assertThat(session.answer("/giphy cats")).get().asString().startsWith("! ").contains("/giphy");
        assertThat(session.answer("   ")).isEmpty();
    }

    private void assertFits(Reply reply) {
        String out = renderer.render(reply, Messages.of(Lang.ZH));
        assertThat(Arrays.asList(out.split("\n")))
                .allSatisfy(line -> assertThat(TextWrap.width(line)).as(line).isLessThanOrEqualTo(80));
    }
}
