package io.taolun.core.ritual;

import io.taolun.core.BadInputException;
import io.taolun.core.SafeText;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words a schedule is written in, typed or in the config file: a weekday, a 24-hour time, an IANA zone, a
 * {@code --close-after} span. Each refuses what it cannot read with an answer listing what it accepts.
 */
public final class ScheduleWords {
    private static final Pattern TIME = Pattern.compile("([01]?\\d|2[0-3])[:：]([0-5]\\d)");
    private static final Pattern SPAN = Pattern.compile("(\\d{1,3})([dh])");
    private static final Map<String, DayOfWeek> DAYS = days();
    private static final List<String> ZONE_NAMES = ZoneId.getAvailableZoneIds().stream()
            .filter(ScheduleWords::isZoneName).sorted().toList();

    private ScheduleWords() {
    }

    /** A span between 1 hour and 7 days: {@code 36h}, {@code 6d}. */
    /** When round 2 of a weekly poll opens after round 1: hours or days, e.g. {@code 36h} or {@code 5d}. */
    public static Duration span(String text) {
        Matcher match = SPAN.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!match.matches()) {
            throw new BadInputException("error.schedule.roundTwo", SafeText.echo(text));
        }
        long n = Long.parseLong(match.group(1));
        return match.group(2).equals("d") ? Duration.ofDays(n) : Duration.ofHours(n);
    }

    public static Duration closeAfter(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        Matcher match = SPAN.matcher(value);
        if (!match.matches()) {
            throw new BadInputException("error.schedule.closeAfter", SafeText.echo(text));
        }
        long n = Long.parseLong(match.group(1));
        Duration d = match.group(2).equals("d") ? Duration.ofDays(n) : Duration.ofHours(n);
        if (d.compareTo(Ritual.MIN_CLOSE_AFTER) < 0 || d.compareTo(Ritual.MAX_CLOSE_AFTER) > 0) {
            throw new BadInputException("error.schedule.closeAfter", SafeText.echo(text));
        }
        return d;
    }

    /** {@code mon}..{@code sun}, full English names, or 周一..周日 / 星期一..星期日. */
    public static DayOfWeek day(String text) {
        DayOfWeek day = DAYS.get(SafeText.halfWidth(text).toLowerCase(Locale.ROOT));
        if (day == null) {
            throw new BadInputException("error.schedule.day", SafeText.echo(text));
        }
        return day;
    }

    public static LocalTime time(String text) {
        Matcher match = TIME.matcher(SafeText.halfWidth(text));
        if (!match.matches()) {
            throw new BadInputException("error.schedule.time", SafeText.echo(text));
        }
        return LocalTime.of(Integer.parseInt(match.group(1)), Integer.parseInt(match.group(2)));
    }

    /** Every zone name {@link #zone} accepts, sorted: what a platform may offer while a user types one. */
    public static List<String> zoneNames() {
        return ZONE_NAMES;
    }

    /** An IANA zone such as {@code Asia/Shanghai}, or {@code UTC}; fixed offsets and abbreviations are refused. */
    public static ZoneId zone(String text) {
        String t = text.strip();
        boolean named = isZoneName(t);
        try {
            if (named) {
                return ZoneId.of(t);
            }
        } catch (DateTimeException e) {
            // falls through to the answer below
        }
        throw new BadInputException("error.schedule.zone", SafeText.echo(text));
    }

    private static boolean isZoneName(String t) {
        return t.length() <= 64 && (t.equals("UTC") || t.matches("[A-Za-z][A-Za-z_]*(/[A-Za-z0-9_+\\-]+){1,2}"));
    }

    private static Map<String, DayOfWeek> days() {
        Map<String, DayOfWeek> days = new HashMap<>();
        String[] zh = {"一", "二", "三", "四", "五", "六", "日"};
        for (DayOfWeek d : DayOfWeek.values()) {
            String full = d.name().toLowerCase(Locale.ROOT);
            days.put(full, d);
            days.put(full.substring(0, 3), d);
            days.put("周" + zh[d.ordinal()], d);
            days.put("星期" + zh[d.ordinal()], d);
        }
        days.put("周天", DayOfWeek.SUNDAY);
        days.put("星期天", DayOfWeek.SUNDAY);
        return Map.copyOf(days);
    }
}
