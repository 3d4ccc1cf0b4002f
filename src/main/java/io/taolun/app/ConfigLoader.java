package io.taolun.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads {@link TaolunConfig}: from {@code TAOLUN_CONFIG} if set, else {@code config/taolun.yaml} in the working
 * directory, else the defaults bundled in the jar.
 */
final class ConfigLoader {
    static final String DEFAULT_FILE = "config/taolun.yaml";
    static final String BUNDLED = "/taolun/config/taolun.yaml";

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

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
            TaolunConfig config = yaml.readValue(bytes, TaolunConfig.class);
            return config == null ? TaolunConfig.defaults() : config;
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds().stream().map(Object::toString).sorted()
                    .collect(Collectors.joining(", "));
            throw new ConfigException(name + ": unknown key \"" + keyPath(e) + "\" (known keys: " + known + ")");
        } catch (ValueInstantiationException e) {
            if (e.getCause() instanceof ConfigException bad) {
                throw new ConfigException(name + ": " + bad.getMessage());
            }
            throw new ConfigException(name + ": " + e.getOriginalMessage());
        } catch (JsonMappingException e) {
            throw new ConfigException(name + ": " + keyPath(e) + ": wrong type (" + e.getOriginalMessage() + ")");
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new ConfigException(name + ": line " + line + ": not valid YAML (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new ConfigException(name + ": cannot be read: " + e.getMessage());
        }
    }

    private static String keyPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
    }
}
