package io.taolun.core.poll;

import io.taolun.core.BadInputException;
import io.taolun.core.Command;
import io.taolun.core.Invocation;
import io.taolun.core.Reply;
import io.taolun.core.article.Claim;
import java.time.ZoneId;

/** {@code history <claim-id>}: every poll of this workspace on a claim, oldest first, and how agreement moved. */
public final class HistoryCommand implements Command {
    private final PollService service;
    private final PollReplies replies;

    public HistoryCommand(PollService service, ZoneId zone) {
        this.service = service;
        this.replies = new PollReplies(service.library(), zone, service.links());
    }

    @Override
    public String name() {
        return "history";
    }

    @Override
    public Reply run(Invocation inv) {
        inv.withoutOptions();
        if (inv.args().size() != 1) {
            throw new BadInputException("error.history.args");
        }
        Claim claim = service.claim(inv.args().get(0));
        return replies.history(claim, service.history(inv.request(), claim.id()), service::tally, inv.messages(),
                service.now());
    }
}
