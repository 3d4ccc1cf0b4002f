package io.taolun.core.ritual;

/**
 * Thrown by a renderer for a post that is no longer wanted, such as a discussion prompt for a poll that has closed:
 * the outbox marks it skipped, not failed.
 */
public final class SkipPost extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SkipPost(String why) {
        super(why, null, false, false);
    }
}
