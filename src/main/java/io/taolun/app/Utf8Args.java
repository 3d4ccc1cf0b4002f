package io.taolun.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The command line as typed. A JVM started under a locale that is not UTF-8 ({@code LANG=C}, common in minimal
 * containers and CI) decodes every non-ASCII byte of its arguments as U+FFFD, so {@code -e "/article search 储能"}
 * would search for six replacement characters. On Linux the bytes as typed are still in /proc/self/cmdline; the
 * arguments are read from there when they agree with what the JVM decoded everywhere but at those characters.
 */
final class Utf8Args {
    static final Path CMDLINE = Path.of("/proc/self/cmdline");
    private static final char LOST = '\uFFFD';

    private Utf8Args() {
    }

    /** {@code args}, with any argument the JVM could not decode taken from {@code cmdline} when it can be. */
    static String[] recover(String[] args, Path cmdline) {
        if (!anyLost(args)) {
            return args;
        }
        try {
            List<String> typed = split(Files.readAllBytes(cmdline));
            if (typed.size() < args.length) {
                return args;
            }
            List<String> tail = typed.subList(typed.size() - args.length, typed.size());
            for (int i = 0; i < args.length; i++) {
                if (!ascii(args[i].replace(String.valueOf(LOST), "")).equals(ascii(tail.get(i)))) {
                    return args;
                }
            }
            return tail.toArray(String[]::new);
        } catch (IOException | RuntimeException e) {
            return args;
        }
    }

    /** True when some argument holds a character the JVM could not decode. */
    static boolean anyLost(String[] args) {
        return Arrays.stream(args).anyMatch(a -> a.indexOf(LOST) >= 0);
    }

    private static List<String> split(byte[] raw) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == 0) {
                parts.add(new String(raw, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        if (start < raw.length) {
            parts.add(new String(raw, start, raw.length - start, StandardCharsets.UTF_8));
        }
        return parts;
    }

    private static String ascii(String s) {
        StringBuilder kept = new StringBuilder(s.length());
        s.chars().filter(c -> c < 128).forEach(c -> kept.append((char) c));
        return kept.toString();
    }
}
