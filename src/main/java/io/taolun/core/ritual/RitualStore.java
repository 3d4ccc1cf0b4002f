package io.taolun.core.ritual;

import io.taolun.core.ChannelRef;
import io.taolun.core.poll.NewPoll;
import io.taolun.core.poll.Poll;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Port: subscriptions and their runs. Implemented by the store. */
public interface RitualStore {
    Ritual create(Ritual.Spec spec, Instant at);

    Optional<Ritual> find(long id);

    /** Active rituals that post to this channel, oldest first. */
    List<Ritual> in(ChannelRef where);

    /** Turns a ritual off; false when it was already off. */
    boolean deactivate(long id);

    /**
     * Makes an active ritual made by command post from another article from its next run on; false when it is off,
     * from the config file, or on that article already.
     */
    boolean moveToArticle(long id, String articleId);

    /**
     * Creates or updates the ritual the config file names, and turns it on.
     *
     * @return the ritual, and whether its spec changed (or it is new), so its schedule must be set again
     */
    Upserted upsertConfigured(Ritual.Spec spec, Instant at);

    /** The result of {@link #upsertConfigured}. */
    record Upserted(Ritual ritual, boolean changed) {
    }

    /** Turns off the config-file rituals whose names are not given; returns their ids. */
    List<Long> deactivateConfiguredExcept(Set<String> names);

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
