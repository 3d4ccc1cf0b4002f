package io.taolun.core.poll;

import io.taolun.core.BadInputException;
import io.taolun.core.Command;
import io.taolun.core.Invocation;
import io.taolun.core.Reply;
import java.time.ZoneId;

/** {@code polls}: the polls still open in this channel. */
public final class PollsCommand implements Command {
    private final PollService service;
    private final PollReplies replies;

    public PollsCommand(PollService service, ZoneId zone) {
        this.service = service;
        this.replies = new PollReplies(service.library(), zone, service.links());
    }

    @Override
    public String name() {
        return "polls";
    }

    @Override
    public Reply run(Invocation inv) {
        inv.withoutOptions();
        if (!inv.args().isEmpty()) {
            throw new BadInputException("error.args.none");
        }
        return replies.openPolls(service.openHere(inv.request()), service::tally, inv.messages(), service.now());
    }
}
