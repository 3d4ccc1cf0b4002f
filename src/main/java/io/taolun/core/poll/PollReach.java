package io.taolun.core.poll;

/**
 * Port: where else a poll was posted than the channel it was opened in (a weekly poll posted to a Slack and a Discord
 * channel at once), so that votes from there count in the one tally.
 */
public interface PollReach {
    /** No poll is posted anywhere but where it was opened. */
    PollReach NONE = (pollId, platform, workspace) -> false;

    boolean reaches(long pollId, String platform, String workspace);

    /**
     * Whether the poll's posted messages are kept current by the rituals (on every platform at once, in each
     * channel's language), so that adapters must not edit them on their own.
     */
    default boolean keptCurrent(long pollId) {
        return false;
    }
}
