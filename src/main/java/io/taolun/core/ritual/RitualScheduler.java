package io.taolun.core.ritual;

import java.time.Instant;

/**
 * Port: the persistent, cluster-safe timer that runs rituals (db-scheduler on the database). Each scheduled run is
 * picked by one process; one that crashed is run again; runs missed while down run once at start. Polls opened by
 * hand whose message was posted are closed by it too.
 */
public interface RitualScheduler {
    /** Sets the ritual's next slot, replacing any it had. */
    void schedule(long ritualId, Instant slotAt);

    /** Sets the ritual's next slot unless it has one already. */
    void ensure(long ritualId, Instant slotAt);

    void cancel(long ritualId);

    /** Closes the poll of a run at the given time (once, however often asked). */
    void scheduleClose(long ritualId, String slot, Instant at);

    /** Opens round 2 of a run's poll of two rounds at the given time (once, however often asked). */
    void scheduleRoundTwo(long ritualId, String slot, Instant at);

    /** Closes the poll of a run now, instead of at its planned time. */
    void closeNow(long ritualId, String slot);

    /** Closes a poll opened by hand at its deadline (once, however often asked). */
    void scheduleClosePoll(long pollId, Instant at);

    /** Closes a poll opened by hand now, instead of at its deadline (it was closed by hand). */
    void closePollNow(long pollId);
}
