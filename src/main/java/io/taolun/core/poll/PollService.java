package io.taolun.core.poll;

import io.taolun.core.BadInputException;
import io.taolun.core.ChatRequest;
import io.taolun.core.SafeText;
import io.taolun.core.article.Article;
import io.taolun.core.article.Library;
import io.taolun.core.article.Claim;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;
import java.util.random.RandomGenerator;

/**
 * The poll use cases: open a poll on a claim, vote, read results, close, list, and the history of a claim. Rules that
 * users can break end in {@link BadInputException}; storage goes through the injected ports.
 */
public final class PollService {
    private final Article article;
    private final Library library;
    private final PollStore store;
    private final VoteLedger ledger;
    private final PollPolicy policy;
    private final Clock clock;
    private final PollReach reach;
    private final LongConsumer changed;
    private final LongConsumer closedByHand;
    private final RandomGenerator salts;
    private final io.taolun.core.WebLinks links;

    public PollService(Article article, PollStore store, VoteLedger ledger, PollPolicy policy, Clock clock) {
        this(article, store, ledger, policy, clock, PollReach.NONE, pollId -> { });
    }

    public PollService(Article article, PollStore store, VoteLedger ledger, PollPolicy policy, Clock clock,
            PollReach reach, LongConsumer changed) {
        this(article, store, ledger, policy, clock, reach, changed, pollId -> { });
    }

    /**
     * @param reach   where else polls were posted, whose users may vote too
     * @param changed told the id of a poll whose tally or state changed (to refresh its posted messages)
     * @param closedByHand told the id of a poll an opener or admin closed
     */
    public PollService(Article article, PollStore store, VoteLedger ledger, PollPolicy policy, Clock clock,
            PollReach reach, LongConsumer changed, LongConsumer closedByHand) {
        this(article, Library.of(article), store, ledger, policy, clock, reach, changed, closedByHand);
    }

    /**
     * @param library where polls shown by id are looked up, so a poll opened on another article of the library
     *                still shows its claim's notes
     */
    public PollService(Article article, Library library, PollStore store, VoteLedger ledger, PollPolicy policy,
            Clock clock, PollReach reach, LongConsumer changed, LongConsumer closedByHand) {
        this(article, library, store, ledger, policy, clock, reach, changed, closedByHand, new SecureRandom());
    }

    /** @param salts where the salts of polls of two rounds come from: a {@link SecureRandom} outside tests */
    public PollService(Article article, Library library, PollStore store, VoteLedger ledger, PollPolicy policy,
            Clock clock, PollReach reach, LongConsumer changed, LongConsumer closedByHand, RandomGenerator salts) {
        this(article, library, store, ledger, policy, clock, reach, changed, closedByHand, salts,
                io.taolun.core.WebLinks.NONE);
    }

    /** @param links where the poll pages are on the web, for the link every poll message carries; or none */
    public PollService(Article article, Library library, PollStore store, VoteLedger ledger, PollPolicy policy,
            Clock clock, PollReach reach, LongConsumer changed, LongConsumer closedByHand, RandomGenerator salts,
            io.taolun.core.WebLinks links) {
        this.links = links;
        this.salts = salts;
        this.library = library;
        this.closedByHand = closedByHand;
        this.article = article;
        this.store = store;
        this.ledger = ledger;
        this.policy = policy;
        this.clock = clock;
        this.reach = reach;
        this.changed = changed;
    }

    /**
     * A vote as the voter should hear about it; {@code mine}: in a poll of several choices, the options the voter has
     * chosen after it.
     */
    public record VoteResult(Poll poll, PollOption option, VoteOutcome outcome, Tally tally, List<Integer> mine) {
        public VoteResult(Poll poll, PollOption option, VoteOutcome outcome, Tally tally) {
            this(poll, option, outcome, tally, List.of());
        }

        public VoteResult {
            mine = List.copyOf(mine);
        }
    }

    /**
     * A request to open a poll, as parsed from {@code poll [claim-id] [options]}: a claim, a question, or neither
     * (then the claim this workspace has polled least); never both. Empty {@code options} means the claim's own
     * answers, or the agreement scale for a question. {@code maxChoices} is the {@code --max} asked for, 0 when none
     * was (one choice per voter); {@code openOptions}, {@code --open}: voters may add options.
     */
    public record OpenRequest(Optional<String> claimId, Optional<String> question, List<PollOption> options,
            Optional<Duration> duration, boolean hidden, boolean anonymous, int rounds, int maxChoices,
            boolean openOptions) {
        /** A poll whose options only its opener sets. */
        public OpenRequest(Optional<String> claimId, Optional<String> question, List<PollOption> options,
                Optional<Duration> duration, boolean hidden, boolean anonymous, int rounds, int maxChoices) {
            this(claimId, question, options, duration, hidden, anonymous, rounds, maxChoices, false);
        }

        /** A poll of one round. */
        public OpenRequest(Optional<String> claimId, Optional<String> question, List<PollOption> options,
                Optional<Duration> duration, boolean hidden, boolean anonymous) {
            this(claimId, question, options, duration, hidden, anonymous, 1);
        }

        /** A poll of one choice per voter ({@code maxChoices} 0: not asked for). */
        public OpenRequest(Optional<String> claimId, Optional<String> question, List<PollOption> options,
                Optional<Duration> duration, boolean hidden, boolean anonymous, int rounds) {
            this(claimId, question, options, duration, hidden, anonymous, rounds, 0);
        }

        public OpenRequest {
            if (claimId.isPresent() && question.isPresent()) {
                throw new IllegalArgumentException("a poll asks about a claim or a question, not both");
            }
            options = List.copyOf(options);
            if (rounds < 1 || rounds > 2) {
                throw new IllegalArgumentException("a poll has one or two rounds");
            }
        }
    }

    /** Longest custom question, in characters. */
    public static final int MAX_QUESTION = io.taolun.core.PollLimits.MAX_QUESTION;

    public Instant now() {
        return clock.instant();
    }

    public Article article() {
        return article;
    }

    /** The articles polls may have been opened on. */
    public Library library() {
        return library;
    }

    /** Where the poll pages are on the web, if they are. */
    public io.taolun.core.WebLinks links() {
        return links;
    }

    public PollPolicy policy() {
        return policy;
    }

    public Poll open(ChatRequest request, OpenRequest open) {
        if (!policy.mayOpen(request)) {
            throw new BadInputException("error.poll.notAllowed");
        }
        Optional<Claim> claim = open.question().isPresent() ? Optional.empty()
                : Optional.of(open.claimId().map(this::claim).orElseGet(() -> nextClaim(request)));
        // a claim poll stores its statement: what the poll asks about, readable without the article
        String question = claim.map(c -> c.statement().zh())
                .orElseGet(() -> customQuestion(open.question().orElseThrow()));
        List<PollOption> options = !open.options().isEmpty() ? open.options()
                : claim.map(c -> OptionSets.of(c.options())).orElse(OptionSets.likert());
        Duration duration = open.duration().orElse(policy.defaultDuration());
        if (duration.compareTo(policy.maxDuration()) > 0) {
            throw new BadInputException("error.poll.hours", policy.maxDuration().toHours());
        }
        if (open.rounds() == 2 && !open.anonymous()) {
            throw new BadInputException("error.round.public");
        }
        if (open.maxChoices() != 0) {
            // several choices are for a question of the opener's own, with options of their own: a claim's scale
            // (and a report's agreement or divisiveness) reads one answer per voter, as does a named scale
            if (open.question().isEmpty() || open.options().isEmpty() || OptionSets.isScale(open.options())) {
                throw new BadInputException("error.poll.maxCustom");
            }
            if (open.rounds() == 2) {
                throw new BadInputException("error.poll.maxRounds");
            }
            if (open.maxChoices() < 2 || open.maxChoices() > options.size()) {
                throw new BadInputException("error.poll.max", options.size());
            }
        }
        if (open.openOptions()) {
            // voters' options are for a question of the opener's own: a claim's answers and a named scale are the
            // article's, and a pair compares the same options before and after
            if (open.question().isEmpty() || open.options().isEmpty() || OptionSets.isScale(options)) {
                throw new BadInputException("error.poll.openCustom");
            }
            if (open.rounds() == 2) {
                throw new BadInputException("error.poll.openRounds");
            }
            if (options.size() >= Poll.MAX_OPTIONS) {
                throw new BadInputException("error.poll.openFull", Poll.MAX_OPTIONS, Poll.MAX_OPTIONS - 1);
            }
        }
        Instant now = clock.instant();
        PollRound round = open.rounds() == 2 ? PollRound.firstOfTwo(VoterSalt.random(salts)) : PollRound.SINGLE;
        NewPoll poll = new NewPoll(article.id(), claim.map(Claim::id), question, options,
                request.where(), request.user(), open.anonymous(), open.hidden(), now, Optional.of(now.plus(duration)),
                round, Math.max(1, open.maxChoices()), open.openOptions());
        return store.open(poll);
    }

    /**
     * A voter's option added to a poll open to voters' options: its label made safe, then added under the poll's lock
     * unless the poll closed, is full, or has that option already. Every posted message of the poll gets its button.
     */
    public OptionAdded addOption(ChatRequest request, long pollId, String typed) {
        Poll poll = find(request, pollId);
        if (!poll.openOptions()) {
            throw new BadInputException("error.option.notOpen", poll.id());
        }
        Instant now = clock.instant();
        if (!poll.isOpen(now)) {
            throw new BadInputException("error.vote.closed", poll.id());
        }
        String label = OptionSets.label(typed);
        OptionAdded added = store.addOption(poll.id(), label, request.user(), now);
        switch (added.status()) {
            case CLOSED -> throw new BadInputException("error.vote.closed", poll.id());
            case FULL -> throw new BadInputException("error.option.full", poll.id(), Poll.MAX_OPTIONS);
            case DUPLICATE -> throw new BadInputException("error.option.duplicate", poll.id(), SafeText.echo(label));
            case ADDED -> changed.accept(poll.id());
        }
        return added;
    }

    /** What an edit did, for its answer: the poll after it, and each change made, as message keys with arguments. */
    public record Edited(Poll poll, List<Change> changes) {
        public Edited {
            changes = List.copyOf(changes);
        }
    }

    /** One change an edit made, or (when {@code confirm} is needed) the one it asks to be confirmed. */
    public record Change(String key, List<Object> args) {
        public Change {
            args = List.copyOf(args);
        }
    }

    /**
     * Edits a poll opened by hand: its opener or an admin, while it is open. The question and options only before
     * anyone voted (checked again under the poll's lock); after that, options added and the deadline moved later. An
     * option with votes is removed only when confirmed; its votes stay stored and stop counting. Every change is
     * checked before any is made, recorded, and every posted message of the poll follows.
     */
    public Edited edit(ChatRequest request, long pollId, PollEdit edit) {
        Poll poll = find(request, pollId);
        if (!policy.mayClose(request, poll)) {
            throw new BadInputException("error.edit.notAllowed", poll.id());
        }
        Instant now = clock.instant();
        if (!poll.isOpen(now)) {
            throw new BadInputException("error.edit.closed", poll.id());
        }
        if (edit.isEmpty()) {
            throw new BadInputException("error.edit.nothing");
        }
        if (poll.opener().equals(PollPolicy.SCHEDULER)) {
            throw new BadInputException("error.edit.weekly", poll.id());
        }
        boolean ownQuestion = poll.claimId().isEmpty() && !poll.round().paired();
        if (!ownQuestion && (edit.question().isPresent() || !edit.options().isEmpty() || edit.add().isPresent()
                || edit.remove().isPresent())) {
            throw new BadInputException("error.edit.claim", poll.id());
        }
        Tally tally = store.tally(poll);
        // a vote withdrawn since, or on an option removed since, was a vote all the same
        boolean voted = tally.total() > 0 || tally.voters() > 0 || store.anyVote(poll.id());
        boolean rewrite = edit.question().isPresent() || !edit.options().isEmpty();
        if (rewrite && voted) {
            throw new BadInputException("error.edit.voted", poll.id());
        }
        String question = edit.question().map(PollService::customQuestion).orElse(poll.question());
        List<PollOption> options = edit.options().isEmpty() ? poll.options() : edit.options();
        if (rewrite && !edit.options().isEmpty() && (poll.openOptions() || poll.multipleChoice())
                && OptionSets.isScale(options)) {
            throw new BadInputException(poll.openOptions() ? "error.poll.openCustom" : "error.poll.maxCustom");
        }
        if (rewrite && poll.openOptions() && options.size() >= Poll.MAX_OPTIONS) {
            throw new BadInputException("error.poll.openFull", Poll.MAX_OPTIONS, Poll.MAX_OPTIONS - 1);
        }
        Optional<Instant> deadline = edit.hours().map(now::plus);
        if (edit.hours().isPresent()) {
            if (edit.hours().get().compareTo(policy.maxDuration()) > 0) {
                throw new BadInputException("error.poll.hours", policy.maxDuration().toHours());
            }
            if (voted && poll.closesAt().filter(at -> !deadline.get().isAfter(at)).isPresent()) {
                throw new BadInputException("error.edit.shorten", poll.id());
            }
        }
        Optional<String> added = edit.add().map(OptionSets::label);
        if (edit.remove().isPresent()) {
            int n = edit.remove().get();
            PollOption gone = (rewrite ? Optional.<PollOption>empty() : poll.option(n)).orElseThrow(
                    () -> new BadInputException("error.edit.noOption", poll.id(), n));
            if (poll.options().size() + (added.isPresent() ? 1 : 0) <= 2) {
                throw new BadInputException("error.edit.twoLeft", poll.id());
            }
            int votes = tally.count(n);
            if (votes > 0 && poll.multipleChoice()) {
                // a voter's choices of it would still fill their maximum, and could not be withdrawn
                throw new BadInputException("error.edit.removeSeveral", poll.id(), n);
            }
            if (votes > 0 && !edit.confirmed()) {
                return new Edited(poll, List.of(new Change("edit.confirmRemove", List.of(poll.id(), n, gone, votes))));
            }
        }
        List<Change> changes = new java.util.ArrayList<>();
        if (rewrite) {
            if (!store.rewrite(poll.id(), question, options, request.user(), now)) {
                throw new BadInputException("error.edit.voted", poll.id());
            }
            changes.add(new Change("edit.rewritten", List.of(poll.id(), options.size())));
        }
        if (edit.remove().isPresent()) {
            int n = edit.remove().get();
            int votes = tally.count(n);
            if (!store.removeOption(poll.id(), n, request.user(), now)) {
                throw new BadInputException("error.edit.noOption", poll.id(), n);
            }
            changes.add(new Change("edit.removed", List.of(poll.id(), n, poll.option(n).orElseThrow(), votes)));
        }
        if (added.isPresent()) {
            OptionAdded result = store.addOption(poll.id(), added.get(), request.user(), now, false);
            switch (result.status()) {
                case CLOSED -> throw new BadInputException("error.edit.closed", poll.id());
                case FULL -> throw new BadInputException("error.option.full", poll.id(), Poll.MAX_OPTIONS);
                case DUPLICATE -> throw new BadInputException("error.option.duplicate", poll.id(),
                        SafeText.echo(added.get()));
                case ADDED -> changes.add(new Change("edit.added", List.of(poll.id(), added.get(),
                        result.poll().slots())));
            }
        }
        if (deadline.isPresent()) {
            if (!store.reschedule(poll.id(), deadline.get(), request.user(), now)) {
                throw new BadInputException("error.edit.closed", poll.id());
            }
            changes.add(new Change("edit.deadline", List.of(poll.id(), deadline.get())));
        }
        changed.accept(poll.id());
        return new Edited(store.reread(poll.id()).orElseThrow(), changes);
    }

    /**
     * Deletes a poll: its opener or an admin. One with votes only when confirmed. It is closed, shown to no one, its
     * posted messages say it was deleted, and no results or reminders are posted for it.
     */
    public Optional<Tally> delete(ChatRequest request, long pollId, boolean confirmed) {
        Poll poll = find(request, pollId);
        if (!policy.mayClose(request, poll)) {
            throw new BadInputException("error.delete.notAllowed", poll.id());
        }
        Tally tally = store.tally(poll);
        if ((tally.total() > 0 || tally.voters() > 0 || store.anyVote(poll.id())) && !confirmed) {
            return Optional.of(tally);
        }
        if (!store.delete(poll.id(), request.user(), clock.instant())) {
            throw new BadInputException("error.poll.unknown", poll.id());
        }
        changed.accept(poll.id());
        return Optional.empty();
    }

    /** The poll a voter is about to add an option to, while it takes one; else why not. */
    public Poll takingOptions(ChatRequest request, long pollId) {
        Poll poll = find(request, pollId);
        if (!poll.openOptions()) {
            throw new BadInputException("error.option.notOpen", poll.id());
        }
        if (!poll.isOpen(clock.instant())) {
            throw new BadInputException("error.vote.closed", poll.id());
        }
        if (poll.options().size() >= Poll.MAX_OPTIONS) {
            throw new BadInputException("error.option.full", poll.id(), Poll.MAX_OPTIONS);
        }
        return poll;
    }

    /**
     * Opens round 2 of a poll of two rounds, "after the discussion", and closes its round 1: the same question and
     * options, in round 1's channel. Its opener or an admin may; only while round 1 is open, and once.
     */
    public Poll openSecondRound(ChatRequest request, long firstId, Optional<Duration> length) {
        Poll first = find(request, firstId);
        if (!first.round().paired()) {
            throw new BadInputException("error.round.single", first.id());
        }
        if (first.round().isSecond()) {
            throw new BadInputException("error.round.isSecond", first.id(), first.round().firstRound().orElseThrow());
        }
        if (!policy.mayClose(request, first)) {
            throw new BadInputException("error.round.notAllowed", first.id());
        }
        Instant now = clock.instant();
        Optional<Poll> existing = store.secondRound(first.id());
        if (existing.isPresent()) {
            throw new BadInputException("error.round.already", first.id(), existing.get().id());
        }
        if (!first.isOpen(now) || first.round().salt().isEmpty()) {
            throw new BadInputException("error.round.closed", first.id());
        }
        Duration duration = length.orElse(policy.defaultDuration());
        if (duration.compareTo(policy.maxDuration()) > 0) {
            throw new BadInputException("error.poll.hours", policy.maxDuration().toHours());
        }
        NewPoll second = new NewPoll(first.articleId(), first.claimId(), first.question(), first.options(),
                first.where(), request.user(), true, first.hiddenResults(), now, Optional.of(now.plus(duration)),
                PollRound.second(first.id(), first.round().salt()));
        Poll opened = store.openSecondRound(second).orElseThrow(() -> new BadInputException("error.round.already",
                first.id(), store.secondRound(first.id()).map(Poll::id).orElse(0L)));
        // round 1's messages show it closed; its results are told with round 2's
        changed.accept(first.id());
        return opened;
    }

    /** A round 1's round 2, once it is open; empty for any other poll. */
    public Optional<Poll> secondRound(Poll poll) {
        return poll.round().paired() && !poll.round().isSecond() ? store.secondRound(poll.id()) : Optional.empty();
    }

    /** How a round 2 moved from its round 1; empty for any other poll. */
    public Optional<RoundShift> shift(Poll poll) {
        return RoundShifts.of(store, poll);
    }

    public VoteResult vote(ChatRequest request, long pollId, int optionNumber) {
        Poll poll = find(request, pollId);
        Instant now = clock.instant();
        if (!poll.isOpen(now)) {
            throw new BadInputException("error.vote.closed", poll.id());
        }
        // an option a voter added on another replica may be newer than this process's copy of the poll
        Poll current = poll.option(optionNumber).isEmpty() && poll.openOptions()
                ? store.reread(poll.id()).orElse(poll) : poll;
        PollOption option = current.option(optionNumber).orElseThrow(() -> current.removed().isEmpty()
                ? new BadInputException("error.vote.option", poll.id(), current.options().size())
                : new BadInputException("error.vote.optionOf", poll.id(), String.join(", ", current.options().stream()
                        .map(o -> String.valueOf(o.number())).toList())));
        VoteReceipt receipt;
        try {
            receipt = ledger.cast(new VoteRequest(current.id(), request.platform(), voter(current, request), option.number(),
                    now, request.delivery()));
        } catch (VoteRejectedException e) {
            throw new BadInputException("error.vote.failed");
        }
        if (receipt.outcome() == VoteOutcome.CLOSED) {
            throw new BadInputException("error.vote.closed", poll.id());
        }
        if (receipt.outcome() != VoteOutcome.UNCHANGED && receipt.outcome() != VoteOutcome.STILL_WITHDRAWN
                && receipt.outcome() != VoteOutcome.REPEATED && receipt.outcome() != VoteOutcome.FULL) {
            changed.accept(poll.id());
        }
        return new VoteResult(current, option, receipt.outcome(), receipt.tally(current), receipt.mine());
    }

    /**
     * The poll a {@code results} or {@code export} asks for: the given id (on any article), else the newest in the
     * channel on this article.
     */
    public Poll pollFor(ChatRequest request, Optional<Long> id) {
        if (id.isPresent()) {
            return find(request, id.get());
        }
        return store.latestIn(request.where(), article.id()).orElseThrow(() -> new BadInputException("error.poll.noneHere"));
    }

    public Tally tally(Poll poll) {
        return store.tally(poll);
    }

    /** The polls, for views of many at once (a report). */
    public PollQueries queries() {
        return store;
    }

    /** Whether the counts of this poll may be shown now. */
    public boolean resultsVisible(Poll poll) {
        return poll.resultsVisible(clock.instant());
    }

    public Poll close(ChatRequest request, long pollId) {
        Poll poll = find(request, pollId);
        if (!policy.mayClose(request, poll)) {
            throw new BadInputException("error.close.notAllowed", poll.id());
        }
        Instant now = clock.instant();
        if (!poll.isOpen(now) || !store.close(poll.id(), request.user(), now)) {
            throw new BadInputException("error.close.already", poll.id());
        }
        changed.accept(poll.id());
        closedByHand.accept(poll.id());
        return store.find(poll.id()).orElseThrow();
    }

    public List<Poll> openHere(ChatRequest request) {
        return store.openIn(request.where(), article.id(), clock.instant());
    }

    public List<Poll> history(ChatRequest request, String claimId) {
        Claim claim = claim(claimId);
        return store.onClaim(request.platform(), request.workspace(), article.id(), claim.id());
    }

    /**
     * Whether the outbox posts this poll's results itself, on every platform it was posted to: a weekly poll, or a
     * poll opened by hand whose message an adapter recorded.
     */
    public boolean resultsPostedByOutbox(long pollId) {
        return reach.keptCurrent(pollId);
    }

    public Map<Integer, List<String>> voters(Poll poll) {
        return poll.anonymous() ? Map.of() : store.voters(poll.id());
    }

    public Claim claim(String claimId) {
        String id = claimId.toLowerCase(Locale.ROOT);
        return article.claims().stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new BadInputException(article.claims().isEmpty() ? "error.poll.noClaims"
                        : "error.poll.claim", SafeText.echo(claimId), article.claims().size()));
    }

    /**
     * What a bare {@code poll} asks about: the claim this workspace has polled least, in the article's order, among
     * those people can take a side on. Facts are polled only when named.
     */
    private Claim nextClaim(ChatRequest request) {
        List<Claim> debatable = article.claims().stream().filter(c -> c.kind().debatable()).toList();
        if (debatable.isEmpty()) {
            throw new BadInputException(article.claims().isEmpty() ? "error.poll.noClaims" : "error.poll.onlyFacts");
        }
        Claim least = debatable.get(0);
        int fewest = Integer.MAX_VALUE;
        for (Claim c : debatable) {
            int polls = store.onClaim(request.platform(), request.workspace(), article.id(), c.id()).size();
            if (polls < fewest) {
                least = c;
                fewest = polls;
            }
        }
        return least;
    }

    /**
     * Who is stored as the voter: the user id, or in a poll of two rounds its keyed hash. A pair whose salt is
     * forgotten has ended: it takes no votes.
     */
    private static String voter(Poll poll, ChatRequest request) {
        if (!poll.round().paired()) {
            return request.user();
        }
        return poll.round().salt().map(salt -> salt.voterKey(request.platform(), request.user()))
                .orElseThrow(() -> new BadInputException("error.vote.closed", poll.id()));
    }

    private static String customQuestion(String typed) {
        String question = SafeText.neutralize(SafeText.stripControls(typed)).strip().replaceAll("\\s+", " ");
        if (!SafeText.hasVisible(question) || question.length() > MAX_QUESTION) {
            throw new BadInputException("error.poll.question", MAX_QUESTION);
        }
        return question;
    }

    private Poll find(ChatRequest request, long id) {
        return store.find(id)
                .filter(p -> p.deletedAt().isEmpty())
                .filter(p -> (p.where().platform().equals(request.platform())
                        && p.where().workspace().equals(request.workspace()))
                        || reach.reaches(p.id(), request.platform(), request.workspace()))
                .orElseThrow(() -> new BadInputException("error.poll.unknown", id));
    }
}
