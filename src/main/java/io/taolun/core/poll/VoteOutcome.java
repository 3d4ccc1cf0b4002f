package io.taolun.core.poll;

/** What a committed vote did to the voter's standing in the poll. */
public enum VoteOutcome {
    /** A first vote. */
    CAST,
    /** The voter had chosen another option; the vote moved. */
    MOVED,
    /** The voter chose the same option again; the vote was withdrawn. */
    RETRACTED,
    /** The same option again within the double-click window: nothing changed. */
    UNCHANGED,
    /** The same option again within the double-click window after a withdrawal: still withdrawn. */
    STILL_WITHDRAWN,
    /** The platform delivered this same press again (a retry, a replay): it was already applied once. */
    REPEATED,
    /**
     * In a poll of several choices, an option not chosen while the voter has as many choices as the poll allows:
     * nothing changed (they withdraw one first).
     */
    FULL,
    /** The poll had closed (or vanished) by the time the vote was written: nothing was counted. */
    CLOSED
}
