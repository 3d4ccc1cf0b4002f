package io.taolun.core;

/** The bounds of a poll that platforms state up front (Discord's option ranges and lengths); the core enforces them. */
public final class PollLimits {
    /** The most options a custom poll can have. */
    public static final int MAX_OPTIONS = 10;
    /** The longest custom question, in characters. */
    public static final int MAX_QUESTION = 300;

    private PollLimits() {
    }
}
