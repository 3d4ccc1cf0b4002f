package io.taolun.slack;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * How deep the JSON of a Slack request is nested, found by a scan that needs no stack, before Bolt hands it to Gson.
 * Gson parses recursively: a signed payload nested a few thousand levels deep would end the request thread with a
 * {@link StackOverflowError}. Slack's own payloads stay within a dozen levels.
 */
final class JsonDepth {
    /** The deepest nesting taken; far above what Slack sends, far below what exhausts a thread's stack. */
    static final int MAX = 64;

    private JsonDepth() {
    }

    /**
     * True when the JSON a request body carries is nested at most {@link #MAX} levels: the body itself when it is JSON
     * (Events API), otherwise each {@code payload} field of the form (interactions), URL-decoded. Form fields other
     * than {@code payload} are never parsed as JSON, so their text (a slash command's) is not looked at. A field that
     * cannot be URL-decoded is refused too: Bolt could not read it either.
     */
    static boolean withinLimit(String body) {
        String start = body.stripLeading();
        if (start.startsWith("{") || start.startsWith("[")) {
            return depth(start, MAX) <= MAX;
        }
        for (String field : body.split("&")) {
            int eq = field.indexOf('=');
            if (eq < 0 || !field.substring(0, eq).equals("payload")) {
                continue;
            }
            String value;
            try {
                value = URLDecoder.decode(field.substring(eq + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return false;
            }
            if (depth(value, MAX) > MAX) {
                return false;
            }
        }
        return true;
    }

    /**
     * The deepest nesting of objects and arrays in {@code json}, brackets inside strings not counted; the scan stops
     * as soon as it passes {@code stopAbove}. Malformed JSON is left for the parser to refuse.
     */
    static int depth(String json, int stopAbove) {
        int depth = 0;
        int deepest = 0;
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
                if (depth > deepest) {
                    deepest = depth;
                    if (deepest > stopAbove) {
                        return deepest;
                    }
                }
            } else if (c == '}' || c == ']') {
                depth = Math.max(0, depth - 1);
            }
        }
        return deepest;
    }
}
