package io.taolun.core.poll;

/**
 * Port: the durable record of votes. {@link #cast} returns only once the vote is committed, so a voter is never told
 * "your vote counted" for a vote that a crash could still lose.
 */
public interface VoteLedger {
    /**
     * Applies one button press: a first vote, a move to another option, or a retraction of the same option (a
     * repeat within the double-click window changes nothing).
     *
     * @return what the vote did, and the poll's counts as of its commit
     * @throws VoteRejectedException when the store refuses the vote (the poll vanished or the write failed)
     */
    VoteReceipt cast(VoteRequest vote);
}
