package io.taolun.core.article;

import java.time.LocalDate;
import java.util.Objects;

/** The quote a channel's quote-of-the-day ritual shows on a day, that day being in the ritual's own time zone. */
public record RitualQuote(int number, LocalDate day) {
    public RitualQuote {
        Objects.requireNonNull(day, "day");
    }
}
