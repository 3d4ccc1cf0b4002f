package io.taolun.core.poll;

import io.taolun.core.BadInputException;
import io.taolun.core.ChannelMembers;
import io.taolun.core.Command;
import io.taolun.core.DeliveryException;
import io.taolun.core.Invocation;
import io.taolun.core.Messages;
import io.taolun.core.Reply;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code nonvoters <poll-id>}: the members of a public poll's channel who have no vote standing in it, shown only to
 * the poll's opener. A vote withdrawn, or on an option removed since, does not count: that voter is asked again.
 * Anonymous polls never say who voted, so they have no such list.
 */
public final class NonVotersCommand implements Command {
    /** The most people named in one reply; the rest are counted. */
    static final int MAX_NAMED = 100;

    private final PollService service;
    private final ChannelMembers members;

    public NonVotersCommand(PollService service, ChannelMembers members) {
        this.service = service;
        this.members = members;
    }

    @Override
    public String name() {
        return "nonvoters";
    }

    @Override
    public Reply run(Invocation inv) {
        inv.withoutOptions();
        if (inv.args().size() != 1) {
            throw new BadInputException("error.nonvoters.args");
        }
        Poll poll = service.pollFor(inv.request(), Optional.of(PollArgs.pollId(inv.args().get(0))));
        if (poll.anonymous()) {
            throw new BadInputException("error.nonvoters.anonymous", poll.id());
        }
        boolean opener = poll.where().platform().equals(inv.request().platform())
                && poll.opener().equals(inv.request().user());
        if (!opener) {
            throw new BadInputException("error.nonvoters.notOpener", poll.id());
        }
        ChannelMembers.Members channel;
        try {
            channel = members.of(poll.where())
                    .orElseThrow(() -> new BadInputException("error.nonvoters.platform"));
        } catch (DeliveryException e) {
            throw new BadInputException("error.nonvoters.unreachable");
        }
        Set<String> voted = new HashSet<>();
        service.voters(poll).forEach((number, users) -> {
            if (poll.option(number).isPresent()) {
                voted.addAll(users);
            }
        });
        List<String> missing = channel.users().stream().filter(u -> !voted.contains(u)).distinct().toList();
        Messages m = inv.messages();
        Reply.Builder reply = Reply.builder().title(m.get("nonvoters.title", String.valueOf(poll.id())));
        if (missing.isEmpty()) {
            reply.text(m.get("nonvoters.none", channel.users().size()));
        } else {
            // ints: a count is shown as a number, and chooses its plural
            reply.text(m.get("nonvoters.count", missing.size(), channel.users().size()));
            reply.people(missing.subList(0, Math.min(MAX_NAMED, missing.size())));
            if (missing.size() > MAX_NAMED) {
                reply.text(m.get("nonvoters.more", missing.size() - MAX_NAMED));
            }
        }
        if (!channel.complete()) {
            reply.text(m.get("nonvoters.partial", channel.users().size()));
        }
        return reply.build();
    }
}
