package io.taolun.core.ritual;

import io.taolun.core.ChannelRef;
import io.taolun.core.poll.NewPoll;
import io.taolun.core.poll.Poll;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Port: each slot's run of a ritual, recorded once, with the poll it opened. Implemented by the store. */
interface RitualRuns {
    Optional<Run> run(long ritualId, String slot);

    /** The run that opened this poll, if a ritual did. */
    Optional<Run> runOfPoll(long pollId);

    /**
     * Records the slot's run unless it is recorded already; either way returns the stored run, so the first choice
     * of quote or claim (and the article it was picked from) stands however often the slot is run.
     */
    Run startRun(long ritualId, Slot slot, boolean skipped, Optional<String> item, String articleId);

    /** The items (quote numbers, claim ids) of the ritual's posted runs on its current article, oldest slot first. */
    List<String> postedItems(long ritualId);

    /**
     * Opens the run's poll, in one transaction with recording it on the run; when the run has a poll already,
     * returns that one instead.
     */
    Poll openPollOnce(long ritualId, String slot, NewPoll poll);

    /** Marks the run's poll as closed and its results recorded; false when it was already. */
    boolean markClosed(long ritualId, String slot);

    /** How many polls each claim of the article has had in the channel. */
    Map<String, Integer> claimPollCounts(ChannelRef where, String articleId);
}
