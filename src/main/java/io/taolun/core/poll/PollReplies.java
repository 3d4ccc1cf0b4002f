package io.taolun.core.poll;

import io.taolun.core.Lang;
import io.taolun.core.Messages;
import io.taolun.core.Reply;
import io.taolun.core.Visibility;
import io.taolun.core.article.Article;
import io.taolun.core.article.Library;
import io.taolun.core.article.Claim;
import io.taolun.core.article.ClaimKind;
import io.taolun.core.article.Localized;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/** Renders polls, votes and results as neutral replies. Every reply that shows a poll names it {@code #id}. */
final class PollReplies {
    static final int BAR_WIDTH = 20;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** Where a poll's claim is looked up: the article the poll was opened on, if it is still in the seeds. */
    private final Library library;
    private final ZoneId zone;
    /** Where the poll pages are on the web: each poll message links to its page. */
    private final io.taolun.core.WebLinks links;

    PollReplies(Library library, ZoneId zone, io.taolun.core.WebLinks links) {
        this.links = links;
        this.library = library;
        this.zone = zone;
    }

    /**
     * The poll message itself: the claim, one button per option, the live tally when results are live. A closed
     * poll's message says so in its title and has no buttons left, only the final tally.
     */
    Reply poll(Poll poll, Tally tally, boolean visible, Messages m, Instant now) {
        if (poll.deletedAt().isPresent()) {
            // no question, no counts, no buttons: only that it is gone
            return Reply.builder().title(m.get("poll.titleDeleted", poll.id())).text(m.get("poll.deletedNote"))
                    .visibility(Visibility.IN_CHANNEL).build();
        }
        boolean open = poll.isOpen(now);
        Reply.Builder reply = Reply.builder().title(m.get(open ? "poll.title" : "poll.titleClosed", poll.id()))
                .visibility(Visibility.IN_CHANNEL);
        if (poll.round().isSecond()) {
            reply.text(m.get("round.secondAsk", poll.round().firstRound().orElseThrow()));
        }
        question(reply, poll, m);
        if (open && poll.round().paired() && !poll.round().isSecond()) {
            reply.text(m.get("round.firstOfTwo"));
        }
        if (open) {
            ask(poll).ifPresent(q -> reply.text(q.in(m.lang())));
            reply.text(poll.multipleChoice() ? m.get("poll.askSeveral", poll.maxChoices()) : m.get("poll.ask"));
            for (PollOption option : poll.options()) {
                reply.button(voteAction(poll.id(), option.number()), option.label(m.lang()));
            }
            if (poll.takesOptions(now)) {
                reply.text(m.get("poll.openNote", Poll.MAX_OPTIONS, poll.id()));
                reply.button(new io.taolun.core.AddOptionAction(poll.id(), Optional.empty()).value(),
                        m.get("poll.addOption"));
            }
        }
        if (visible && tally.total() > 0) {
            bars(reply, poll, tally, m);
        }
        credits(reply, poll, m);
        if (!poll.removed().isEmpty()) {
            reply.text(m.get("poll.removedNote", String.join(m.get("vote.listSeparator"),
                    poll.removed().stream().map(o -> o.label(m.lang())).toList())));
        }
        links.poll(poll.id()).ifPresent(url -> reply.text(m.get("web.readPoll", url)));
        return reply.footer(status(poll, tally, m, now)).build();
    }

    /**
     * A reminder that the poll closes soon: the hours left (rounded), the question, how many have voted (unless the
     * results are hidden), and how to vote. Its title names the thread on Discord when the poll has none yet.
     */
    Reply reminder(Poll poll, Tally tally, boolean visible, Messages m, Instant now) {
        // an int: a long is shown as typed (an id), and could not choose "hour" or "hours"
        int hours = (int) Math.max(1, java.time.Duration.between(now, poll.closesAt().orElseThrow()).plusMinutes(30)
                .toHours());
        Reply.Builder reply = Reply.builder().title(m.get("reminder.title", poll.id(), hours))
                .visibility(Visibility.IN_CHANNEL);
        question(reply, poll, m);
        reply.text(m.get("reminder.deadline", TIME.format(poll.closesAt().orElseThrow().atZone(zone)), zone.getId()));
        reply.text(visible ? m.get("reminder.voters", tally.voters()) : m.get("reminder.hidden"));
        reply.text(poll.multipleChoice() ? m.get("reminder.howSeveral", poll.id(), poll.maxChoices())
                : m.get("reminder.how", poll.id()));
        links.poll(poll.id()).ifPresent(url -> reply.text(m.get("web.readPoll", url)));
        return reply.build();
    }

    Reply results(Poll poll, Tally tally, boolean visible, Messages m, Instant now, Visibility visibility) {
        return results(poll, tally, visible, m, now, visibility, Optional.empty(), Optional.empty());
    }

    /**
     * @param shift       for a round 2: how it moved from round 1
     * @param secondRound for a round 1: its round 2, once open
     */
    Reply results(Poll poll, Tally tally, boolean visible, Messages m, Instant now, Visibility visibility,
            Optional<RoundShift> shift, Optional<Poll> secondRound) {
        Reply.Builder reply = Reply.builder().title(m.get(poll.round().isSecond() ? "round.resultsTitle"
                : "results.title", poll.id())).visibility(visibility);
        question(reply, poll, m);
        if (visible) {
            bars(reply, poll, tally, m);
            shift.ifPresent(s -> comparison(reply, poll, s, m));
        } else {
            reply.text(m.get("results.hidden", poll.id()));
        }
        secondRound.ifPresent(second -> reply.text(m.get("round.seeSecond", second.id())));
        return reply.footer(status(poll, tally, m, now)).build();
    }

    /** Most from-to lines a comparison lists; the rest are summed in one line. */
    static final int MAX_MOVES = 6;

    /**
     * Round 1 and round 2 side by side: each option's count and share in both, and its change in points; how many
     * answered both rounds and changed; the net shift; where the changed voters went; who answered once.
     */
    private static void comparison(Reply.Builder reply, Poll poll, RoundShift shift, Messages m) {
        reply.text(m.get("round.heading", poll.round().firstRound().orElseThrow(), poll.id()));
        List<Integer> before = shift.before().percentages();
        List<Integer> after = shift.after().percentages();
        StringBuilder lines = new StringBuilder();
        for (PollOption option : poll.options()) {
            int n = option.number();
            lines.append(m.get("round.optionLine", n, option.label(m.lang()), shift.before().count(n),
                    before.get(n - 1), shift.after().count(n), after.get(n - 1), signed(shift.pointsChange(n))))
                    .append('\n');
        }
        reply.text(lines.toString().strip());
        reply.text(m.get("round.voters", shift.both(), shift.changed(), shift.onlyBefore(), shift.onlyAfter()));
        shift.netShiftPoints().ifPresent(points -> reply.text(m.get("round.net", points)));
        if (!shift.moves().isEmpty()) {
            StringBuilder moves = new StringBuilder(m.get("round.movesHeading"));
            int shown = Math.min(MAX_MOVES, shift.moves().size());
            for (RoundShift.Move move : shift.moves().subList(0, shown)) {
                moves.append('\n').append(m.get("round.move", poll.option(move.from()).orElseThrow().label(m.lang()),
                        poll.option(move.to()).orElseThrow().label(m.lang()), move.voters()));
            }
            int rest = shift.moves().subList(shown, shift.moves().size()).stream()
                    .mapToInt(RoundShift.Move::voters).sum();
            if (rest > 0) {
                moves.append('\n').append(m.get("round.moreMoves", rest));
            }
            reply.text(moves.toString());
        }
    }

    Reply vote(PollService.VoteResult result, boolean visible, Messages m, Instant now) {
        Poll poll = result.poll();
        String label = result.option().label(m.lang());
        String key = switch (result.outcome()) {
            case CAST -> "vote.cast";
            case MOVED -> "vote.moved";
            case RETRACTED -> "vote.retracted";
            case UNCHANGED -> "vote.unchanged";
            case REPEATED -> "vote.repeated";
            case STILL_WITHDRAWN -> "vote.stillWithdrawn";
            case FULL -> "vote.full";
            case CLOSED -> throw new IllegalStateException("a refused vote has no confirmation");
        };
        // in a poll of several choices a press is a choice, not the voter's one vote
        boolean choice = poll.multipleChoice() && result.outcome() != VoteOutcome.REPEATED
                && result.outcome() != VoteOutcome.FULL;
        Reply.Builder reply = Reply.builder().title(m.get(choice ? key + "Choice" : key, poll.id(), label,
                poll.maxChoices()));
        if (poll.multipleChoice()) {
            List<String> mine = result.mine().stream()
                    .map(n -> poll.option(n).map(o -> o.label(m.lang())).orElse(String.valueOf(n))).toList();
            reply.text(mine.isEmpty() ? m.get("vote.mineNone", poll.maxChoices())
                    : m.get("vote.mine", String.join(m.get("vote.listSeparator"), mine), poll.maxChoices()));
        }
        if (visible) {
            bars(reply, poll, result.tally(), m);
        }
        return reply.footer(status(poll, result.tally(), m, now)).build();
    }

    Reply openPolls(List<Poll> polls, TallySource tallies, Messages m, Instant now) {
        if (polls.isEmpty()) {
            return Reply.builder().text(m.get("polls.none")).build();
        }
        Reply.Builder reply = Reply.builder().title(m.get("polls.title", polls.size()));
        for (Poll poll : polls) {
            reply.text(m.get(poll.multipleChoice() ? "polls.lineSeveral" : "polls.line", poll.id(),
                    poll.claimId().orElse("-"), shorten(statement(poll, m.lang())), tallies.of(poll).voters(),
                    deadline(poll, m)));
        }
        return reply.footer(m.get("polls.footer")).build();
    }

    Reply history(Claim claim, List<Poll> polls, TallySource tallies, Messages m, Instant now) {
        Reply.Builder reply = Reply.builder().title(m.get("history.title", claim.id()))
                .quote(claim.statement().in(m.lang()), "", "");
        if (polls.isEmpty()) {
            return reply.text(m.get("history.none", claim.id())).build();
        }
        Double previous = null;
        boolean agreementShown = false;
        for (Poll poll : polls) {
            Tally tally = tallies.of(poll);
            String date = TIME.format(poll.openedAt().atZone(zone)).substring(0, 10);
            String state = poll.isOpen(now) ? m.get("history.open") : m.get("history.closed");
            List<Integer> agreeing = OptionSets.agreeing(poll.options());
            String line;
            if (poll.hiddenResults() && poll.isOpen(now)) {
                line = m.get("history.lineHidden", poll.id(), date, tally.total(), state);
            } else if (!agreeing.isEmpty() && tally.total() > 0) {
                double share = tally.share(agreeing);
                String change = previous == null ? "" : m.get("history.change", signed(share - previous));
                line = m.get("history.lineAgree", poll.id(), date, tally.total(), state, Math.round(share), change);
                previous = share;
                agreementShown = true;
            } else {
                line = m.get("history.line", poll.id(), date, tally.total(), state, top(poll, tally, m));
            }
            reply.text(line);
        }
        // the note explains the agreeing share, so only a history that shows one carries it
        return agreementShown ? reply.footer(m.get("history.footer")).build() : reply.build();
    }

    /**
     * How agreement moved since the latest earlier poll on the same claim that had votes and an agree/disagree
     * scale; empty when there is none or this poll has no such scale.
     */
    Optional<String> changeSinceEarlier(Poll poll, Tally tally, List<Poll> onClaim, TallySource tallies, Messages m) {
        List<Integer> agreeing = OptionSets.agreeing(poll.options());
        if (agreeing.isEmpty() || tally.total() == 0) {
            return Optional.empty();
        }
        double share = tally.share(agreeing);
        for (int i = onClaim.size() - 1; i >= 0; i--) {
            Poll earlier = onClaim.get(i);
            List<Integer> earlierAgreeing = OptionSets.agreeing(earlier.options());
            if (earlier.id() >= poll.id() || earlierAgreeing.isEmpty()) {
                continue;
            }
            Tally before = tallies.of(earlier);
            if (before.total() > 0) {
                double then = before.share(earlierAgreeing);
                return Optional.of(m.get("results.change", Math.round(share), earlier.id(), Math.round(then),
                        signed(share - then)));
            }
        }
        return Optional.of(m.get("results.first", Math.round(share)));
    }

    static String voteAction(long pollId, int option) {
        return new io.taolun.core.VoteAction(pollId, option).value();
    }

    /** Where a tally comes from, so listings can ask per poll. */
    interface TallySource {
        Tally of(Poll poll);
    }

    /** What the poll is about, in a language: its claim's statement, or the question as stored. */
    String statement(Poll poll, Lang lang) {
        return claimOf(poll).map(c -> c.statement().in(lang)).orElse(poll.question());
    }

    /**
     * The claim a poll asks about, while its article still holds it unchanged: the poll stored its statement (or,
     * polls opened before claims had statements, its span).
     */
    private Optional<Claim> claimOf(Poll poll) {
        Optional<Article> article = library.articles().stream().filter(a -> a.id().equals(poll.articleId()))
                .findFirst();
        return poll.claimId().flatMap(id -> article.flatMap(a -> a.claims().stream()
                .filter(c -> c.id().equals(id)
                        && (c.statement().zh().equals(poll.question()) || c.text().equals(poll.question())))
                .findFirst()));
    }

    /**
     * The question above the buttons: the claim's own when the poll has the claim's answers, "do you agree?" when it
     * has an agreement scale, and none when the options speak for themselves (a custom question or custom options).
     */
    private Optional<Localized> ask(Poll poll) {
        Optional<Claim> claim = claimOf(poll);
        if (claim.isPresent() && OptionSets.of(claim.get().options()).equals(poll.options())) {
            return Optional.of(claim.get().question());
        }
        return claim.isPresent() && !OptionSets.agreeing(poll.options()).isEmpty()
                ? Optional.of(ClaimKind.OPINION.defaultQuestion()) : Optional.empty();
    }

    private void question(Reply.Builder reply, Poll poll, Messages m) {
        Optional<Claim> claim = claimOf(poll);
        String source = claim.map(c -> m.get("poll.source", c.id(), c.section().number(),
                c.section().title().in(m.lang()), c.line())).orElse("");
        reply.quote(statement(poll, m.lang()), "", source);
    }

    /** Who added each voter's option, in a public poll only: an anonymous poll names no one. */
    private static void credits(Reply.Builder reply, Poll poll, Messages m) {
        if (poll.anonymous()) {
            return;
        }
        for (PollOption option : poll.options()) {
            option.addedBy().ifPresent(user -> reply.credit(m.get("poll.addedByBefore", option.number(),
                    option.label(m.lang())), user, m.get("poll.addedByAfter")));
        }
    }

    private static void bars(Reply.Builder reply, Poll poll, Tally tally, Messages m) {
        List<Integer> percent = tally.percentages();
        // a bar is the share of voters who chose the option: of all votes when each voter has one
        int base = tally.severalEach() ? tally.voters() : tally.total();
        for (PollOption option : poll.options()) {
            int count = tally.count(option.number());
            int filled = base == 0 ? 0 : (int) Math.round((double) BAR_WIDTH * Math.min(count, base) / base);
            String bar = "█".repeat(filled) + "░".repeat(BAR_WIDTH - filled);
            reply.field(option.number() + ". " + option.label(m.lang()),
                    m.get("results.bar", bar, count, percent.get(option.number() - 1)));
        }
        if (tally.severalEach()) {
            reply.text(m.get("results.severalEach"));
        }
    }

    private String status(Poll poll, Tally tally, Messages m, Instant now) {
        String who = poll.anonymous() ? m.get("poll.anonymous") : m.get("poll.public");
        if (poll.hiddenResults() && poll.isOpen(now)) {
            who = who + " · " + m.get("poll.hiddenUntilClose");
        }
        String when = poll.isOpen(now) ? deadline(poll, m)
                : m.get("poll.closedAt", TIME.format(poll.endedAt(now).orElseThrow().atZone(zone)), zone.getId());
        String how = poll.isOpen(now) ? m.get("poll.howToVote", poll.id()) : "";
        if (poll.multipleChoice()) {
            return m.get("poll.statusSeveral", tally.voters(), tally.total(), poll.maxChoices(), who, when, how)
                    .strip();
        }
        return m.get("poll.status", tally.total(), who, when, how).strip();
    }

    private String deadline(Poll poll, Messages m) {
        return poll.closesAt().map(t -> m.get("poll.closesAt", TIME.format(t.atZone(zone)), zone.getId()))
                .orElse(m.get("poll.noDeadline"));
    }

    private static String top(Poll poll, Tally tally, Messages m) {
        if (tally.total() == 0) {
            return m.get("history.noVotes");
        }
        int best = poll.options().get(0).number();
        for (PollOption option : poll.options()) {
            best = tally.count(option.number()) > tally.count(best) ? option.number() : best;
        }
        return m.get("history.top", poll.option(best).orElseThrow().label(m.lang()), tally.percentages().get(best - 1));
    }

    private static String signed(double points) {
        long rounded = Math.round(points);
        return (rounded > 0 ? "+" : "") + rounded;
    }

    private static String shorten(String text) {
        return text.codePointCount(0, text.length()) <= 30 ? text : text.substring(0, text.offsetByCodePoints(0, 30)) + "…";
    }
}
