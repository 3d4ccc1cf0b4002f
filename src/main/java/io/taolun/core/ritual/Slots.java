package io.taolun.core.ritual;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.List;

/**
 * When rituals fire, in the ritual's own time zone. A local time that a daylight-saving change skips fires once, at
 * the first valid instant after the gap (the moment of the change); a local time that happens twice fires once, at
 * the first of the two.
 */
public final class Slots {
    private Slots() {
    }

    /** The instant a local date and time happen in a zone, with the gap and overlap rules above. */
    public static Instant at(LocalDate date, LocalTime time, ZoneId zone) {
        LocalDateTime local = date.atTime(time);
        ZoneRules rules = zone.getRules();
        List<ZoneOffset> offsets = rules.getValidOffsets(local);
        if (offsets.isEmpty()) {
            return rules.getTransition(local).getInstant();
        }
        return local.toInstant(offsets.get(0));
    }

    /** The first slot of the ritual strictly after {@code after}. */
    public static Slot next(Ritual.Spec spec, Instant after) {
        LocalDate start = after.atZone(spec.zone()).toLocalDate().minusDays(1);
        for (int i = 0; i < 16; i++) {
            LocalDate date = start.plusDays(i);
            if (spec.day().isPresent() && date.getDayOfWeek() != spec.day().get()) {
                continue;
            }
            Instant at = at(date, spec.time(), spec.zone());
            if (at.isAfter(after)) {
                return new Slot(date, at);
            }
        }
        throw new IllegalStateException("no slot within two weeks");
    }

    /** The slot a scheduled instant belongs to: its local date in the ritual's zone. */
    public static Slot of(Ritual.Spec spec, Instant at) {
        return new Slot(at.atZone(spec.zone()).toLocalDate(), at);
    }
}
