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
}
