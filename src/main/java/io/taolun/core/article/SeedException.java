package io.taolun.core.article;

/**
 * A seed file that cannot be used. Its message names the file, the field and the offending value, and is meant to be
 * printed as it is, with no stack trace.
 */
public final class SeedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SeedException(String file, String field, String problem) {
        super(file + ": " + field + ": " + problem, null, false, false);
    }
}
