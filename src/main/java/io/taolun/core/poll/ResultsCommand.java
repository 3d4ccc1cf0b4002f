package io.taolun.core.poll;

import io.taolun.core.BadInputException;
import io.taolun.core.Command;
import io.taolun.core.Invocation;
import io.taolun.core.Reply;
import java.time.ZoneId;
import java.util.Optional;

/** {@code results [poll-id]}: counts, percentages and bars; the newest poll of the channel by default. */
public final class ResultsCommand implements Command {
    private final PollService service;
    private final PollReplies replies;

    public ResultsCommand(PollService service, ZoneId zone) {
        this.service = service;
        this.replies = new PollReplies(service.library(), zone, service.links());
    }

    @Override
    public String name() {
        return "results";
    }

    @Override
    public Reply run(Invocation inv) {
        inv.withoutOptions();
        if (inv.args().size() > 1) {
            throw new BadInputException("error.results.args");
        }
        Optional<Long> id = inv.args().isEmpty() ? Optional.empty() : Optional.of(PollArgs.pollId(inv.args().get(0)));
        Poll poll = service.pollFor(inv.request(), id);
        return replies.results(poll, service.tally(poll), service.resultsVisible(poll), inv.messages(), service.now(),
                inv.shareVisibility(), service.shift(poll), service.secondRound(poll));
    }
}
