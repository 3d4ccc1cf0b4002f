package io.taolun.core.poll;

import io.taolun.core.ChannelRef;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Port: reading polls and their tallies, for those that only show them (the poll views, the fanout that keeps posted
 * messages current, the record of hand-opened polls' posts). {@link PollStore} adds opening and closing.
 */
public interface PollQueries {
    Optional<Poll> find(long id);

    /** Polls of the channel on this article that are still open at {@code now}, newest first. */
    List<Poll> openIn(ChannelRef where, String articleId, Instant now);

    /**
     * The newest polls of a workspace, on any article and in any channel, still open at {@code now}: at most
     * {@code limit} of them, newest first (the app's home).
     */
    List<Poll> openInWorkspace(String platform, String workspace, Instant now, int limit);

    /** The newest poll opened in the channel on this article. */
    Optional<Poll> latestIn(ChannelRef where, String articleId);

    /** Every poll of this workspace on this claim of this article, oldest first. */
    List<Poll> onClaim(String platform, String workspace, String articleId, String claimId);

    /** The newest poll on this claim of this article, in any workspace and channel (the article's web page). */
    Optional<Poll> latestOnClaim(String articleId, String claimId);

    Tally tally(Poll poll);

    /** The round 2 of a poll of two rounds, once it is open. */
    Optional<Poll> secondRound(long firstRoundId);

    /**
     * The votes that stand in a poll of two rounds, by voter: the keyed hash each voter is stored as (the same in
     * both rounds), and the option they chose.
     */
    Map<String, Integer> ballots(long pollId);

    /** The voters of each option (user ids), for polls that are not anonymous. */
    Map<Integer, List<String>> voters(long pollId);
}
