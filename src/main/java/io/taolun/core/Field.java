package io.taolun.core;

import java.util.Objects;

/** A short labelled value shown beside or under a reply's body (Slack section fields, Discord embed fields). */
public record Field(String name, String value) {
    public Field {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
