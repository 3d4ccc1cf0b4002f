package io.taolun.app;

import io.taolun.core.yaml.StrictYaml;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@link TaolunConfig}: from {@code TAOLUN_CONFIG} if set, else {@code config/taolun.yaml} in the working
 * directory, else the defaults bundled in the jar.
 */
final class ConfigLoader {
    static final String DEFAULT_FILE = "config/taolun.yaml";
    static final String BUNDLED = "/taolun/config/taolun.yaml";

    private final StrictYaml yaml = new StrictYaml();

    /** Where the config is read from: a file, or (empty) the defaults bundled in the jar. */
    record Source(Optional<Path> file) {
        @Override
        public String toString() {
            return file.map(f -> f.toAbsolutePath().toString()).orElse("bundled default");
        }
    }

    TaolunConfig load(Map<String, String> env) {
        return load(locate(env));
    }

    /** Chooses the file without reading it; a {@code TAOLUN_CONFIG} naming no file is refused. */
    Source locate(Map<String, String> env) {
        String chosen = env.get("TAOLUN_CONFIG");
        if (chosen != null && !chosen.isBlank()) {
            Path path;
            try {
                path = Path.of(chosen);
            } catch (InvalidPathException e) {
                throw new ConfigException("TAOLUN_CONFIG: \"" + chosen + "\" is not a usable path");
            }
            if (!Files.isRegularFile(path)) {
                throw new ConfigException("TAOLUN_CONFIG: \"" + chosen + "\" is not a readable file");
            }
            return new Source(Optional.of(path));
        }
        Path local = Path.of(DEFAULT_FILE);
        return new Source(Files.isRegularFile(local) ? Optional.of(local) : Optional.empty());
    }

    TaolunConfig load(Source source) {
        if (source.file().isPresent()) {
            return read(source.file().get());
        }
        try (InputStream in = ConfigLoader.class.getResourceAsStream(BUNDLED)) {
            return in == null ? TaolunConfig.defaults() : parse(in.readAllBytes(), "taolun.yaml (bundled)");
        } catch (IOException e) {
            throw new ConfigException("taolun.yaml (bundled): cannot be read: " + e.getMessage());
        }
    }

    TaolunConfig read(Path path) {
        try {
            return parse(Files.readAllBytes(path), path.toString());
        } catch (IOException e) {
            throw new ConfigException(path + ": cannot be read: " + e.getMessage());
        }
    }

    /**
     * Every problem of the config {@code source} names, each as start-up would report it, for {@code check-config};
     * start-up itself stops at the first ({@link #load(Source)}). Empty for the bundled defaults.
     */
    List<String> problems(Source source) {
        if (source.file().isEmpty()) {
            return List.of();
        }
        Path path = source.file().get();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            return List.of(path + ": cannot be read: " + e.getMessage());
        }
        return yaml.problems(bytes, TaolunConfig.class).stream().map(p -> describe(p, path.toString())).toList();
    }

    private TaolunConfig parse(byte[] bytes, String name) {
        try {
            return yaml.read(bytes, TaolunConfig.class).orElseGet(TaolunConfig::defaults);
        } catch (StrictYaml.Problem e) {
            throw new ConfigException(describe(e, name));
        }
    }

    /** {@code <file>: <key path>: <what is wrong>}; a record's own message names its key already. */
    private static String describe(StrictYaml.Problem e, String name) {
        String where = e.where().equals("file") ? "" : e.where() + ": ";
        String what = e.getCause() instanceof ConfigException bad ? bad.getMessage() : e.getMessage();
        return name + ": " + (e.getCause() instanceof ConfigException ? "" : where) + what;
    }
}
