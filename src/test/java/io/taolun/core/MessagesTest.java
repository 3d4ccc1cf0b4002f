package io.taolun.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

final class MessagesTest {
    private static Properties bundle(String lang) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/io/taolun/core/messages_" + lang + ".properties")) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void chinese_and_english_bundles_have_the_same_keys() throws IOException {
        assertThat(bundle("zh").keySet()).containsExactlyInAnyOrderElementsOf(bundle("en").keySet());
    }

    @Test
    void no_english_message_has_a_lone_apostrophe_that_message_format_would_eat() throws IOException {
        bundle("en").forEach((k, v) -> assertThat(v.toString().replace("''", "")).as(k.toString()).doesNotContain("'"));
    }

    @Test
    void chinese_messages_are_chinese() {
        assertThat(Messages.of(Lang.ZH).get("help.title")).contains("命令");
        assertThat(Messages.of(Lang.EN).get("help.title")).doesNotContainPattern("\\p{IsHan}");
    }
}
