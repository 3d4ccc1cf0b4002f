package io.taolun.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

final class JsonDepthTest {

    private static String nested(int levels) {
        return "{\"a\":" + "[".repeat(levels - 1) + "]".repeat(levels - 1) + "}";
    }

    private static String form(String json) {
        return "payload=" + URLEncoder.encode(json, StandardCharsets.UTF_8);
    }

    @Test
    void a_payload_nested_to_the_limit_is_taken_and_one_level_more_is_not() {
        // GIVEN payloads 64 and 65 levels deep
        String atLimit = form(nested(JsonDepth.MAX));
        String over = form(nested(JsonDepth.MAX + 1));
        // WHEN / THEN
        assertThat(JsonDepth.withinLimit(atLimit)).isTrue();
        assertThat(JsonDepth.withinLimit(over)).isFalse();
    }

    @Test
    void brackets_inside_strings_and_slash_command_text_do_not_count() {
        // GIVEN brackets a user typed, inside a JSON string and in a slash command's text field
        String quoted = form("{\"text\":\"" + "[{".repeat(500) + "\\\"\"}");
        String command = "command=%2Farticle&text=" + "%5B".repeat(500);
        // WHEN / THEN
        assertThat(JsonDepth.withinLimit(quoted)).isTrue();
        assertThat(JsonDepth.withinLimit(command)).isTrue();
    }

    @Test
    void a_deep_json_body_is_refused_and_the_scan_needs_no_stack() {
        // GIVEN an Events API body a hundred thousand levels deep
        String deep = "[".repeat(100_000);
        // WHEN / THEN
        assertThat(JsonDepth.withinLimit(deep)).isFalse();
        assertThat(JsonDepth.withinLimit("{\"type\":\"url_verification\",\"challenge\":\"x\"}")).isTrue();
    }

    @Test
    void a_payload_that_cannot_be_url_decoded_is_refused() {
        assertThat(JsonDepth.withinLimit("payload=%zz")).isFalse();
    }
}
