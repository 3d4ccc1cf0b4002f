package io.taolun.core.report;

import io.taolun.core.Command;
import io.taolun.core.Invocation;
import io.taolun.core.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code export <poll-id>} (a poll's counts) or {@code export report [week|month|all]} (the discussion report), as
 * CSV. The report's file is the one {@code report --csv} attaches.
 */
public final class ReportExport implements Command {
    private final Command polls;
    private final ReportCommand report;

    /** @param polls the poll export, which takes every {@code export} that is not of the report */
    public ReportExport(Command polls, ReportCommand report) {
        if (!polls.name().equals("export")) {
            throw new IllegalArgumentException("not the export command: " + polls.name());
        }
        this.polls = polls;
        this.report = report;
    }

    @Override
    public String name() {
        return "export";
    }

    @Override
    public Reply run(Invocation inv) {
        List<String> args = inv.args();
        if (args.isEmpty() || !args.get(0).toLowerCase(Locale.ROOT).equals("report")) {
            return polls.run(inv);
        }
        List<String> rest = new ArrayList<>(args.subList(1, args.size()));
        if (!rest.contains("--csv")) {
            rest.add("--csv");
        }
        return report.run(new Invocation(inv.request(), inv.messages(), rest, inv.share()));
    }
}
