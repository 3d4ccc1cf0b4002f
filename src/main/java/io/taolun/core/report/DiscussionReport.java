package io.taolun.core.report;

import io.taolun.core.ChannelRef;
import io.taolun.core.article.Article;
import io.taolun.core.article.Claim;
import io.taolun.core.poll.Poll;
import io.taolun.core.poll.PollQueries;
import io.taolun.core.poll.RoundShift;
import io.taolun.core.poll.RoundShifts;
import io.taolun.core.poll.Tally;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One channel's discussion of its article over a period: the figures behind the report's text, its chart, its CSV
 * and the weekly digest. Only polls on the article's claims count; polls with a question of their own are left out.
 *
 * @param polls       the claim polls opened in the period, oldest first, with their voters and the change from the
 *                    poll before
 * @param divided     per claim, its latest poll in the period with public results and votes; most divided first
 * @param shifts      the round 2s in the period with public results, and how they moved from their round 1
 * @param undiscussed the debatable claims never polled in the channel, in the article's order
 */
public record DiscussionReport(Period period, Instant at, List<PollRow> polls, List<PollRow> divided,
        List<ShiftRow> shifts, List<Claim> undiscussed) {

    /**
     * A claim poll of the channel.
     *
     * @param change  voters against the poll before it in the period; empty for the first
     * @param divided how divided its voters are (0-100), when its results are public and it has votes
     */
    public record PollRow(Claim claim, Poll poll, int voters, OptionalInt change, OptionalInt divided) {
        public PollRow {
            Objects.requireNonNull(claim, "claim");
            Objects.requireNonNull(poll, "poll");
            Objects.requireNonNull(change, "change");
            Objects.requireNonNull(divided, "divided");
        }
    }

    /** A round 2 and how its voters moved from round 1. */
    public record ShiftRow(Claim claim, Poll second, RoundShift shift) {
        public ShiftRow {
            Objects.requireNonNull(claim, "claim");
            Objects.requireNonNull(second, "second");
            Objects.requireNonNull(shift, "shift");
        }
    }

    public DiscussionReport {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(at, "at");
        polls = List.copyOf(polls);
        divided = List.copyOf(divided);
        shifts = List.copyOf(shifts);
        undiscussed = List.copyOf(undiscussed);
    }

    /** The report on the channel's discussion of the article, for the period up to {@code now}. */
    public static DiscussionReport of(Article article, PollQueries store, ChannelRef where, Period period,
            Instant now) {
        List<PollRow> rows = new ArrayList<>();
        List<Claim> undiscussed = new ArrayList<>();
        for (Claim claim : article.claims()) {
            List<Poll> here = store.onClaim(where.platform(), where.workspace(), article.id(), claim.id()).stream()
                    .filter(p -> p.where().equals(where)).toList();
            if (here.isEmpty() && claim.kind().debatable()) {
                undiscussed.add(claim);
            }
            for (Poll poll : here) {
                if (period.covers(poll.openedAt(), now)) {
                    Tally tally = store.tally(poll);
                    rows.add(new PollRow(claim, poll, tally.total(), OptionalInt.empty(),
                            poll.resultsVisible(now) ? Divisiveness.of(tally) : OptionalInt.empty()));
                }
            }
        }
        rows.sort(Comparator.comparing((PollRow r) -> r.poll().openedAt()).thenComparingLong(r -> r.poll().id()));
        List<PollRow> polls = new ArrayList<>();
        for (PollRow row : rows) {
            OptionalInt change = polls.isEmpty() ? OptionalInt.empty()
                    : OptionalInt.of(row.voters() - polls.get(polls.size() - 1).voters());
            polls.add(new PollRow(row.claim(), row.poll(), row.voters(), change, row.divided()));
        }
        List<ShiftRow> shifts = new ArrayList<>();
        for (PollRow row : polls) {
            if (row.poll().round().isSecond() && row.poll().resultsVisible(now)) {
                RoundShifts.of(store, row.poll()).ifPresent(s -> shifts.add(new ShiftRow(row.claim(), row.poll(), s)));
            }
        }
        return new DiscussionReport(period, now, polls, latestDivided(polls), shifts, undiscussed);
    }

    private static List<PollRow> latestDivided(List<PollRow> polls) {
        List<PollRow> latest = new ArrayList<>();
        for (PollRow row : polls) {
            if (row.divided().isPresent()) {
                latest.removeIf(r -> r.claim().id().equals(row.claim().id()));
                latest.add(row);
            }
        }
        latest.sort(Comparator.comparingInt((PollRow r) -> r.divided().getAsInt()).reversed()
                .thenComparing(r -> r.claim().id()));
        return latest;
    }

    /** Votes cast in all the period's polls (a voter of two polls counts twice). */
    public int votes() {
        return polls.stream().mapToInt(PollRow::voters).sum();
    }
}
