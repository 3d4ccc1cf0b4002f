package io.taolun.app;

import io.taolun.store.Database;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the database is: {@code TAOLUN_DB_URL} ({@code jdbc:postgresql://...}, with {@code TAOLUN_DB_USER} and
 * {@code TAOLUN_DB_PASSWORD}), else an H2 file in the data directory. Read from the environment, never from YAML.
 */
record DatabaseSettings(String url, String user, String password) {
    static final int POOL_SIZE = 16;

    DatabaseSettings {
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
