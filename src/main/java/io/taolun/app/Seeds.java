package io.taolun.app;

import io.taolun.core.article.Library;
import io.taolun.core.article.SeedLoader;
import io.taolun.nlp.HanLpSegmenter;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the articles: the configured seeds directory alone when one is set; otherwise the copy bundled in the jar with
 * the articles of {@code ./seeds}, if present, added on top (an article id in both is taken from {@code ./seeds}).
 */
final class Seeds {
    static final String BUNDLED = "/taolun/seeds/";

    private Seeds() {
    }

    static Library load(TaolunConfig config) {
        return load(config, Path.of("seeds"));
    }

    /** @param local the directory whose articles are added to the bundled ones ({@code ./seeds} in service) */
    static Library load(TaolunConfig config, Path local) {
        SeedLoader loader = new SeedLoader(new HanLpSegmenter());
        if (config.seedsPath().isPresent()) {
            Path dir = config.seedsPath().get();
            if (!Files.isDirectory(dir)) {
                throw new ConfigException("seedsDir: \"" + dir + "\" is not a directory");
            }
            return loader.load(dir);
        }
        try (Bundled bundled = Bundled.open()) {
            if (Files.isDirectory(local)) {
                Library mine = loader.load(local);
                return bundled.dir().map(dir -> Library.overlay(loader.load(dir), mine)).orElse(mine);
            }
            return loader.load(bundled.dir().orElseThrow(
                    () -> new ConfigException("seedsDir: no ./seeds directory and no seeds inside the jar")));
        }
    }

    /**
     * The seeds inside the jar, read through a zip file system that is closed once they are loaded: left open it
     * keeps an index of every entry of the jar (about 27,000) on the heap for the life of the process.
     */
    private record Bundled(Optional<Path> dir, Optional<FileSystem> opened) implements AutoCloseable {
        static Bundled open() {
            URL url = Seeds.class.getResource(BUNDLED);
            if (url == null) {
                return new Bundled(Optional.empty(), Optional.empty());
            }
            try {
                URI uri = url.toURI();
                if (!uri.getScheme().equals("jar")) {
                    return new Bundled(Optional.of(Path.of(uri)), Optional.empty());
                }
                try {
                    FileSystems.getFileSystem(uri);
                    return new Bundled(Optional.of(Path.of(uri)), Optional.empty());
                } catch (FileSystemNotFoundException e) {
                    FileSystem fs = FileSystems.newFileSystem(uri, Map.of());
                    return new Bundled(Optional.of(Path.of(uri)), Optional.of(fs));
                }
            } catch (URISyntaxException | IOException e) {
                throw new ConfigException("seedsDir: the seeds inside the jar cannot be opened: " + e.getMessage());
            }
        }

        @Override
        public void close() {
            opened.ifPresent(fs -> {
                try {
                    fs.close();
                } catch (IOException e) {
                    // read-only and already read: nothing is lost
                }
            });
        }
    }
}
