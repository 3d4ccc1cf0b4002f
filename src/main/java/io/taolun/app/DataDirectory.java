package io.taolun.app;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The data directory (the H2 file, charts, exports), made ready at start. One that cannot be written is refused there,
 * in one line: H2 would otherwise open its file read-only and every vote and poll would fail while the bot ran on.
 */
final class DataDirectory {
    /** The embedded database's file in the directory, as {@link io.taolun.store.Database#h2Url} names it. */
    static final String H2_FILE = "taolun.mv.db";

    private DataDirectory() {
    }

    /**
     * Creates {@code dir} if need be and checks that it takes a new file and that an existing H2 file opens for
     * writing. Both are tried, not read from permissions: root writes where they say no, and a read-only mount
     * refuses everyone whatever they say.
     *
     * @param key the setting that named the directory, for the message
     */
    static Path prepare(Path dir, String key) {
        Path ready;
        try {
            ready = Files.createDirectories(dir);
        } catch (IOException | SecurityException e) {
            throw new ConfigException(key + ": \"" + dir + "\" cannot be used as a directory (" + e.getMessage() + ")");
        }
        try {
            Files.delete(Files.createTempFile(ready, ".taolun-write-check-", ".tmp"));
        } catch (IOException | SecurityException e) {
            throw new ConfigException(key + ": \"" + dir + "\" is not writable (" + reason(e) + ")");
        }
        Path h2 = ready.resolve(H2_FILE);
        if (Files.exists(h2)) {
            try (FileChannel ignored = FileChannel.open(h2, StandardOpenOption.WRITE)) {
                // opened for writing and closed unchanged: H2 will be able to write it
            } catch (IOException | SecurityException e) {
                throw new ConfigException(key + ": the database file \"" + h2 + "\" is not writable (" + reason(e) + ")");
            }
        }
        return ready;
    }

    /** The system's reason, on one line; Java leaves it out of some exceptions' messages. */
    private static String reason(Exception e) {
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason().lines().findFirst().orElse("");
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no file can be created in it";
        }
        return e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage()).lines().findFirst().orElse("");
    }
}
