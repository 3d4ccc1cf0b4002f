package io.taolun.core.poll;

import java.util.Optional;

/** Reads how a round 2 moved from its round 1, for the results, the views and the posts. */
public final class RoundShifts {
    private RoundShifts() {
    }

    /** The shift of a round 2 against its round 1; empty for any other poll, or when round 1 is gone. */
    public static Optional<RoundShift> of(PollQueries store, Poll poll) {
        if (!poll.round().isSecond()) {
            return Optional.empty();
        }
        long firstId = poll.round().firstRound().orElseThrow();
        return store.find(firstId).map(first -> RoundShift.of(poll.options().size(), store.ballots(first.id()),
                store.ballots(poll.id())));
    }
}
