package io.taolun.core.ritual;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One firing of a ritual: the local date it belongs to (its key: a ritual fires at most once per date) and the
 * instant it fires.
 */
public record Slot(LocalDate date, Instant at) {
    public Slot {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(at, "at");
    }

    /** The key stored with a run, e.g. {@code 2026-11-30}. */
    public String key() {
        return date.toString();
    }
}
