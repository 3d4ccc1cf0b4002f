package io.taolun.core.poll;

import io.taolun.core.BadInputException;
import io.taolun.core.Command;
import io.taolun.core.Invocation;
import io.taolun.core.Reply;
import java.time.ZoneId;

/** {@code vote <poll-id> <option>}: what a poll button sends; also typed in the console. */
public final class VoteCommand implements Command {
    private final PollService service;
    private final PollReplies replies;

    public VoteCommand(PollService service, ZoneId zone) {
        this.service = service;
        this.replies = new PollReplies(service.library(), zone);
    }

    @Override
    public String name() {
        return "vote";
    }

    @Override
    public Reply run(Invocation inv) {
        inv.withoutOptions();
        if (inv.args().size() != 2) {
            throw new BadInputException("error.vote.args");
        }
        long id = PollArgs.pollId(inv.args().get(0));
        int option = PollArgs.option(inv.args().get(1));
        PollService.VoteResult result = service.vote(inv.request(), id, option);
        return replies.vote(result, service.resultsVisible(result.poll()), inv.messages(), service.now());
    }
}
