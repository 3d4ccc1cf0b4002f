package io.taolun.core.article;

import java.time.LocalDate;
import java.util.List;

/**
 * The quote a channel sees on a given day. Deterministic: everyone in the channel gets the same one that day, and
 * consecutive days walk through the list from a per-channel offset, so no quote repeats in a channel until every
 * quote has been shown once.
 */
final class QuoteOfTheDay {
    private QuoteOfTheDay() {
    }

    public static Quote pick(List<Quote> quotes, String channelKey, LocalDate day) {
        if (quotes.isEmpty()) {
            throw new IllegalArgumentException("no quotes");
        }
        int offset = Math.floorMod(channelKey.hashCode(), quotes.size());
        return quotes.get((int) Math.floorMod(day.toEpochDay() + offset, (long) quotes.size()));
    }
}
