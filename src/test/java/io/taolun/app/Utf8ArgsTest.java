package io.taolun.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Arguments a JVM under LANG=C decoded as U+FFFD are read again as typed, or refused in one line. */
final class Utf8ArgsTest {
    @TempDir
    Path dir;

    private Path cmdline(String... argv) throws Exception {
        return Files.write(dir.resolve("cmdline"), (String.join("\0", argv) + "\0").getBytes(StandardCharsets.UTF_8));
    }

    /** What a JVM under LANG=C makes of an argument: every byte of a non-ASCII character becomes U+FFFD. */
    private static String asDecodedUnderC(String typed) {
        StringBuilder out = new StringBuilder();
        for (byte b : typed.getBytes(StandardCharsets.UTF_8)) {
            out.append(b >= 0 ? (char) b : '\uFFFD');
        }
        return out.toString();
    }

    @Test
    void arguments_decoded_under_a_non_utf8_locale_are_read_again_as_typed() throws Exception {
        Path typed = cmdline("java", "-Xss1m", "-jar", "taolun.jar", "console", "-e", "/article search 储能");
        String[] decoded = {"console", "-e", asDecodedUnderC("/article search 储能")};
        assertThat(decoded[2]).contains("\uFFFD");

        assertThat(Utf8Args.recover(decoded, typed)).containsExactly("console", "-e", "/article search 储能");
    }

    @Test
    void arguments_decoded_well_are_left_alone_and_a_mismatch_recovers_nothing() throws Exception {
        String[] fine = {"console", "-e", "/article search 储能"};
        assertThat(Utf8Args.recover(fine, dir.resolve("missing"))).isSameAs(fine);

        String[] decoded = {"console", "-e", asDecodedUnderC("/article search 储能")};
        Path other = cmdline("java", "-jar", "taolun.jar", "console", "-e", "/article quote 储能");
        assertThat(Utf8Args.recover(decoded, other)).isSameAs(decoded);
        assertThat(Utf8Args.recover(decoded, dir.resolve("missing"))).isSameAs(decoded);
    }

    @Test
    void arguments_that_cannot_be_recovered_are_refused_in_one_line() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(new String[] {"console", "-e", asDecodedUnderC("/article search 储能")},
                Map.of("LANG", "C"), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exit).isEqualTo(Main.CONFIG_ERROR);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("taolun: cannot read the command line: it holds"
                + " characters this locale (LANG=C) cannot decode; run it under a UTF-8 locale, e.g. LANG=C.UTF-8"
                + System.lineSeparator());
    }
}
