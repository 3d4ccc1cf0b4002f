package io.taolun.core.ritual;

import io.taolun.core.ChannelRef;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A subscription of one or more channels to a ritual, as stored.
 *
 * @param id     shown to users as {@code #id} in {@code schedule list} and {@code schedule off <id>}
 * @param spec   what and when
 * @param active false once turned off
 */
public record Ritual(long id, Spec spec, boolean active) {
    /** Longest and shortest time a weekly poll stays open. */
    public static final Duration MAX_CLOSE_AFTER = Duration.ofDays(7);
    public static final Duration MIN_CLOSE_AFTER = Duration.ofHours(1);
    /** How long a weekly poll stays open when no {@code --close-after} is given. */
    public static final Duration DEFAULT_CLOSE_AFTER = Duration.ofDays(6);

    /**
     * When a weekly poll's round 2 opens unless told: the day before its results (a day before it closes), or half
     * way through a poll open two days or less.
     */
    public static Duration defaultRoundTwoAfter(Duration closeAfter) {
        Duration dayBefore = closeAfter.minusDays(1);
        return dayBefore.compareTo(Duration.ofDays(1)) >= 0 ? dayBefore : closeAfter.dividedBy(2);
    }

    /** Round 2 opens at least an hour after round 1 and at least an hour before the poll closes. */
    public static boolean roundTwoFits(Duration after, Duration closeAfter) {
        return after.compareTo(Duration.ofHours(1)) >= 0
                && after.compareTo(closeAfter.minusHours(1)) <= 0;
    }

    public Ritual {
        Objects.requireNonNull(spec, "spec");
    }

    /**
     * What a ritual does and when.
     *
     * @param day        the weekday of a weekly poll; empty for the daily quote
     * @param time       local time in {@code zone}, whole minutes
     * @param closeAfter how long a weekly poll stays open (zero for the quote)
     * @param targets    where it posts; the first is where its polls live
     * @param configName set when the ritual comes from the config file (and is managed there)
     * @param roundTwoAfter for a weekly poll of two rounds, how long after it opens its round 2 opens ("after the
     *                   discussion, where do you stand now?"), closing round 1; empty for one round
     * @param pick       how a weekly poll picks its claim
     */
    public record Spec(RitualKind kind, String articleId, Optional<DayOfWeek> day, LocalTime time, ZoneId zone,
            Duration closeAfter, List<ChannelRef> targets, Optional<String> configName, String createdBy,
            Optional<Duration> roundTwoAfter, Pick pick) {
        /** A ritual picking its claims the default way ({@link Pick#MIXED}). */
        public Spec(RitualKind kind, String articleId, Optional<DayOfWeek> day, LocalTime time, ZoneId zone,
                Duration closeAfter, List<ChannelRef> targets, Optional<String> configName, String createdBy,
                Optional<Duration> roundTwoAfter) {
            this(kind, articleId, day, time, zone, closeAfter, targets, configName, createdBy, roundTwoAfter,
                    Pick.MIXED);
        }

        /** A ritual of one round. */
        public Spec(RitualKind kind, String articleId, Optional<DayOfWeek> day, LocalTime time, ZoneId zone,
                Duration closeAfter, List<ChannelRef> targets, Optional<String> configName, String createdBy) {
            this(kind, articleId, day, time, zone, closeAfter, targets, configName, createdBy, Optional.empty());
        }

        public Spec {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(articleId, "articleId");
            Objects.requireNonNull(day, "day");
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(zone, "zone");
            Objects.requireNonNull(closeAfter, "closeAfter");
            targets = List.copyOf(targets);
            Objects.requireNonNull(configName, "configName");
            Objects.requireNonNull(createdBy, "createdBy");
            Objects.requireNonNull(roundTwoAfter, "roundTwoAfter");
            Objects.requireNonNull(pick, "pick");
            if (time.getSecond() != 0 || time.getNano() != 0) {
                throw new IllegalArgumentException("a ritual's time is whole minutes");
            }
            if (targets.isEmpty() || targets.size() != targets.stream().distinct().count()) {
                throw new IllegalArgumentException("a ritual needs one or more distinct channels");
            }
            if (kind == RitualKind.WEEKLY_POLL) {
                if (day.isEmpty()) {
                    throw new IllegalArgumentException("a weekly poll needs a day");
                }
                if (closeAfter.compareTo(MIN_CLOSE_AFTER) < 0 || closeAfter.compareTo(MAX_CLOSE_AFTER) > 0) {
                    throw new IllegalArgumentException("a weekly poll closes after 1 hour to 7 days");
                }
                if (roundTwoAfter.isPresent() && !Ritual.roundTwoFits(roundTwoAfter.get(), closeAfter)) {
                    throw new IllegalArgumentException("round 2 opens from 1 hour after the poll to 1 hour before "
                            + "it closes");
                }
            } else if (day.isPresent() || !closeAfter.isZero() || roundTwoAfter.isPresent()) {
                throw new IllegalArgumentException("the quote of the day has no day, no close-after and no rounds");
            }
        }

        /** The same, of two rounds, round 2 opening {@code after} the poll opens. */
        public Spec withRoundTwoAfter(Duration after) {
            return new Spec(kind, articleId, day, time, zone, closeAfter, targets, configName, createdBy,
                    Optional.of(after), pick);
        }

        /** The same, picking its claims by {@code rule}. */
        public Spec withPick(Pick rule) {
            return new Spec(kind, articleId, day, time, zone, closeAfter, targets, configName, createdBy,
                    roundTwoAfter, rule);
        }

        /** The channel its polls are opened in. */
        public ChannelRef home() {
            return targets.get(0);
        }
    }

    public RitualKind kind() {
        return spec.kind();
    }
}
