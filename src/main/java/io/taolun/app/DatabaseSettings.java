package io.taolun.app;

import io.taolun.store.Database;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the database is: {@code TAOLUN_DB_URL} ({@code jdbc:postgresql://...}, with {@code TAOLUN_DB_USER} and
 * {@code TAOLUN_DB_PASSWORD}), else an H2 file in the data directory. Read from the environment, never from YAML.
 */
record DatabaseSettings(String url, String user, String password) {
    static final int POOL_SIZE = 16;
    private static final Pattern USER_INFO = Pattern.compile("//([^/?#]*)@");
    private static final Pattern PASSWORD_SETTING = Pattern.compile("(?i)[?&;]\\s*password\\s*=([^&;#]*)");

    DatabaseSettings {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (!url.startsWith("jdbc:postgresql:") && !url.startsWith("jdbc:h2:")) {
            throw new ConfigException("TAOLUN_DB_URL: \"" + redacted(url) + "\" is not a jdbc:postgresql: or jdbc:h2: URL");
        }
    }

    static DatabaseSettings from(Map<String, String> env, Path dataDir) {
        String url = env.get("TAOLUN_DB_URL");
        if (url == null || url.isBlank()) {
            return new DatabaseSettings(Database.h2Url(dataDir), "sa", "");
        }
        String chosen = url.strip();
        if (chosen.startsWith("jdbc:h2:") && !chosen.toUpperCase(java.util.Locale.ROOT).contains("WRITE_DELAY")) {
            // without it H2 holds commits in memory for half a second, and a killed process loses them
            chosen = chosen + ";WRITE_DELAY=0";
        }
        if (chosen.startsWith("jdbc:h2:") && !chosen.toUpperCase(java.util.Locale.ROOT).contains("DB_CLOSE_ON_EXIT")) {
            // without it H2 closes the database from its own shutdown hook, under a graceful shutdown's last votes
            chosen = chosen + ";DB_CLOSE_ON_EXIT=FALSE";
        }
        return new DatabaseSettings(chosen, env.getOrDefault("TAOLUN_DB_USER", ""),
                env.getOrDefault("TAOLUN_DB_PASSWORD", ""));
    }

    /**
     * The URL for messages, logs and {@code check-config}: without the query part, the {@code user:password@} part or
     * an H2 {@code ;PASSWORD=} setting, where passwords can hide.
     */
    String safeUrl() {
        return redacted(url);
    }

    /**
     * A driver's or Flyway's message with every secret of these settings replaced by "…": the password, and those
     * written into the URL. The PostgreSQL driver takes a {@code user:password@} part for a host name, and says so
     * in its "unknown host" message.
     */
    String redact(String message) {
        String shown = message.replace(url, safeUrl());
        for (String secret : secrets()) {
            shown = shown.replace(secret, "…");
        }
        return shown;
    }

    /** True when the URL carries a {@code user:password@} part, which the PostgreSQL driver does not read. */
    /** The embedded H2 file in the data directory, as opposed to a server database set by {@code TAOLUN_DB_URL}. */
    boolean embedded() {
        return url.startsWith("jdbc:h2:");
    }

    boolean credentialsInUrl() {
        return url.startsWith("jdbc:postgresql:") && USER_INFO.matcher(url).find();
    }

    /** The secrets, longest first, so that a password inside a longer secret is not left half shown. */
    private List<String> secrets() {
        List<String> found = new ArrayList<>();
        found.add(password);
        Matcher userInfo = USER_INFO.matcher(url);
        if (userInfo.find()) {
            // the whole user:password, as the driver echoes it, and the password alone, as anything else might
            found.add(userInfo.group(1));
            found.add(userInfo.group(1).substring(userInfo.group(1).indexOf(':') + 1));
        }
        Matcher query = PASSWORD_SETTING.matcher(url);
        while (query.find()) {
            found.add(query.group(1));
        }
        List<String> decoded = new ArrayList<>(found);
        for (String secret : found) {
            try {
                decoded.add(URLDecoder.decode(secret, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException notEncoded) {
                // shown as written, which is already in the list
            }
        }
        return decoded.stream().filter(secret -> !secret.isEmpty()).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    @Override
    public String toString() {
        return "DatabaseSettings[" + safeUrl() + ", user=" + user + "]";
    }

    private static String redacted(String url) {
        int query = url.indexOf('?');
        String shown = query < 0 ? url : url.substring(0, query) + "?…";
        return shown.replaceFirst("//[^/]*@", "//…@").replaceAll("(?i)(;\\s*PASSWORD\\s*=)[^;]*", "$1…");
    }
}
