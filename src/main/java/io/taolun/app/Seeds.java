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
        Optional<Path> bundled = bundled();
        if (Files.isDirectory(local)) {
            Library mine = loader.load(local);
            return bundled.map(dir -> Library.overlay(loader.load(dir), mine)).orElse(mine);
        }
        return loader.load(bundled.orElseThrow(
                () -> new ConfigException("seedsDir: no ./seeds directory and no seeds inside the jar")));
    }

    private static Optional<Path> bundled() {
        URL url = Seeds.class.getResource(BUNDLED);
        if (url == null) {
            return Optional.empty();
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
            return Optional.of(Path.of(uri));
        } catch (URISyntaxException | IOException e) {
            throw new ConfigException("seedsDir: the seeds inside the jar cannot be opened: " + e.getMessage());
        }
    }
}
