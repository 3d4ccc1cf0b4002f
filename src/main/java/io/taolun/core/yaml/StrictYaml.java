package io.taolun.core.yaml;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads a YAML file into records, refusing unknown keys, and turns every failure into a {@link Problem} that says
 * where (a line for bad syntax, a key path such as {@code claims[3].text} for a bad value) and what is wrong. Used for
 * the seed sidecars and the config file.
 */
public final class StrictYaml {
    private final ObjectMapper mapper = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /** A file that cannot be read as the expected records. */
    public static final class Problem extends Exception {
        private static final long serialVersionUID = 1L;
        private final String where;

        Problem(String where, String what, Throwable cause) {
            super(what, cause, false, false);
            this.where = where;
        }

        /** {@code line 5}, or a key path such as {@code claims[3].text}, or {@code file}. */
        public String where() {
            return where;
        }
    }

    /** The document as {@code type}; empty for a file with no content (blank, comments only, or {@code ---}). */
    public <T> Optional<T> read(byte[] bytes, Class<T> type) throws Problem {
        JsonNode tree;
        try {
            tree = mapper.readTree(bytes);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            int column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
            String first = String.valueOf(e.getOriginalMessage()).lines().findFirst().orElse("").strip();
            throw new Problem("line " + line, "is not valid YAML at column " + column + " (" + first + ")", e);
        } catch (IOException e) {
            throw new Problem("file", "cannot be read (" + e.getMessage() + ")", e);
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(mapper.readValue(bytes, type));
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds().stream().map(Object::toString).sorted()
                    .collect(Collectors.joining(", "));
            throw new Problem(path(e), "unknown key \"" + e.getPropertyName() + "\" (known keys here: " + known + ")", e);
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new Problem(path(e), cause.getMessage(), cause);
        } catch (JsonMappingException e) {
            throw new Problem(path(e), "has the wrong shape (" + e.getOriginalMessage() + ")", e);
        } catch (IOException e) {
            throw new Problem("file", "cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static String path(JsonMappingException e) {
        String joined = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining());
        return joined.startsWith(".") ? joined.substring(1) : joined.isEmpty() ? "file" : joined;
    }
}
