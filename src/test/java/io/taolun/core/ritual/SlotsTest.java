package io.taolun.core.ritual;

import static org.assertj.core.api.Assertions.assertThat;

import io.taolun.core.ChannelRef;
import io.taolun.testing.TouchesTime;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

@TouchesTime
final class SlotsTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ChannelRef HERE = new ChannelRef("console", "local", "c");

    private static Ritual.Spec daily(String time, ZoneId zone) {
        return new Ritual.Spec(RitualKind.QOTD, "a", Optional.empty(), LocalTime.parse(time), zone, Duration.ZERO,
                List.of(HERE), Optional.empty(), "u");
    }

    private static Ritual.Spec weekly(DayOfWeek day, String time, ZoneId zone) {
        return new Ritual.Spec(RitualKind.WEEKLY_POLL, "a", Optional.of(day), LocalTime.parse(time), zone,
                Duration.ofDays(6), List.of(HERE), Optional.empty(), "u");
    }

    private static Instant at(String utc) {
        return Instant.parse(utc);
    }

    @Test
    void a_berlin_quote_fires_at_nine_local_on_both_sides_of_the_spring_change() {
        // GIVEN a 09:00 Europe/Berlin quote; clocks go forward on Sunday 2026-03-29
        Ritual.Spec spec = daily("09:00", BERLIN);
        // WHEN the slots around the change are computed
        Slot saturday = Slots.next(spec, at("2026-03-28T00:00:00Z"));
        Slot sunday = Slots.next(spec, saturday.at());
        Slot monday = Slots.next(spec, sunday.at());
        // THEN each is 09:00 local: 08:00 UTC in winter time, 07:00 UTC in summer time
        assertThat(List.of(saturday.at(), sunday.at(), monday.at()))
                .containsExactly(at("2026-03-28T08:00:00Z"), at("2026-03-29T07:00:00Z"), at("2026-03-30T07:00:00Z"));
        assertThat(List.of(saturday.key(), sunday.key(), monday.key()))
                .containsExactly("2026-03-28", "2026-03-29", "2026-03-30");
    }

    @Test
    void a_berlin_quote_fires_at_nine_local_on_both_sides_of_the_autumn_change() {
        // GIVEN a 09:00 Europe/Berlin quote; clocks go back on Sunday 2026-10-25
        Ritual.Spec spec = daily("09:00", BERLIN);
        // WHEN
        Slot saturday = Slots.next(spec, at("2026-10-24T00:00:00Z"));
        Slot sunday = Slots.next(spec, saturday.at());
        // THEN
        assertThat(saturday.at()).isEqualTo(at("2026-10-24T07:00:00Z"));
        assertThat(sunday.at()).isEqualTo(at("2026-10-25T08:00:00Z"));
    }

    @Test
    void a_weekly_poll_set_in_the_spring_gap_fires_once_at_the_first_valid_time() {
        // GIVEN a poll on Sundays at 02:30 Berlin time, a time that does not exist on 2026-03-29
        Ritual.Spec spec = weekly(DayOfWeek.SUNDAY, "02:30", BERLIN);
        // WHEN
        Slot gapDay = Slots.next(spec, at("2026-03-28T12:00:00Z"));
        Slot following = Slots.next(spec, gapDay.at());
        // THEN it fires at 03:00 summer time (the moment the clocks jump), once, and a week later at 02:30 again
        assertThat(gapDay.at()).isEqualTo(at("2026-03-29T01:00:00Z"));
        assertThat(gapDay.at().atZone(BERLIN).toLocalTime()).isEqualTo(LocalTime.of(3, 0));
        assertThat(following.at()).isEqualTo(at("2026-04-05T00:30:00Z"));
    }

    @Test
    void a_weekly_poll_set_in_the_autumn_overlap_fires_once_at_the_first_of_the_two_times() {
        // GIVEN a poll on Sundays at 02:30 Berlin time, a time that happens twice on 2026-10-25
        Ritual.Spec spec = weekly(DayOfWeek.SUNDAY, "02:30", BERLIN);
        // WHEN
        Slot overlapDay = Slots.next(spec, at("2026-10-24T12:00:00Z"));
        Slot following = Slots.next(spec, overlapDay.at());
        // THEN the first 02:30 (summer time) fires, and the next slot is a week later, not the second 02:30
        assertThat(overlapDay.at()).isEqualTo(at("2026-10-25T00:30:00Z"));
        assertThat(following.at()).isEqualTo(at("2026-11-01T01:30:00Z"));
    }

    @Test
    void new_york_slots_follow_its_own_changes() {
        // GIVEN New York, whose clocks change on 2026-03-08 and 2026-11-01
        Ritual.Spec sundayPoll = weekly(DayOfWeek.SUNDAY, "02:15", NEW_YORK);
        Ritual.Spec earlyQuote = daily("01:30", NEW_YORK);
        // WHEN / THEN the skipped 02:15 fires at 03:00 EDT; the doubled 01:30 fires at the first one (EDT) only
        assertThat(Slots.next(sundayPoll, at("2026-03-07T12:00:00Z")).at()).isEqualTo(at("2026-03-08T07:00:00Z"));
        Slot doubled = Slots.next(earlyQuote, at("2026-10-31T12:00:00Z"));
        assertThat(doubled.at()).isEqualTo(at("2026-11-01T05:30:00Z"));
        assertThat(Slots.next(earlyQuote, doubled.at()).at()).isEqualTo(at("2026-11-02T06:30:00Z"));
    }

    @Test
    void shanghai_has_no_daylight_saving_and_fires_at_one_utc_for_nine_local() {
        // GIVEN
        Ritual.Spec spec = daily("09:00", SHANGHAI);
        // WHEN a slot is asked for late in the local day
        Slot next = Slots.next(spec, at("2026-11-29T02:00:00Z"));
        // THEN it is the next local morning
        assertThat(next.at()).isEqualTo(at("2026-11-30T01:00:00Z"));
        assertThat(next.key()).isEqualTo("2026-11-30");
    }

    @Test
    void a_leap_day_is_a_day_like_any_other() {
        // GIVEN 2028-02-29, a Tuesday
        Ritual.Spec tuesdayPoll = weekly(DayOfWeek.TUESDAY, "09:00", SHANGHAI);
        Ritual.Spec quote = daily("09:00", SHANGHAI);
        // WHEN / THEN
        Slot leap = Slots.next(tuesdayPoll, at("2028-02-28T12:00:00Z"));
        assertThat(leap.key()).isEqualTo("2028-02-29");
        assertThat(Slots.next(tuesdayPoll, leap.at()).key()).isEqualTo("2028-03-07");
        assertThat(Slots.next(quote, at("2028-02-28T02:00:00Z")).key()).isEqualTo("2028-02-29");
        assertThat(Slots.next(quote, at("2028-02-29T01:00:00Z")).key()).isEqualTo("2028-03-01");
    }

    @Test
    void a_year_of_daily_slots_has_every_date_once_at_the_local_time() {
        // GIVEN a quote at 09:00 Berlin time, through a year with both changes
        Ritual.Spec spec = daily("09:00", BERLIN);
        Instant after = at("2026-01-01T00:00:00Z");
        LocalDate expected = LocalDate.of(2026, 1, 1);
        // WHEN 365 slots are taken one after the other
        for (int i = 0; i < 365; i++) {
            Slot slot = Slots.next(spec, after);
            ZonedDateTime local = slot.at().atZone(BERLIN);
            // THEN no date is skipped or repeated, and each fires at 09:00 local
            assertThat(slot.date()).isEqualTo(expected);
            assertThat(local.toLocalTime()).isEqualTo(LocalTime.of(9, 0));
            after = slot.at();
            expected = expected.plusDays(1);
        }
    }

    @Test
    void a_weekly_poll_slot_is_always_on_its_day_and_after_the_given_instant() {
        // GIVEN
        Ritual.Spec spec = weekly(DayOfWeek.MONDAY, "09:00", BERLIN);
        Instant monday0900 = at("2026-11-30T08:00:00Z");
        // WHEN asked exactly at, just before and just after a slot
        // THEN a slot is strictly after the instant
        assertThat(Slots.next(spec, monday0900.minusSeconds(1)).at()).isEqualTo(monday0900);
        assertThat(Slots.next(spec, monday0900).at()).isEqualTo(at("2026-12-07T08:00:00Z"));
    }
}
