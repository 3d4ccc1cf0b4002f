package io.taolun.core.poll;

import io.taolun.core.BadInputException;
import io.taolun.core.Command;
import io.taolun.core.Invocation;
import io.taolun.core.Reply;
import io.taolun.core.SafeText;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code poll [claim-id | --question "..."] [--options <scale>|"A|B|C"] [--hours N] [--hidden] [--public]
 * [--rounds 2] [--max N] [--open]}: opens a poll on a claim of the article (by default the one this workspace has polled least), asking
 * the claim's own question, or on a question of the opener's own. With two rounds, it is round 1 of a before/after
 * pair, whose round 2 {@code round <id>} opens after the discussion. With {@code --max N} (a question and options of
 * the opener's own) each voter picks up to N options; with {@code --open} voters may add options of their own.
 */
public final class OpenPollCommand implements Command {
    private final PollService service;
    private final PollReplies replies;

    public OpenPollCommand(PollService service, ZoneId zone) {
        this.service = service;
        this.replies = new PollReplies(service.library(), zone, service.links());
    }

    @Override
    public String name() {
        return "poll";
    }

    @Override
    public Reply run(Invocation inv) {
        List<String> args = new ArrayList<>(inv.args());
        List<PollOption> options = List.of();
        Optional<Duration> duration = Optional.empty();
        boolean hidden = false;
        boolean anonymous = true;
        int rounds = 1;
        int max = 0;
        boolean open = false;
        String claimId = null;
        String question = null;
        Set<String> given = new HashSet<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.startsWith("--") && !given.add(arg)) {
                // a second --hours or --options would silently win over the first: the opener must choose
                throw new BadInputException("error.option.twice", SafeText.echo(arg));
            }
            switch (arg) {
                case "--options" -> options = OptionSets.parse(value(args, ++i, arg));
                case "--hours" -> duration = Optional.of(hours(value(args, ++i, arg)));
                case "--hidden" -> hidden = true;
                case "--public" -> anonymous = false;
                case "--rounds" -> rounds = rounds(value(args, ++i, arg));
                case "--max" -> max = max(value(args, ++i, arg));
                case "--open" -> open = true;
                case "--question" -> question = value(args, ++i, arg);
                default -> {
                    if (arg.startsWith("--")) {
                        throw new BadInputException("error.option.unknown", SafeText.echo(arg));
                    }
                    if (claimId != null) {
                        throw new BadInputException("error.poll.oneClaim");
                    }
                    claimId = arg;
                }
            }
        }
        if (claimId != null && question != null) {
            throw new BadInputException("error.poll.claimOrQuestion");
        }
        Poll poll = service.open(inv.request(), new PollService.OpenRequest(Optional.ofNullable(claimId),
                Optional.ofNullable(question), options, duration, hidden, anonymous, rounds, max, open));
        return replies.poll(poll, Tally.empty(poll.slots()), service.resultsVisible(poll), inv.messages(),
                service.now());
    }

    private static String value(List<String> args, int at, String option) {
        if (at >= args.size() || args.get(at).startsWith("--")) {
            throw new BadInputException("error.option.value", option);
        }
        return args.get(at);
    }

    private static int rounds(String typed) {
        if (!typed.equals("1") && !typed.equals("2")) {
            throw new BadInputException("error.poll.rounds", SafeText.echo(typed));
        }
        return Integer.parseInt(typed);
    }

    /**
     * A number of choices, checked against the options by the service; a typed 0 is passed on as -1, since 0 means
     * that none was asked for, and is refused there like 1.
     */
    private static int max(String typed) {
        if (!typed.matches("\\d{1,2}")) {
            throw new BadInputException("error.poll.maxValue", SafeText.echo(typed));
        }
        int max = Integer.parseInt(typed);
        return max == 0 ? -1 : max;
    }

    static Duration hours(String typed) {
        if (!typed.matches("\\d{1,6}") || Integer.parseInt(typed) < 1) {
            throw new BadInputException("error.poll.hoursValue", SafeText.echo(typed));
        }
        return Duration.ofHours(Integer.parseInt(typed));
    }
}
