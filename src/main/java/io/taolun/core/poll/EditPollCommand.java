package io.taolun.core.poll;

import io.taolun.core.BadInputException;
import io.taolun.core.Command;
import io.taolun.core.Invocation;
import io.taolun.core.Messages;
import io.taolun.core.Reply;
import io.taolun.core.SafeText;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code edit <poll-id> [--question "..."] [--options "A|B"] [--hours N] [--add "X"] [--remove N] [--confirm]}: the
 * opener or an admin changes a poll opened by hand while it is open. The answer, to the editor only, lists what changed;
 * the poll's posted messages follow.
 */
public final class EditPollCommand implements Command {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private final PollService service;
    private final ZoneId zone;

    public EditPollCommand(PollService service, ZoneId zone) {
        this.service = service;
        this.zone = zone;
    }

    @Override
    public String name() {
        return "edit";
    }

    @Override
    public Reply run(Invocation inv) {
        List<String> args = inv.args();
        if (args.isEmpty() || args.get(0).startsWith("--")) {
            throw new BadInputException("error.edit.args");
        }
        long id = PollArgs.pollId(args.get(0));
        Optional<String> question = Optional.empty();
        List<PollOption> options = List.of();
        Optional<Duration> hours = Optional.empty();
        Optional<String> add = Optional.empty();
        Optional<Integer> remove = Optional.empty();
        boolean confirm = false;
        Set<String> given = new HashSet<>();
        for (int i = 1; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                throw new BadInputException("error.edit.args");
            }
            if (!given.add(arg)) {
                throw new BadInputException("error.option.twice", SafeText.echo(arg));
            }
            switch (arg) {
                case "--question" -> question = Optional.of(value(args, ++i, arg));
                case "--options" -> options = OptionSets.parse(value(args, ++i, arg));
                case "--hours" -> hours = Optional.of(OpenPollCommand.hours(value(args, ++i, arg)));
                case "--add" -> add = Optional.of(value(args, ++i, arg));
                case "--remove" -> remove = Optional.of(removed(id, value(args, ++i, arg)));
                case "--confirm" -> confirm = true;
                default -> throw new BadInputException("error.option.unknown", SafeText.echo(arg));
            }
        }
        PollService.Edited edited = service.edit(inv.request(), id,
                new PollEdit(question, options, hours, add, remove, confirm));
        Messages m = inv.messages();
        Reply.Builder reply = Reply.builder();
        for (PollService.Change change : edited.changes()) {
            List<Object> shown = new java.util.ArrayList<>(change.args().stream().map(a -> shown(a, m)).toList());
            if (change.args().stream().anyMatch(java.time.Instant.class::isInstance)) {
                shown.add(zone.getId());
            }
            reply.text(m.get(change.key(), shown.toArray()));
        }
        return reply.build();
    }

    /** An argument as a message shows it: a time in the bot's zone, an int as an int. */
    private Object shown(Object arg, Messages m) {
        if (arg instanceof PollOption option) {
            return option.label(m.lang());
        }
        if (arg instanceof java.time.Instant at) {
            return TIME.format(at.atZone(zone));
        }
        return arg instanceof Long l ? String.valueOf(l) : arg;
    }

    /** The number of an option to remove, refused in the words of the poll when it is not one. */
    private static int removed(long pollId, String typed) {
        int number = PollArgs.option(typed);
        if (number < 1) {
            throw new BadInputException("error.edit.noOption", pollId, SafeText.echo(typed));
        }
        return number;
    }

    private static String value(List<String> args, int at, String option) {
        if (at >= args.size() || args.get(at).startsWith("--")) {
            throw new BadInputException("error.option.value", option);
        }
        return args.get(at);
    }
}
