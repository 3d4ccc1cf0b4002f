package io.taolun.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class LangTest {
    @ParameterizedTest
    @CsvSource({"zh-CN,ZH", "zh-TW,ZH", "zh,ZH", "ZH_cn,ZH", "en-US,EN", "fr,EN", "'',ZH"})
    void a_platform_locale_picks_the_language(String locale, Lang expected) {
        assertThat(Lang.fromLocale(locale, Lang.ZH)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void a_channel_language_wins_over_the_users_locale_and_a_typed_lang_wins_over_both() {
        // GIVEN a Discord channel set to English
        CommandRouter router = new CommandRouter(java.util.List.of(), Lang.ZH,
                java.util.Map.of("discord:C9", Lang.EN), e -> { });
        // WHEN a user with a Chinese locale asks there, and elsewhere
        Reply inEnglishChannel = router.handle(new ChatRequest("discord", "G", "C9", "u", "zh-CN", "help"));
        Reply elsewhere = router.handle(new ChatRequest("discord", "G", "C1", "u", "zh-CN", "help"));
        Reply typed = router.handle(new ChatRequest("discord", "G", "C9", "u", "zh-CN", "help --lang zh"));
        // THEN
        assertThat(inEnglishChannel.title()).isEqualTo("Taolun · commands");
        assertThat(elsewhere.title()).contains("命令");
        assertThat(typed.title()).contains("命令");
    }
}
