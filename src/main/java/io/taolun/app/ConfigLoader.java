package io.taolun.app;

import io.taolun.core.yaml.StrictYaml;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads {@link TaolunConfig}: from {@code TAOLUN_CONFIG} if set, else {@code config/taolun.yaml} in the working
 * directory, else the defaults bundled in the jar.
 */
final class ConfigLoader {
    static final String DEFAULT_FILE = "config/taolun.yaml";
    static final String BUNDLED = "/taolun/config/taolun.yaml";

    private final StrictYaml yaml = new StrictYaml();

    TaolunConfig load(Map<String, String> env) {
        String chosen = env.get("TAOLUN_CONFIG");
        if (chosen != null && !chosen.isBlank()) {
            Path path = Path.of(chosen);
            if (!Files.isRegularFile(path)) {
                throw new ConfigException("TAOLUN_CONFIG: \"" + chosen + "\" is not a readable file");
            }
            return read(path);
        }
        Path local = Path.of(DEFAULT_FILE);
        if (Files.isRegularFile(local)) {
            return read(local);
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

    private TaolunConfig parse(byte[] bytes, String name) {
        try {
            return yaml.read(bytes, TaolunConfig.class).orElseGet(TaolunConfig::defaults);
        } catch (StrictYaml.Problem e) {
            String where = e.where().equals("file") ? "" : e.where() + ": ";
            String what = e.getCause() instanceof ConfigException bad ? bad.getMessage() : e.getMessage();
            throw new ConfigException(name + ": " + (e.getCause() instanceof ConfigException ? "" : where) + what);
        }
    }
}
