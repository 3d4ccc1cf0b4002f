package io.taolun.core.ritual;

import io.taolun.core.BadInputException;
import io.taolun.core.Command;
import io.taolun.core.Invocation;
import io.taolun.core.Messages;
import io.taolun.core.Reply;
import io.taolun.core.SafeText;
import io.taolun.core.Visibility;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code schedule weekly-poll <day> <HH:MM> <zone> [--close-after 6d] [--rounds 2] [--round-two-after 5d]}, {@code schedule qotd <HH:MM> <zone>},
 * {@code schedule list}, {@code schedule off <id>}.
 */
public final class ScheduleCommand implements Command {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final RitualService service;
    private final String articleId;
    private final Function<Ritual, Optional<String>> nextPick;

    public ScheduleCommand(RitualService service, String articleId) {
        this(service, articleId, ritual -> Optional.empty());
    }

    /** @param nextPick the claim a weekly poll would take next, shown by {@code schedule list} */
    public ScheduleCommand(RitualService service, String articleId, Function<Ritual, Optional<String>> nextPick) {
        this.service = service;
        this.articleId = articleId;
        this.nextPick = nextPick;
    }

    @Override
    public String name() {
        return "schedule";
    }

    @Override
    public Reply run(Invocation inv) {
        List<String> args = new ArrayList<>(inv.args());
        if (args.isEmpty()) {
            throw new BadInputException("error.schedule.args");
        }
        String what = SafeText.halfWidth(args.remove(0)).toLowerCase(Locale.ROOT);
        return switch (what) {
            case "list" -> list(inv, args);
            case "off" -> off(inv, args);
            case "qotd", "weekly-poll" -> create(inv, RitualKind.parse(what).orElseThrow(), args);
            default -> throw new BadInputException("error.schedule.args");
        };
    }

    private Reply create(Invocation inv, RitualKind kind, List<String> args) {
        boolean weekly = kind == RitualKind.WEEKLY_POLL;
        Duration closeAfter = weekly ? take(args, "--close-after").map(ScheduleWords::closeAfter)
                .orElse(Ritual.DEFAULT_CLOSE_AFTER) : Duration.ZERO;
        Optional<Duration> roundTwoAfter = weekly ? roundTwoAfter(args, closeAfter) : Optional.empty();
        Pick pick = weekly ? take(args, "--pick").map(w -> Pick.parse(w).orElseThrow(() -> new BadInputException(
                "error.schedule.pick", SafeText.echo(w)))).orElse(Pick.MIXED) : Pick.MIXED;
        int expected = kind == RitualKind.WEEKLY_POLL ? 3 : 2;
        if (args.stream().anyMatch(a -> a.startsWith("--"))) {
            throw new BadInputException("error.option.unknown", SafeText.echo(
                    args.stream().filter(a -> a.startsWith("--")).findFirst().orElseThrow()));
        }
        if (args.size() != expected) {
            throw new BadInputException("error.schedule.args");
        }
        Optional<DayOfWeek> day = kind == RitualKind.WEEKLY_POLL ? Optional.of(ScheduleWords.day(args.remove(0))) : Optional.empty();
        LocalTime time = ScheduleWords.time(args.get(0));
        ZoneId zone = ScheduleWords.zone(args.get(1));
        Ritual.Spec spec = new Ritual.Spec(kind, articleId, day, time, zone, closeAfter,
                List.of(inv.request().where()), Optional.empty(), inv.request().user(), roundTwoAfter, pick);
        Ritual ritual = service.create(inv.request(), spec);
        Messages m = inv.messages();
        return Reply.builder().title(m.get("schedule.created", ritual.id()))
                .text(describe(ritual, m))
                .footer(m.get("schedule.next", when(service.nextAt(ritual), zone)))
                .visibility(Visibility.IN_CHANNEL)
                .build();
    }

    private Reply list(Invocation inv, List<String> args) {
        if (!args.isEmpty()) {
            throw new BadInputException("error.schedule.args");
        }
        Messages m = inv.messages();
        List<Ritual> rituals = service.list(inv.request().where());
        if (rituals.isEmpty()) {
            return Reply.builder().text(m.get("schedule.none")).footer(m.get("schedule.hint")).build();
        }
        Reply.Builder reply = Reply.builder().title(m.get("schedule.listTitle", rituals.size()));
        for (Ritual ritual : rituals) {
            String other = ritual.spec().articleId().equals(articleId) ? ""
                    : "\n" + m.get("schedule.article", ritual.spec().articleId());
            String pick = nextPick.apply(ritual).map(claim -> "\n" + m.get("schedule.nextPick", claim)).orElse("");
            reply.field("#" + ritual.id(), describe(ritual, m) + other + "\n"
                    + m.get("schedule.next", when(service.nextAt(ritual), ritual.spec().zone())) + pick);
        }
        return reply.footer(m.get("schedule.hint")).build();
    }

    private Reply off(Invocation inv, List<String> args) {
        if (args.size() != 1) {
            throw new BadInputException("error.schedule.args");
        }
        String id = SafeText.halfWidth(args.get(0));
        if (!id.matches("#?\\d{1,18}")) {
            // the user said what to do, only the id is wrong: say that, not what to schedule
            throw new BadInputException("error.schedule.noSuchId", SafeText.echo(args.get(0)));
        }
        Ritual ritual = service.off(inv.request(), Long.parseLong(id.replace("#", "")));
        return Reply.builder().title(inv.messages().get("schedule.off", ritual.id()))
                .text(describe(ritual, inv.messages())).visibility(Visibility.IN_CHANNEL).build();
    }

    /** A ritual in words, e.g. "Weekly poll, Mondays 09:00 Europe/Berlin, open 6 days". */
    public static String describe(Ritual ritual, Messages m) {
        Ritual.Spec s = ritual.spec();
        String time = s.time().toString() + " " + s.zone().getId();
        String where = s.targets().size() > 1 ? " · " + m.get("schedule.channels", s.targets().size()) : "";
        if (s.kind() == RitualKind.QOTD) {
            return m.get("schedule.qotd", time) + where;
        }
        Locale locale = m.lang() == io.taolun.core.Lang.ZH ? Locale.CHINESE : Locale.ENGLISH;
        String day = s.day().orElseThrow().getDisplayName(TextStyle.FULL, locale);
        String rounds = s.roundTwoAfter().map(after -> " · " + m.get("schedule.rounds", span(after, m))).orElse("");
        return m.get("schedule.weekly", day, time, span(s.closeAfter(), m)) + rounds + " · "
                + m.get("schedule.pick." + s.pick().word()) + where;
    }

    private static String span(Duration d, Messages m) {
        // ints, not longs: the choice patterns need numbers, and Messages passes longs on as plain text
        return d.toHours() % 24 == 0 ? m.get("schedule.days", (int) d.toDays())
                : m.get("schedule.hours", (int) d.toHours());
    }

    private static String when(Instant at, ZoneId zone) {
        return WHEN.format(at.atZone(zone)) + " " + zone.getId();
    }

    /**
     * {@code --rounds 2} and {@code --round-two-after <span>} (which implies two rounds): when round 2 opens, by
     * default the day before the results; empty for one round.
     */
    private static Optional<Duration> roundTwoAfter(List<String> args, Duration closeAfter) {
        Optional<String> rounds = take(args, "--rounds");
        Optional<String> after = take(args, "--round-two-after");
        if (rounds.isPresent() && !rounds.get().equals("1") && !rounds.get().equals("2")) {
            throw new BadInputException("error.poll.rounds", SafeText.echo(rounds.get()));
        }
        if (rounds.filter("1"::equals).isPresent() && after.isPresent()) {
            throw new BadInputException("error.schedule.oneRound");
        }
        if (rounds.filter("2"::equals).isEmpty() && after.isEmpty()) {
            return Optional.empty();
        }
        Duration at = after.map(ScheduleWords::span).orElseGet(() -> Ritual.defaultRoundTwoAfter(closeAfter));
        if (!Ritual.roundTwoFits(at, closeAfter)) {
            throw new BadInputException("error.schedule.roundTwo", SafeText.echo(after.orElse("--rounds 2")));
        }
        return Optional.of(at);
    }

    /** Removes {@code --name value} or {@code --name=value} from the words and returns the value (lower case). */
    private static Optional<String> take(List<String> args, String name) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i).toLowerCase(Locale.ROOT);
            if (a.startsWith(name + "=")) {
                args.remove(i);
                return Optional.of(a.substring(name.length() + 1));
            }
            if (a.equals(name)) {
                args.remove(i);
                if (i >= args.size()) {
                    throw new BadInputException("error.option.value", name);
                }
                return Optional.of(args.remove(i).toLowerCase(Locale.ROOT));
            }
        }
        return Optional.empty();
    }
}
