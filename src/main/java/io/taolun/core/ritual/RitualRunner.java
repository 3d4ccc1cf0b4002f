package io.taolun.core.ritual;

import io.taolun.core.ChannelRef;
import io.taolun.core.Lang;
import io.taolun.core.article.Article;
import io.taolun.core.article.Claim;
import io.taolun.core.article.Library;
import io.taolun.core.article.Quote;
import io.taolun.core.article.RitualQuote;
import io.taolun.core.poll.NewPoll;
import io.taolun.core.poll.OptionSets;
import io.taolun.core.poll.Poll;
import io.taolun.core.poll.PollRound;
import io.taolun.core.poll.PollStore;
import io.taolun.core.poll.VoterSalt;
import io.taolun.core.report.DiscussionReport;
import io.taolun.core.report.Period;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;

/**
 * Runs one slot of a ritual, and closes a weekly poll (or a poll opened by hand whose message was posted) when its time
 * is up. Every step can run again without effect
 * (the scheduler runs a crashed slot again): the run is recorded once per slot with its first choice, the poll is
 * opened once per run, and each post is recorded once in the outbox under a key made of ritual, slot and target.
 */
public final class RitualRunner {
    /** Who is named as the opener and closer of ritual polls. */
    public static final String BOT = io.taolun.core.poll.PollPolicy.SCHEDULER;
    private static final DateTimeFormatter COMPACT = DateTimeFormatter.BASIC_ISO_DATE;

    private final Library library;
    private final RitualStore rituals;
    private final PollStore polls;
    private final Outbox outbox;
    private final RitualScheduler scheduler;
    private final Clock clock;
    private final Duration grace;
    private final LongConsumer pollChanged;
    private final HandPollPosts handPolls;
    private final RandomGenerator salts;
    private final ReminderRule reminders;

    /**
     * @param grace       a slot missed by more than this is skipped, not posted late
     * @param pollChanged told when a ritual closes a poll, so its posted messages are refreshed
     */
    public RitualRunner(Article article, RitualStore rituals, PollStore polls, Outbox outbox,
            RitualScheduler scheduler, Clock clock, Duration grace, LongConsumer pollChanged) {
        this(Library.of(article), rituals, polls, outbox, scheduler, clock, grace, pollChanged);
    }

    /**
     * @param library each ritual posts from the article its spec names (the default article when that one's seed
     *                is gone)
     */
    public RitualRunner(Library library, RitualStore rituals, PollStore polls, Outbox outbox,
            RitualScheduler scheduler, Clock clock, Duration grace, LongConsumer pollChanged) {
        this(library, rituals, polls, outbox, scheduler, clock, grace, pollChanged, new SecureRandom());
    }

    /** @param salts where the salts of weekly polls of two rounds come from (unguessable: a secure generator) */
    public RitualRunner(Library library, RitualStore rituals, PollStore polls, Outbox outbox,
            RitualScheduler scheduler, Clock clock, Duration grace, LongConsumer pollChanged,
            RandomGenerator salts) {
        this(library, rituals, polls, outbox, scheduler, clock, grace, pollChanged, salts, ReminderRule.OFF);
    }

    /** @param reminders when a poll's reminder is posted in its thread before its deadline */
    public RitualRunner(Library library, RitualStore rituals, PollStore polls, Outbox outbox,
            RitualScheduler scheduler, Clock clock, Duration grace, LongConsumer pollChanged,
            RandomGenerator salts, ReminderRule reminders) {
        this.reminders = reminders;
        this.library = library;
        this.salts = salts;
        this.rituals = rituals;
        this.polls = polls;
        this.outbox = outbox;
        this.scheduler = scheduler;
        this.clock = clock;
        this.grace = grace;
        this.pollChanged = pollChanged;
        this.handPolls = new HandPollPosts(polls, rituals, outbox, scheduler, clock, reminders);
    }

    /**
     * Runs the slot scheduled for {@code slotAt}.
     *
     * @return when the ritual runs next; empty when it is off or gone
     */
    public Optional<Instant> runSlot(long ritualId, Instant slotAt) {
        Optional<Ritual> found = rituals.find(ritualId).filter(Ritual::active);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Ritual ritual = found.get();
        Slot slot = Slots.of(ritual.spec(), slotAt);
        Instant now = clock.instant();
        if (now.isAfter(slotAt.plus(grace))) {
            rituals.startRun(ritualId, slot, true, Optional.empty(), articleOf(ritual).id());
        } else if (ritual.kind() == RitualKind.QOTD) {
            postQuote(ritual, slot);
        } else {
            postPoll(ritual, slot);
        }
        Instant after = now.isAfter(slotAt) ? now : slotAt;
        // read again: the schedule may have been changed (config) or turned off while this slot ran
        return rituals.find(ritualId).filter(Ritual::active).map(r -> Slots.next(r.spec(), after).at());
    }

    /**
     * Closes the run's poll and posts its results in each channel and under each poll, in its thread. For a poll of
     * two rounds whose round 2 the schedule opened, that is round 2, and its results compare both rounds.
     */
    public void closeRun(long ritualId, String slotKey) {
        Optional<Run> run = rituals.run(ritualId, slotKey);
        if (run.isEmpty() || run.get().pollId().isEmpty()) {
            return;
        }
        long firstId = run.get().pollId().get();
        Poll first = polls.find(firstId).orElseThrow(() -> new IllegalStateException("poll " + firstId + " is gone"));
        Optional<Poll> second = first.round().paired() ? polls.secondRound(firstId) : Optional.empty();
        Instant now = clock.instant();
        close(first, now);
        second.filter(RitualRunner::openedBySchedule).ifPresent(p -> close(p, now));
        // a round 2 an admin opened by hand is posted, closed and reported as any poll opened by hand
        Optional<Long> reported = second.isEmpty() ? Optional.of(firstId)
                : second.filter(RitualRunner::openedBySchedule).map(Poll::id);
        // results go where the poll actually went (the schedule's channels may have changed since)
        String prefix = key(ritualId, slotKey);
        for (OutboxPost pollPost : reported.isEmpty() ? List.<OutboxPost>of() : roundOnePosts(prefix)) {
            String target = pollPost.key().substring(prefix.length() + 1);
            outbox.enqueue(new OutboxPost(prefix + "c" + target, OutboxPost.PostKind.RESULTS, pollPost.where(),
                    Optional.empty(), reported, OutboxPost.DIGEST), now);
            outbox.enqueue(new OutboxPost(prefix + "h" + target, OutboxPost.PostKind.RESULTS, pollPost.where(),
                    Optional.of(pollPost.key()), reported, OutboxPost.DIGEST), now);
        }
        if (rituals.markClosed(ritualId, slotKey)) {
            pollChanged.accept(firstId);
            second.ifPresent(p -> pollChanged.accept(p.id()));
        }
    }

    /**
     * Opens round 2 of the run's poll of two rounds ("after the discussion, where do you stand now?"), which closes
     * round 1, and posts it in each channel round 1 went to, with a word in round 1's thread. Once, however often it
     * runs; nothing when round 1 was closed first (by hand), or when an admin opened round 2 by hand (its command
     * posted it).
     */
    public void openRoundTwo(long ritualId, String slotKey) {
        Optional<Run> run = rituals.run(ritualId, slotKey);
        if (run.isEmpty() || run.get().pollId().isEmpty() || run.get().closed()) {
            return;
        }
        long firstId = run.get().pollId().get();
        Poll first = polls.find(firstId).orElseThrow(() -> new IllegalStateException("poll " + firstId + " is gone"));
        if (!first.round().paired() || first.round().isSecond()) {
            return;
        }
        Instant now = clock.instant();
        Optional<Poll> second = polls.secondRound(firstId);
        if (second.isEmpty()) {
            if (!first.isOpen(now) || first.round().salt().isEmpty()) {
                return;
            }
            second = polls.openSecondRound(new NewPoll(first.articleId(), first.claimId(), first.question(),
                    first.options(), first.where(), BOT, true, first.hiddenResults(), now, first.closesAt(),
                    PollRound.second(firstId, first.round().salt()))).or(() -> polls.secondRound(firstId));
        }
        Poll opened = second.orElseThrow();
        if (!openedBySchedule(opened)) {
            return;
        }
        String prefix = key(ritualId, slotKey);
        for (OutboxPost pollPost : roundOnePosts(prefix)) {
            String target = pollPost.key().substring(prefix.length() + 1);
            outbox.enqueue(new OutboxPost(prefix + "b" + target, OutboxPost.PostKind.POLL, pollPost.where(),
                    Optional.empty(), Optional.of(opened.id()), ""), now);
            outbox.enqueue(new OutboxPost(prefix + "n" + target, OutboxPost.PostKind.ROUND_TWO, pollPost.where(),
                    Optional.of(pollPost.key()), Optional.of(opened.id()), ""), now);
            // round 1's reminder is skipped (it closed); round 2's comes in the same thread
            reminders.dueFor(opened).ifPresent(due -> outbox.enqueue(new OutboxPost(prefix + "mb" + target,
                    OutboxPost.PostKind.REMINDER, pollPost.where(), Optional.of(pollPost.key()),
                    Optional.of(opened.id()), ""), due));
        }
        pollChanged.accept(firstId);
        pollChanged.accept(opened.id());
    }

    private void close(Poll poll, Instant now) {
        if (poll.closedAt().isEmpty()) {
            polls.close(poll.id(), BOT, poll.closesAt().filter(now::isAfter).orElse(now));
        }
    }

    /** Round 2 of a weekly poll was opened by its schedule, not by an admin's {@code round}. */
    private static boolean openedBySchedule(Poll second) {
        return second.opener().equals(BOT);
    }

    /** The run's posts of its poll (round 1), one per channel: {@code <prefix>p<n>}. */
    private List<OutboxPost> roundOnePosts(String prefix) {
        return outbox.withPrefix(prefix).stream().filter(p -> p.kind() == OutboxPost.PostKind.POLL)
                .filter(p -> p.key().startsWith(prefix + "p")).toList();
    }

    /**
     * A poll was closed by hand: its close runs now, so its results go to every channel (and thread) it was posted
     * to at once, not at the end of its planned time. A poll opened by hand whose message no adapter recorded has
     * nothing posted by the rituals (its close answer carries the results).
     */
    public void pollClosedByHand(long pollId) {
        // a weekly poll's round 2 the schedule opened closes with its run, which reports both rounds
        Optional<Run> run = rituals.runOfPoll(pollId).or(() -> polls.find(pollId)
                .filter(p -> p.round().isSecond() && openedBySchedule(p)).flatMap(p -> p.round().firstRound())
                .flatMap(rituals::runOfPoll));
        if (run.isPresent()) {
            scheduler.closeNow(run.get().ritualId(), run.get().slot());
        } else if (!outbox.pollMessages(pollId).isEmpty()) {
            scheduler.closePollNow(pollId);
        }
    }

    /**
     * An adapter posted the message of a poll opened by hand: it is recorded as a made post of the outbox, so the
     * poll's messages are kept current like a weekly poll's, and its close is scheduled at its deadline, when it is
     * re-rendered closed and its results are posted once. Telling it again changes nothing.
     */
    public void pollPosted(long pollId, ChannelRef where, String messageId, Lang lang) {
        if (handPolls.record(pollId, where, messageId, lang)) {
            pollChanged.accept(pollId);
        }
    }

    /**
     * Closes a poll opened by hand (its deadline passed, or it was closed by hand) and posts its results, with the
     * chart, in the channel of each of its posted messages, in that message's language: once, however often it
     * runs (the outbox keys are fixed per poll and message). Its messages are then re-rendered, closed.
     *
     * @return when to close it instead, should its deadline have been moved later; empty once it is closed (or was
     *         deleted: nothing is posted for it)
     */
    public Optional<Instant> closePoll(long pollId) {
        Optional<Poll> found = polls.find(pollId);
        if (found.isEmpty() || found.get().deletedAt().isPresent()) {
            return Optional.empty();
        }
        Poll poll = found.get();
        Instant now = clock.instant();
        if (poll.isOpen(now) && poll.closesAt().isPresent()) {
            // its deadline was moved later after this close was scheduled: close it then instead
            return poll.closesAt();
        }
        if (poll.closedAt().isEmpty()) {
            polls.close(pollId, BOT, poll.closesAt().filter(now::isAfter).orElse(now));
        }
        List<Outbox.Posted> posted = outbox.pollMessages(pollId);
        // a round 1 whose round 2 opened has its results told with round 2's, side by side
        if (poll.round().paired() && !poll.round().isSecond() && polls.secondRound(pollId).isPresent()) {
            posted = List.of();
        }
        for (int i = 0; i < posted.size(); i++) {
            Outbox.Posted message = posted.get(i);
            outbox.enqueue(new OutboxPost(handKey(pollId) + "r" + i, OutboxPost.PostKind.RESULTS, message.where(),
                    Optional.empty(), Optional.of(pollId),
                    message.lang().map(OutboxPost::langPayload).orElse("")), now);
        }
        pollChanged.accept(pollId);
        return Optional.empty();
    }

    private static String handKey(long pollId) {
        return HandPollPosts.key(pollId);
    }

    /**
     * The quote a channel's quote-of-the-day shows today: the one posted today, or the one it will post next.
     * Empty when no quote ritual of this article posts to the channel.
     */
    public Optional<RitualQuote> todaysQuote(ChannelRef where, String articleId) {
        return rituals.in(where).stream().filter(r -> r.kind() == RitualKind.QOTD)
                .filter(r -> articleOf(r).id().equals(articleId) && !articleOf(r).quotes().isEmpty()).findFirst()
                .map(r -> {
            LocalDate today = LocalDate.ofInstant(clock.instant(), r.spec().zone());
            // today's run counts only if it posted from this article (the ritual may have moved since)
            int number = rituals.run(r.id(), today.toString()).filter(run -> !run.skipped())
                    .filter(run -> library.orDefault(run.articleId()).id().equals(articleId)).flatMap(Run::item)
                    .map(Integer::parseInt)
                    .orElseGet(() -> pickQuote(r, articleOf(r)));
            return new RitualQuote(number, today);
        });
    }

    private void postQuote(Ritual ritual, Slot slot) {
        Article article = articleOf(ritual);
        if (article.quotes().isEmpty()) {
            rituals.startRun(ritual.id(), slot, true, Optional.empty(), article.id());
            return;
        }
        Run run = rituals.startRun(ritual.id(), slot, false, Optional.of(String.valueOf(pickQuote(ritual, article))),
                article.id());
        if (run.skipped()) {
            return;
        }
        // the run's own article: on a second run of the slot, the ritual may have moved to another since
        String prefix = key(ritual.id(), slot.key());
        List<ChannelRef> targets = ritual.spec().targets();
        for (int i = 0; i < targets.size(); i++) {
            outbox.enqueue(new OutboxPost(prefix + "q" + i, OutboxPost.PostKind.QUOTE, targets.get(i),
                    Optional.empty(), Optional.empty(), run.item().orElseThrow() + " " + slot.key() + " "
                            + run.articleId()), clock.instant());
        }
    }

    private int pickQuote(Ritual ritual, Article article) {
        List<Integer> numbers = article.dailyQuotes().stream().map(Quote::number).toList();
        List<Integer> posted = rituals.postedItems(ritual.id()).stream().map(Integer::parseInt).toList();
        return Rotation.nextQuote(ritual.id(), numbers, posted);
    }

    private void postPoll(Ritual ritual, Slot slot) {
        Article chosen = articleOf(ritual);
        if (debatable(chosen).isEmpty()) {
            rituals.startRun(ritual.id(), slot, true, Optional.empty(), chosen.id());
            return;
        }
        ChannelRef home = ritual.spec().home();
        WeeklyPick.Choice choice = pick(ritual, chosen);
        Run run = rituals.startRun(ritual.id(), slot, false, Optional.of(choice.claimId()), chosen.id());
        if (run.skipped()) {
            return;
        }
        // the run's own article: on a second run of the slot, the ritual may have moved to another since
        Article article = library.orDefault(run.articleId());
        Claim claim = article.claims().stream().filter(c -> c.id().equals(run.item().orElseThrow())).findFirst()
                .orElseThrow(() -> new IllegalStateException("claim " + run.item() + " is gone from the article"));
        // a divisive claim taken again is asked twice, before and after the discussion
        boolean twoRounds = ritual.spec().roundTwoAfter().isPresent()
                || (choice.divisiveRerun() && choice.claimId().equals(claim.id()));
        // a slot run late (within the grace period) still gets its full time to vote
        Instant now = clock.instant();
        Instant opened = now.isAfter(slot.at()) ? now : slot.at();
        PollRound round = twoRounds ? PollRound.firstOfTwo(VoterSalt.random(salts)) : PollRound.SINGLE;
        Poll poll = rituals.openPollOnce(ritual.id(), slot.key(), new NewPoll(article.id(), Optional.of(claim.id()),
                claim.statement().zh(), OptionSets.of(claim.options()), home, BOT, true, false, opened,
                Optional.of(opened.plus(ritual.spec().closeAfter())), round));
        String prefix = key(ritual.id(), slot.key());
        List<ChannelRef> targets = ritual.spec().targets();
        IntStream.range(0, targets.size()).forEach(i -> {
            outbox.enqueue(new OutboxPost(prefix + "p" + i, OutboxPost.PostKind.POLL, targets.get(i),
                    Optional.empty(), Optional.of(poll.id()), ""), clock.instant());
            outbox.enqueue(new OutboxPost(prefix + "t" + i, OutboxPost.PostKind.THREAD, targets.get(i),
                    Optional.of(prefix + "p" + i), Optional.of(poll.id()), claim.id()), clock.instant());
            // the next prompt a day after the one before, while nobody has replied and the poll is open
            for (int n = 2; n <= claim.prompts().size(); n++) {
                Instant due = opened.plus(Duration.ofDays(n - 1));
                if (due.isBefore(poll.closesAt().orElseThrow())) {
                    outbox.enqueue(new OutboxPost(prefix + "q" + n + i, OutboxPost.PostKind.PROMPT, targets.get(i),
                            Optional.of(prefix + "p" + i), Optional.of(poll.id()), RitualPosts.promptPayload(claim, n)),
                            due);
                }
            }
            Optional<Instant> remind = reminders.dueFor(poll);
            remind.ifPresent(due -> outbox.enqueue(new OutboxPost(prefix + "m" + i, OutboxPost.PostKind.REMINDER,
                    targets.get(i), Optional.of(prefix + "p" + i), Optional.of(poll.id()), ""), due));
        });
        scheduler.scheduleClose(ritual.id(), slot.key(), poll.closesAt().orElseThrow());
        if (poll.round().paired()) {
            Duration open = Duration.between(poll.openedAt(), poll.closesAt().orElseThrow());
            scheduler.scheduleRoundTwo(ritual.id(), slot.key(), poll.openedAt().plus(ritual.spec().roundTwoAfter()
                    .filter(after -> Ritual.roundTwoFits(after, open)).orElseGet(() -> Ritual.defaultRoundTwoAfter(open))));
        }
    }

    /**
     * The claim a weekly poll would take now by its ritual's rule, in the article it posts from; empty for the quote of
     * the day, or an article without debatable claims. {@code schedule list} shows it as the next pick.
     */
    public Optional<String> nextPick(Ritual ritual) {
        Article article = articleOf(ritual);
        if (ritual.kind() != RitualKind.WEEKLY_POLL || debatable(article).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(pick(ritual, article).claimId());
    }

    private WeeklyPick.Choice pick(Ritual ritual, Article article) {
        ChannelRef home = ritual.spec().home();
        return WeeklyPick.next(ritual.spec().pick(), debatable(article), rituals.claimPollCounts(home, article.id()),
                rituals.postedItems(ritual.id()), () -> divided(article, home));
    }

    /** How divided the channel is on each claim, from its latest public poll of each. */
    private Map<String, Integer> divided(Article article, ChannelRef home) {
        Map<String, Integer> divided = new HashMap<>();
        DiscussionReport.of(article, polls, home, Period.ALL, clock.instant()).divided()
                .forEach(row -> divided.put(row.claim().id(), row.divided().getAsInt()));
        return divided;
    }

    /** The claims a weekly poll goes round: those people can take a side on, never facts. */
    private static List<String> debatable(Article article) {
        return article.claims().stream().filter(c -> c.kind().debatable()).map(Claim::id).toList();
    }

    private Article articleOf(Ritual ritual) {
        return library.orDefault(ritual.spec().articleId());
    }

    /** The outbox key prefix of a run: {@code r<ritual>s<yyyymmdd>}, short enough for Discord's nonce. */
    static String key(long ritualId, String slotKey) {
        return "r" + ritualId + "s" + LocalDate.parse(slotKey).format(COMPACT);
    }
}
