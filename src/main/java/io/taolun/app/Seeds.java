package io.taolun.app;

import io.taolun.core.article.Library;
import io.taolun.core.article.SeedLoader;
import io.taolun.nlp.HanLpSegmenter;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Finds the seeds directory: the configured one, else {@code ./seeds}, else the copy bundled in the jar. */
final class Seeds {
    static final String BUNDLED = "/taolun/seeds/";

    private Seeds() {
    }

    static Library load(TaolunConfig config) {
        SeedLoader loader = new SeedLoader(new HanLpSegmenter());
        if (config.seedsPath().isPresent()) {
            Path dir = config.seedsPath().get();
            if (!Files.isDirectory(dir)) {
                throw new ConfigException("seedsDir: \"" + dir + "\" is not a directory");
            }
            return loader.load(dir);
        }
        Path local = Path.of("seeds");
        if (Files.isDirectory(local)) {
            return loader.load(local);
        }
        return loader.load(bundled());
    }

    private static Path bundled() {
        URL url = Seeds.class.getResource(BUNDLED);
        if (url == null) {
            throw new ConfigException("seedsDir: no ./seeds directory and no seeds inside the jar");
        }
        try {
            URI uri = url.toURI();
            if (uri.getScheme().equals("jar")) {
                try {
                    FileSystems.getFileSystem(uri);
                } catch (FileSystemNotFoundException e) {
                    FileSystems.newFileSystem(uri, Map.of());
                }
            }
            return Path.of(uri);
        } catch (URISyntaxException | IOException e) {
            throw new ConfigException("seedsDir: the seeds inside the jar cannot be opened: " + e.getMessage());
        }
    }
}
