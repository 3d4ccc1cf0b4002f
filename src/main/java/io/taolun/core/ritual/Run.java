package io.taolun.core.ritual;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What happened in one slot of a ritual: posted (with the quote number or claim id it chose, and the poll it
 * opened) or skipped because the slot was missed by more than the grace period.
 *
 * @param articleId the article the ritual posted from in this slot
 */
public record Run(long ritualId, String slot, Instant slotAt, boolean skipped, Optional<String> item,
        Optional<Long> pollId, boolean closed, String articleId) {
    public Run {
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(slot, "slot");
        Objects.requireNonNull(slotAt, "slotAt");
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(pollId, "pollId");
    }
}
