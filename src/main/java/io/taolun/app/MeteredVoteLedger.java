package io.taolun.app;

import io.taolun.core.Telemetry;
import io.taolun.core.poll.VoteLedger;
import io.taolun.core.poll.VoteReceipt;
import io.taolun.core.poll.VoteRequest;
import java.util.Locale;

/** A {@link VoteLedger} that reports each vote's outcome and the time until it was committed. */
final class MeteredVoteLedger implements VoteLedger {
    private final VoteLedger ledger;
    private final Telemetry telemetry;

    MeteredVoteLedger(VoteLedger ledger, Telemetry telemetry) {
        this.ledger = ledger;
        this.telemetry = telemetry;
    }

    @Override
    public VoteReceipt cast(VoteRequest vote) {
        long start = System.nanoTime();
        try {
            VoteReceipt receipt = ledger.cast(vote);
            telemetry.voteRecorded(receipt.outcome().name().toLowerCase(Locale.ROOT), System.nanoTime() - start);
            return receipt;
        } catch (RuntimeException e) {
            telemetry.voteRecorded("failed", System.nanoTime() - start);
            throw e;
        }
    }
}
