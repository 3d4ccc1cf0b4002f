package io.taolun.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class SafeTextTest {
    @Test
    void echo_breaks_every_mention_syntax() {
        assertThat(SafeText.echo("@everyone <!channel> <@U1>")).doesNotContain("@everyone", "<!", "<@")
                .contains("@\u200beveryone");
    }

    @Test
    void echo_is_bounded_and_collapses_whitespace() {
        String echoed = SafeText.echo("a  \n b" + "x".repeat(500));
        assertThat(echoed).startsWith("a b").endsWith("…");
        assertThat(echoed.codePointCount(0, echoed.length())).isEqualTo(SafeText.ECHO_LIMIT + 1);
    }

    @Test
    void echo_never_cuts_a_surrogate_pair_in_half() {
        String echoed = SafeText.echo("😀".repeat(100));
        assertThat(echoed).isEqualTo("😀".repeat(SafeText.ECHO_LIMIT) + "…");
    }

    @Test
    void cut_keeps_short_text_and_never_splits_a_surrogate_pair() {
        assertThat(SafeText.cut("short", 10)).isEqualTo("short");
        assertThat(SafeText.cut("abcdefghij", 5)).isEqualTo("abcd…");
        assertThat(SafeText.cut("ab😀cd", 4)).isEqualTo("ab…");
    }
}
