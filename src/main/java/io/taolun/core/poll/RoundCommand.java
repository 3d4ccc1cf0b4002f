package io.taolun.core.poll;

import io.taolun.core.BadInputException;
import io.taolun.core.Command;
import io.taolun.core.Invocation;
import io.taolun.core.Reply;
import io.taolun.core.SafeText;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * {@code round <poll-id> [--hours N]}: opens round 2 of a poll of two rounds ("after the discussion, where do you
 * stand now?") in its channel and closes round 1. Its results set both rounds side by side.
 */
public final class RoundCommand implements Command {
    private final PollService service;
    private final PollReplies replies;

    public RoundCommand(PollService service, ZoneId zone) {
        this.service = service;
        this.replies = new PollReplies(service.library(), zone, service.links());
    }

    @Override
    public String name() {
        return "round";
    }

    @Override
    public Reply run(Invocation inv) {
        List<String> args = inv.args();
        Optional<Duration> duration = Optional.empty();
        Long pollId = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--hours")) {
                if (duration.isPresent()) {
                    throw new BadInputException("error.option.twice", "--hours");
                }
                if (i + 1 >= args.size()) {
                    throw new BadInputException("error.option.value", "--hours");
                }
                duration = Optional.of(OpenPollCommand.hours(args.get(++i)));
            } else if (arg.startsWith("--")) {
                throw new BadInputException("error.option.unknown", SafeText.echo(arg));
            } else if (pollId != null) {
                throw new BadInputException("error.round.args");
            } else {
                pollId = PollArgs.pollId(arg);
            }
        }
        if (pollId == null) {
            throw new BadInputException("error.round.args");
        }
        Poll poll = service.openSecondRound(inv.request(), pollId, duration);
        return replies.poll(poll, Tally.empty(poll.slots()), service.resultsVisible(poll), inv.messages(),
                service.now());
    }
}
