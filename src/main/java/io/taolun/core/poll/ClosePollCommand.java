package io.taolun.core.poll;

import io.taolun.core.BadInputException;
import io.taolun.core.Command;
import io.taolun.core.Invocation;
import io.taolun.core.Reply;
import io.taolun.core.Visibility;
import java.time.ZoneId;

/**
 * {@code close <poll-id>}: the opener or an admin ends a poll. A poll whose message was posted and recorded (every poll
 * posted on Slack or Discord) has its results posted once by the outbox and the answer only acknowledges; otherwise
 * (the console) the answer is the final results, in the channel.
 */
public final class ClosePollCommand implements Command {
    private final PollService service;
    private final PollReplies replies;

    public ClosePollCommand(PollService service, ZoneId zone) {
        this.service = service;
        this.replies = new PollReplies(service.library(), zone, service.links());
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
        if (service.resultsPostedByOutbox(poll.id())) {
            // its results, with the chart, go once through the outbox to every channel (and thread) it was posted
            // to, and its messages are re-rendered closed: the answer only acknowledges, so nothing shows twice
            return Reply.builder().text(inv.messages().get("close.ritual", poll.id())).build();
        }
        return replies.results(poll, service.tally(poll), true, inv.messages(), service.now(), Visibility.IN_CHANNEL,
                service.shift(poll), service.secondRound(poll));
    }
}
