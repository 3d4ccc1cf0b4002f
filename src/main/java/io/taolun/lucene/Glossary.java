package io.taolun.lucene;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * English words and phrases with their Chinese equivalents, so an English query also finds Chinese text that no
 * curated gloss covers ("electricity" finds 电力). Read from {@code glossary.txt}: one entry a line,
 * {@code english, english = 中文 中文}.
 */
final class Glossary {
    private final Map<String, String> chinese;

    private Glossary(Map<String, String> chinese) {
        this.chinese = Map.copyOf(chinese);
    }

    static Glossary load() {
        Map<String, String> entries = new LinkedHashMap<>();
        try (InputStream in = Glossary.class.getResourceAsStream("glossary.txt")) {
            if (in == null) {
                throw new IllegalStateException("glossary.txt is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                int eq = line.indexOf('=');
                if (line.isBlank() || line.startsWith("#") || eq < 0) {
                    continue;
                }
                String zh = line.substring(eq + 1).strip();
                for (String en : line.substring(0, eq).split(",")) {
                    entries.merge(normalise(en).strip(), zh, (a, b) -> a + " " + b);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Glossary(entries);
    }

    /** The Chinese equivalents of the English words and phrases in the query, space-separated; empty if none. */
    String translate(String query) {
        String padded = normalise(query);
        List<String> found = new ArrayList<>();
        chinese.forEach((en, zh) -> {
            if (padded.contains(" " + en + " ")) {
                found.add(zh);
            }
        });
        return String.join(" ", found);
    }

    /** Lower case, everything but ASCII letters and digits a space, padded with spaces to match whole words. */
    private static String normalise(String text) {
        return " " + text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ") + " ";
    }
}
