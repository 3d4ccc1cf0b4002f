package io.taolun.core;

/** Who sees a reply: only the person who asked, or the whole channel. */
public enum Visibility {
    EPHEMERAL,
    IN_CHANNEL
}
