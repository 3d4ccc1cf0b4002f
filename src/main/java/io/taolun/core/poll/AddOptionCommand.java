package io.taolun.core.poll;

import io.taolun.core.ActionCommand;
import io.taolun.core.AddOptionAction;
import io.taolun.core.BadInputException;
import io.taolun.core.Form;
import io.taolun.core.Invocation;
import io.taolun.core.Messages;
import io.taolun.core.Reply;

/**
 * A voter's own option for a poll opened with {@code --open}: the poll's "add an option" button, which opens a form
 * where the platform has forms, then the form's submission; or typed, {@code add-option <poll-id> "option"}.
 */
public final class AddOptionCommand implements ActionCommand<AddOptionAction> {
    private final PollService service;

    public AddOptionCommand(PollService service) {
        this.service = service;
    }

    @Override
    public String name() {
        return AddOptionAction.COMMAND;
    }

    @Override
    public Class<AddOptionAction> actionType() {
        return AddOptionAction.class;
    }

    @Override
    public Reply act(AddOptionAction action, Invocation inv) {
        return action.typed().isPresent() ? add(action.pollId(), action.typed().get(), inv)
                : form(action.pollId(), inv);
    }

    @Override
    public Reply run(Invocation inv) {
        inv.withoutOptions();
        if (inv.args().isEmpty()) {
            throw new BadInputException("error.option.args");
        }
        long id = PollArgs.pollId(inv.args().get(0));
        if (inv.args().size() == 1) {
            return form(id, inv);
        }
        return add(id, String.join(" ", inv.args().subList(1, inv.args().size())), inv);
    }

    /** The form to type the option in; its text says how to type it where there are no forms. */
    private Reply form(long pollId, Invocation inv) {
        Poll poll = service.takingOptions(inv.request(), pollId);
        Messages m = inv.messages();
        return Reply.builder().title(m.get("option.formTitle"))
                .text(m.get("option.typeHint", poll.id(), PollOption.MAX_LABEL))
                .form(new Form(new AddOptionAction(poll.id(), java.util.Optional.empty()).value(),
                        m.get("option.formTitle"), m.get("option.formLabel", poll.id()),
                        m.get("option.formPlaceholder", PollOption.MAX_LABEL), PollOption.MAX_LABEL,
                        m.get("option.formSubmit")))
                .build();
    }

    private Reply add(long pollId, String typed, Invocation inv) {
        OptionAdded added = service.addOption(inv.request(), pollId, typed);
        Poll poll = added.poll();
        PollOption option = poll.options().get(poll.options().size() - 1);
        Messages m = inv.messages();
        return Reply.builder().text(m.get("option.added", poll.id(), option.label(m.lang()), option.number()))
                .button(new io.taolun.core.VoteAction(poll.id(), option.number()).value(),
                        m.get("option.voteForIt", option.label(m.lang())))
                .build();
    }
}
