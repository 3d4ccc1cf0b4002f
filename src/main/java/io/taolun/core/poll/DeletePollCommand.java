package io.taolun.core.poll;

import io.taolun.core.BadInputException;
import io.taolun.core.Command;
import io.taolun.core.Invocation;
import io.taolun.core.Reply;
import java.util.List;
import java.util.Optional;

/**
 * {@code delete <poll-id> [--confirm]}: the opener or an admin deletes a poll; one with votes only with
 * {@code --confirm}, after being told how many votes it has. Its posted messages then say it was deleted.
 */
public final class DeletePollCommand implements Command {
    private final PollService service;

    public DeletePollCommand(PollService service) {
        this.service = service;
    }

    @Override
    public String name() {
        return "delete";
    }

    @Override
    public Reply run(Invocation inv) {
        List<String> args = new java.util.ArrayList<>(inv.args());
        boolean confirm = args.remove("--confirm");
        if (args.contains("--confirm")) {
            throw new BadInputException("error.option.twice", "--confirm");
        }
        for (String arg : args) {
            if (arg.startsWith("--")) {
                throw new BadInputException("error.option.unknown", io.taolun.core.SafeText.echo(arg));
            }
        }
        if (args.size() != 1) {
            throw new BadInputException("error.delete.args");
        }
        long id = PollArgs.pollId(args.get(0));
        Optional<Tally> unconfirmed = service.delete(inv.request(), id, confirm);
        if (unconfirmed.isPresent()) {
            // an int: a count is shown as a number, and chooses "vote" or "votes"
            return Reply.builder().text(inv.messages().get("delete.confirm", String.valueOf(id),
                    unconfirmed.get().total())).build();
        }
        return Reply.builder().text(inv.messages().get("delete.done", String.valueOf(id))).build();
    }
}
