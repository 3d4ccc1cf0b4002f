package io.taolun.core.poll;

import io.taolun.core.Attachment;
import io.taolun.core.BadInputException;
import io.taolun.core.Command;
import io.taolun.core.Invocation;
import io.taolun.core.Reply;
import java.util.Optional;

/**
 * {@code export <poll-id>}: the poll's counts as a CSV file. The file is for the whole channel only when it shows
 * nothing the channel could not see by the poll's own rules: the poll's voters are public and the export is asked for
 * in the channel the poll was opened in. Otherwise (an anonymous poll, or a poll of another channel) it is for the
 * asker alone.
 */
public final class ExportCommand implements Command {
    private final PollService service;

    public ExportCommand(PollService service) {
        this.service = service;
    }

    @Override
    public String name() {
        return "export";
    }

    @Override
    public Reply run(Invocation inv) {
        inv.withoutOptions();
        if (inv.args().size() != 1) {
            throw new BadInputException("error.export.args");
        }
        Poll poll = service.pollFor(inv.request(), Optional.of(PollArgs.pollId(inv.args().get(0))));
        if (!service.resultsVisible(poll)) {
            throw new BadInputException("results.hidden", poll.id());
        }
        byte[] csv = CsvExport.of(poll, service.tally(poll), service.voters(poll));
        boolean forChannel = !poll.anonymous() && poll.where().equals(inv.request().where());
        return Reply.builder()
                .title(inv.messages().get("export.title", poll.id()))
                .text(inv.messages().get(poll.anonymous() ? "export.anonymous" : "export.public"))
                .attach(new Attachment("poll-" + poll.id() + ".csv", "text/csv", csv, forChannel))
                .build();
    }
}
