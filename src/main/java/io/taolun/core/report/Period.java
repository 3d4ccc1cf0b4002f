package io.taolun.core.report;

import io.taolun.core.BadInputException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** The span a report covers: polls opened in the last 7 days, the last 30, or ever. */
public enum Period {
    WEEK(Optional.of(Duration.ofDays(7))),
    MONTH(Optional.of(Duration.ofDays(30))),
    ALL(Optional.empty());

    private final Optional<Duration> span;

    Period(Optional<Duration> span) {
        this.span = span;
    }

    /** Reads {@code week}, {@code month} or {@code all} (also 周 / 月 / 全部); none means all. */
    static Period parse(Optional<String> word) {
        if (word.isEmpty()) {
            return ALL;
        }
        return switch (word.get().toLowerCase(Locale.ROOT)) {
            case "week", "w", "7d", "周", "本周" -> WEEK;
            case "month", "m", "30d", "月", "本月" -> MONTH;
            case "all", "全部" -> ALL;
            default -> throw new BadInputException("error.report.period", word.get());
        };
    }

    boolean covers(Instant openedAt, Instant now) {
        return span.map(d -> !openedAt.isBefore(now.minus(d))).orElse(true);
    }

    String key() {
        return "report.period." + name().toLowerCase(Locale.ROOT);
    }
}
