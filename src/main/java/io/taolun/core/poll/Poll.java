package io.taolun.core.poll;

import io.taolun.core.ChannelRef;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A poll as stored.
 *
 * @param id            global, shown to users as {@code #id}
 * @param claimId       the claim it asks about, or empty for a custom question
 * @param question      the claim's verbatim text, or the custom question
 * @param where         the channel it was opened in
 * @param opener        the user who opened it
 * @param anonymous     only counts are ever shown, voter lists never
 * @param hiddenResults counts are shown only after it closes
 * @param closesAt      the deadline, or empty when only closed by hand
 * @param closedAt      when it was closed by hand, if it was
 * @param round         its place in a before/after pair, or {@link PollRound#SINGLE}
 * @param maxChoices    how many options each voter may pick: 1, or up to all of them (never in a pair)
 * @param openOptions   voters may add options of their own, up to {@link #MAX_OPTIONS} in all
 * @param removed       options its opener or an admin removed, with their numbers: no longer shown or counted, their
 *                      votes kept; an option's number is never reused
 * @param deletedAt     when its opener or an admin deleted it: it is closed, and shown to no one
 */
public record Poll(
        long id,
        String articleId,
        Optional<String> claimId,
        String question,
        List<PollOption> options,
        ChannelRef where,
        String opener,
        boolean anonymous,
        boolean hiddenResults,
        Instant openedAt,
        Optional<Instant> closesAt,
        Optional<Instant> closedAt,
        PollRound round,
        int maxChoices,
        boolean openOptions,
        List<PollOption> removed,
        Optional<Instant> deletedAt) {

    /** A poll with all its options, not deleted. */
    public Poll(long id, String articleId, Optional<String> claimId, String question, List<PollOption> options,
            ChannelRef where, String opener, boolean anonymous, boolean hiddenResults, Instant openedAt,
            Optional<Instant> closesAt, Optional<Instant> closedAt, PollRound round, int maxChoices,
            boolean openOptions) {
        this(id, articleId, claimId, question, options, where, opener, anonymous, hiddenResults, openedAt, closesAt,
                closedAt, round, maxChoices, openOptions, List.of(), Optional.empty());
    }

    /** The most options a poll open to voters' options grows to. */
    public static final int MAX_OPTIONS = io.taolun.core.PollLimits.MAX_OPTIONS;

    /** A poll whose options only its opener set. */
    public Poll(long id, String articleId, Optional<String> claimId, String question, List<PollOption> options,
            ChannelRef where, String opener, boolean anonymous, boolean hiddenResults, Instant openedAt,
            Optional<Instant> closesAt, Optional<Instant> closedAt, PollRound round, int maxChoices) {
        this(id, articleId, claimId, question, options, where, opener, anonymous, hiddenResults, openedAt, closesAt,
                closedAt, round, maxChoices, false);
    }

    /** A poll of one choice per voter. */
    public Poll(long id, String articleId, Optional<String> claimId, String question, List<PollOption> options,
            ChannelRef where, String opener, boolean anonymous, boolean hiddenResults, Instant openedAt,
            Optional<Instant> closesAt, Optional<Instant> closedAt, PollRound round) {
        this(id, articleId, claimId, question, options, where, opener, anonymous, hiddenResults, openedAt, closesAt,
                closedAt, round, 1);
    }

    /** A poll of one round. */
    public Poll(long id, String articleId, Optional<String> claimId, String question, List<PollOption> options,
            ChannelRef where, String opener, boolean anonymous, boolean hiddenResults, Instant openedAt,
            Optional<Instant> closesAt, Optional<Instant> closedAt) {
        this(id, articleId, claimId, question, options, where, opener, anonymous, hiddenResults, openedAt, closesAt,
                closedAt, PollRound.SINGLE);
    }

    public Poll {
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(claimId, "claimId");
        Objects.requireNonNull(question, "question");
        options = List.copyOf(options);
        removed = List.copyOf(removed);
        Objects.requireNonNull(deletedAt, "deletedAt");
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(opener, "opener");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(closesAt, "closesAt");
        Objects.requireNonNull(closedAt, "closedAt");
        Objects.requireNonNull(round, "round");
        if (round.paired() && !anonymous) {
            throw new IllegalArgumentException("a poll of two rounds is anonymous: its voters are stored as hashes");
        }
        if (options.size() < 2) {
            throw new IllegalArgumentException("a poll needs at least two options");
        }
        if (maxChoices < 1 || maxChoices > options.size()) {
            throw new IllegalArgumentException("a voter picks 1 to " + options.size() + " options, not " + maxChoices);
        }
        if (maxChoices > 1 && round.paired()) {
            throw new IllegalArgumentException("a poll of two rounds takes one choice per voter");
        }
        if (openOptions && (round.paired() || claimId.isPresent())) {
            throw new IllegalArgumentException("only a question of the opener's own, in one round, takes voters' options");
        }
    }

    /** Whether each voter may pick more than one option. */
    public boolean multipleChoice() {
        return maxChoices > 1;
    }

    /** Open until closed by hand (or deleted) or until its deadline passes. */
    public boolean isOpen(Instant now) {
        return closedAt.isEmpty() && deletedAt.isEmpty() && closesAt.map(now::isBefore).orElse(true);
    }

    /** The highest option number it has had: the size of its tally, whose removed options count 0. */
    public int slots() {
        return java.util.stream.Stream.concat(options.stream(), removed.stream()).mapToInt(PollOption::number).max()
                .orElse(0);
    }

    /** Whether its counts may be shown now: always, unless they are hidden until it closes and it is still open. */
    public boolean resultsVisible(Instant now) {
        return !hiddenResults() || !isOpen(now);
    }

    /** When it stopped taking votes, if it has. */
    public Optional<Instant> endedAt(Instant now) {
        if (closedAt.isPresent()) {
            return closedAt;
        }
        return closesAt.filter(deadline -> !now.isBefore(deadline));
    }

    /** The option of this number, unless there is none or it was removed. */
    public Optional<PollOption> option(int number) {
        return options.stream().filter(o -> o.number() == number).findFirst();
    }

    /** Whether a voter may add an option now: the poll takes voters' options, is open, and has room for one. */
    public boolean takesOptions(Instant now) {
        return openOptions && isOpen(now) && options.size() < MAX_OPTIONS;
    }

    /** The same poll, closed by hand at {@code at}. */
    public Poll closed(Instant at) {
        return new Poll(id, articleId, claimId, question, options, where, opener, anonymous, hiddenResults, openedAt,
                closesAt, Optional.of(at), round, maxChoices, openOptions, removed, deletedAt);
    }

    /** The same poll with one more option at the end, as a voter added it. */
    public Poll withOption(PollOption added) {
        List<PollOption> more = new java.util.ArrayList<>(options);
        more.add(added);
        return new Poll(id, articleId, claimId, question, more, where, opener, anonymous, hiddenResults, openedAt,
                closesAt, closedAt, round, maxChoices, openOptions, removed, deletedAt);
    }

    /** The same poll without option {@code number}, kept among the removed. */
    public Poll withoutOption(int number) {
        PollOption gone = option(number).orElseThrow(() -> new IllegalArgumentException("no option " + number));
        List<PollOption> left = options.stream().filter(o -> o.number() != number).toList();
        List<PollOption> out = new java.util.ArrayList<>(removed);
        out.add(gone);
        return new Poll(id, articleId, claimId, question, left, where, opener, anonymous, hiddenResults, openedAt,
                closesAt, closedAt, round, Math.min(maxChoices, left.size()), openOptions, out, deletedAt);
    }

    /** The same poll with another question and options, as edited before anyone voted; numbers from 1 again. */
    public Poll rewritten(String newQuestion, List<PollOption> newOptions) {
        return new Poll(id, articleId, claimId, newQuestion, newOptions, where, opener, anonymous, hiddenResults,
                openedAt, closesAt, closedAt, round, Math.min(maxChoices, newOptions.size()), openOptions, List.of(),
                deletedAt);
    }

    /** The same poll with another deadline. */
    public Poll closingAt(Instant deadline) {
        return new Poll(id, articleId, claimId, question, options, where, opener, anonymous, hiddenResults, openedAt,
                Optional.of(deadline), closedAt, round, maxChoices, openOptions, removed, deletedAt);
    }

    /** The same poll deleted at {@code at} (and so closed, if it was open). */
    public Poll deleted(Instant at) {
        return new Poll(id, articleId, claimId, question, options, where, opener, anonymous, hiddenResults, openedAt,
                closesAt, closedAt.or(() -> Optional.of(at)), round, maxChoices, openOptions, removed,
                Optional.of(at));
    }

    /** The same poll once its pair's salt is forgotten. */
    public Poll withoutSalt() {
        return new Poll(id, articleId, claimId, question, options, where, opener, anonymous, hiddenResults, openedAt,
                closesAt, closedAt, round.withoutSalt(), maxChoices, openOptions, removed, deletedAt);
    }
}
