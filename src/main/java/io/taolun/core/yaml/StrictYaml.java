package io.taolun.core.yaml;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * Every problem this reading finds in the document, in the order met; empty when {@link #read} would succeed.
     * After each problem the value at fault is left out (so its default applies) and the rest is read again; a
     * problem whose value cannot be found, and bad YAML syntax, end the search. A problem that needs two values
     * together (one bound against another) is found once the values alone are good.
     */
    public <T> List<Problem> problems(byte[] bytes, Class<T> type) {
        List<Problem> found = new ArrayList<>();
        JsonNode tree;
        try {
            read(bytes, type);
            return found;
        } catch (Problem first) {
            try {
                tree = mapper.readTree(bytes);
            } catch (IOException syntax) {
                return List.of(first);
            }
        }
        // unknown keys are noted and skipped, not fatal, so that all of them are found whatever else is wrong
        Map<String, Problem> unknown = new LinkedHashMap<>();
        ObjectMapper noting = mapper.copy().addHandler(new DeserializationProblemHandler() {
            @Override
            public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p,
                    JsonDeserializer<?> deserializer, Object bean, String name) throws IOException {
                String at = p.getParsingContext().pathAsPointer().toString().substring(1).replace('/', '.')
                        .replaceAll("\\.(\\d+)(?=\\.|$)", "[$1]");
                String known = deserializer.getKnownPropertyNames().stream().map(Object::toString).sorted()
                        .collect(Collectors.joining(", "));
                unknown.putIfAbsent(at, new Problem(at.isEmpty() ? "file" : at,
                        "unknown key \"" + name + "\" (known keys here: " + known + ")", null));
                p.skipChildren();
                return true;
            }
        });
        String previous = "";
        for (int round = 0; round < MAX_PROBLEMS; round++) {
            int before = unknown.size();
            try {
                noting.treeToValue(tree, type);
                addNew(found, unknown, before);
                break;
            } catch (IOException | IllegalArgumentException e) {
                addNew(found, unknown, before);
                Problem problem = problem(e);
                String key = problem.where() + " " + key(problem);
                // a key left out can fail again under the same name (it is required, or its default is out of
                // bounds with another key): that is not a second problem, and the object is left out whole
                boolean again = key.equals(previous);
                if (!again) {
                    found.add(problem);
                }
                if (e instanceof ValueInstantiationException v) {
                    // a failed constructor hides the unknown keys beside it: name them now, the object may go
                    int known = unknown.size();
                    unknownIn(tree, v, unknown);
                    addNew(found, unknown, known);
                }
                previous = key;
                if (!leaveOut(tree, e, problem, again)) {
                    break;
                }
            }
        }
        return found;
    }

    private void unknownIn(JsonNode tree, ValueInstantiationException v, Map<String, Problem> unknown) {
        JsonNode node = tree;
        for (JsonMappingException.Reference r : v.getPath()) {
            node = node == null ? null : r.getFieldName() != null ? node.get(r.getFieldName()) : node.get(r.getIndex());
        }
        if (!(node instanceof ObjectNode object) || v.getType() == null) {
            return;
        }
        List<String> known = mapper.getDeserializationConfig().introspect(v.getType()).findProperties().stream()
                .map(BeanPropertyDefinition::getName).sorted().toList();
        String at = path(v);
        object.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                String where = at.equals("file") ? name : at + "." + name;
                unknown.putIfAbsent(where, new Problem(where, "unknown key \"" + name + "\" (known keys here: "
                        + String.join(", ", known) + ")", null));
            }
        });
    }

    private static void addNew(List<Problem> found, Map<String, Problem> unknown, int before) {
        unknown.values().stream().skip(before).forEach(found::add);
    }

    /** More problems than any file written by hand has; it bounds the search. */
    private static final int MAX_PROBLEMS = 50;

    private static Problem problem(Exception e) {
        if (e instanceof UnrecognizedPropertyException u) {
            String known = u.getKnownPropertyIds().stream().map(Object::toString).sorted()
                    .collect(Collectors.joining(", "));
            return new Problem(path(u), "unknown key \"" + u.getPropertyName() + "\" (known keys here: " + known + ")", u);
        }
        if (e instanceof ValueInstantiationException v) {
            Throwable cause = v.getCause() == null ? v : v.getCause();
            return new Problem(path(v), cause.getMessage(), cause);
        }
        if (e instanceof JsonMappingException m) {
            return new Problem(path(m), "has the wrong shape (" + m.getOriginalMessage() + ")", m);
        }
        return new Problem("file", "cannot be read (" + e.getMessage() + ")", e);
    }

    /**
     * Removes the value a problem is about: the key a constructor's message starts with ({@code polls.maxHours: ...}
     * names {@code maxHours} in the object being built), else the value at the problem's path; false when there is
     * nothing to remove.
     */
    private static boolean leaveOut(JsonNode tree, Exception e, Problem problem, boolean whole) {
        if (!(e instanceof JsonMappingException m)) {
            return false;
        }
        List<JsonMappingException.Reference> at = m.getPath();
        JsonNode node = tree;
        JsonNode parent = null;
        for (JsonMappingException.Reference r : at) {
            parent = node;
            node = r.getFieldName() != null ? node.get(r.getFieldName()) : node.get(r.getIndex());
            if (node == null) {
                return false;
            }
        }
        String key = key(problem);
        if (!whole && e instanceof ValueInstantiationException && !key.isEmpty() && node instanceof ObjectNode object) {
            // the last of the key's names that the object has: polls.admins.slak names admins in polls
            String[] names = key.split("\\.");
            for (int i = names.length - 1; i >= 0; i--) {
                String field = names[i].replaceAll("\\[.*$", "");
                if (object.has(field)) {
                    object.remove(field);
                    return true;
                }
            }
        }
        if (parent == null) {
            return false;
        }
        JsonMappingException.Reference last = at.get(at.size() - 1);
        if (parent instanceof ObjectNode object && last.getFieldName() != null) {
            object.remove(last.getFieldName());
            return true;
        }
        if (parent instanceof ArrayNode array && last.getFieldName() == null) {
            array.remove(last.getIndex());
            return true;
        }
        return false;
    }

    /** The key a constructor's message starts with ({@code polls.maxHours} of {@code polls.maxHours: 0 is ...}). */
    private static String key(Problem problem) {
        String what = String.valueOf(problem.getMessage());
        int colon = what.indexOf(": ");
        return colon > 0 && what.substring(0, colon).matches("[A-Za-z0-9_.\\[\\]-]+") ? what.substring(0, colon) : "";
    }

    private static String path(JsonMappingException e) {
        String joined = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining());
        return joined.startsWith(".") ? joined.substring(1) : joined.isEmpty() ? "file" : joined;
    }
}
