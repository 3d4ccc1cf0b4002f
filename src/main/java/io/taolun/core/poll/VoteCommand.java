package io.taolun.core.poll;

import io.taolun.core.PollPosts;
import io.taolun.core.BadInputException;
import io.taolun.core.ActionCommand;
import io.taolun.core.Lang;
import io.taolun.core.VoteAction;
import io.taolun.core.Invocation;
import io.taolun.core.Reply;
import java.time.ZoneId;

/**
 * A vote: a poll button's press, which arrives typed as a {@link VoteAction}, or {@code vote <poll-id> <option>}
 * typed in the console.
 */
public final class VoteCommand implements ActionCommand<VoteAction> {
    private final PollService service;
    private final PollReplies replies;
    private final PollPosts pressed;

    public VoteCommand(PollService service, ZoneId zone) {
        this(service, zone, PollPosts.NONE);
    }

    /** @param pressed told of each posted poll message a vote was cast on, so that the core keeps it current */
    public VoteCommand(PollService service, ZoneId zone, PollPosts pressed) {
        this.pressed = pressed;
        this.service = service;
        this.replies = new PollReplies(service.library(), zone, service.links());
    }

    @Override
    public String name() {
        return "vote";
    }

    @Override
    public Class<VoteAction> actionType() {
        return VoteAction.class;
    }

    @Override
    public Reply act(VoteAction action, Invocation inv) {
        PollService.VoteResult result = service.vote(inv.request(), action.pollId(), action.option());
        // the message pressed on is kept current from now on, like every posted poll message
        action.pressed().ifPresent(message -> pressed.pressed(result.poll().id(), inv.request().where(),
                message.messageId(), Lang.fromLocale(message.locale(), inv.lang())));
        return replies.vote(result, service.resultsVisible(result.poll()), inv.messages(), service.now());
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
