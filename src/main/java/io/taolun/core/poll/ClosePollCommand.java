package io.taolun.core.poll;

import io.taolun.core.BadInputException;
import io.taolun.core.Command;
import io.taolun.core.Invocation;
import io.taolun.core.Reply;
import io.taolun.core.Visibility;
import java.time.ZoneId;

/** {@code close <poll-id>}: the opener or an admin ends a poll; the final results go to the channel. */
public final class ClosePollCommand implements Command {
    private final PollService service;
    private final PollReplies replies;

    public ClosePollCommand(PollService service, ZoneId zone) {
        this.service = service;
        this.replies = new PollReplies(service.library(), zone);
    }

    @Override
    public String name() {
        return "close";
    }

    @Override
    public Reply run(Invocation inv) {
        inv.withoutOptions();
        if (inv.args().size() != 1) {
            throw new BadInputException("error.close.args");
        }
        Poll poll = service.close(inv.request(), PollArgs.pollId(inv.args().get(0)));
        if (service.resultsPostedByRituals(poll.id())) {
            // a weekly poll: its results, with the chart, go to every channel and thread it was posted to
            return Reply.builder().text(inv.messages().get("close.ritual", poll.id())).build();
        }
        return replies.results(poll, service.tally(poll), true, inv.messages(), service.now(), Visibility.IN_CHANNEL);
    }
}
