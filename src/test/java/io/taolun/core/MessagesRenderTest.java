package io.taolun.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ChoiceFormat;
import java.text.Format;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Renders every message of both bundles through {@link Messages#get} as a reply would, with sample arguments, and
 * checks that what a user reads has no placeholder, no doubled or eaten apostrophe and no key name. Numbers go to
 * choice and number arguments (0, 1, 2 and 1234, so each branch of a choice is taken); poll ids ({@code #{n}}) go as
 * {@link Long}, as the services pass them; any other argument is a short text.
 */
final class MessagesRenderTest {
    private static final int[] SAMPLES = {0, 1, 2, 1234};
    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");
    private static final Pattern ID_ARGUMENT = Pattern.compile("#\\{(\\d+)}");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d");

    static Stream<Arguments> everyMessage() {
        List<Arguments> all = new ArrayList<>();
        for (Lang lang : Lang.values()) {
            bundle(lang).forEach((key, pattern) -> all.add(Arguments.of(lang, key.toString(), pattern.toString())));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyMessage")
    void every_message_renders_without_placeholders_quotes_or_its_key(Lang lang, String key, String pattern) {
        Format[] formats = new MessageFormat(pattern, Locale.forLanguageTag(lang.code())).getFormatsByArgumentIndex();
        int count = Math.max(formats.length, highestArgument(pattern) + 1);
        for (int sample : SAMPLES) {
            Object[] args = new Object[count];
            for (int i = 0; i < count; i++) {
                Format format = i < formats.length ? formats[i] : null;
                if (format instanceof ChoiceFormat || format instanceof NumberFormat) {
                    args[i] = sample;
                } else if (isId(pattern, i)) {
                    args[i] = (long) sample;
                } else {
                    args[i] = "x" + i;
                }
            }
            String shown = Messages.of(lang).get(key, args);
            String as = lang.code() + " " + key + " with " + sample + ": " + shown;
            assertThat(shown).as(as).doesNotContainPattern(PLACEHOLDER).doesNotContain("''").doesNotContain(key);
            if (pattern.contains("''")) {
                // the pattern means an apostrophe: MessageFormat must not have eaten it (a choice branch holding a
                // '{' is parsed twice, so one '' there quotes the rest of the branch instead)
                assertThat(shown).as(as).containsAnyOf("'", "’");
            }
            for (int i = 0; i < count; i++) {
                if (args[i] instanceof Long) {
                    assertThat(shown).as(as).contains("#" + sample).doesNotContain("#1,234");
                }
            }
        }
    }

    @Test
    void the_claims_heading_reads_as_english_for_one_and_for_many() {
        Messages en = Messages.of(Lang.EN);
        assertThat(en.get("claims.title", 1)).isEqualTo("The article’s one claim");
        assertThat(en.get("claims.title", 7)).isEqualTo("The article’s 7 claims");
        assertThat(Messages.of(Lang.ZH).get("claims.title", 7)).isEqualTo("文章的 7 个观点");
    }

    private static int highestArgument(String pattern) {
        int highest = -1;
        Matcher m = ARGUMENT.matcher(pattern);
        while (m.find()) {
            highest = Math.max(highest, Integer.parseInt(m.group(1)));
        }
        return highest;
    }

    private static boolean isId(String pattern, int index) {
        Matcher m = ID_ARGUMENT.matcher(pattern);
        while (m.find()) {
            if (Integer.parseInt(m.group(1)) == index) {
                return true;
            }
        }
        return false;
    }

    private static Properties bundle(Lang lang) {
        Properties p = new Properties();
        String name = "/io/taolun/core/messages_" + lang.code() + ".properties";
        try (InputStream in = MessagesRenderTest.class.getResourceAsStream(name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
