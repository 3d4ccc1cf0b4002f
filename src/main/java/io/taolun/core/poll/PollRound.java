package io.taolun.core.poll;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a poll stands in a before/after pair: a poll of one round, or round 1 or 2 of two. Both rounds of a pair share
 * a salt, under which each voter is stored as a keyed hash instead of their user id (see {@link VoterSalt}); the
 * salt is forgotten when the pair ends, after which nobody can tell whose answers they were.
 *
 * @param number     1 or 2
 * @param of         how many rounds the poll has: 1, or 2 for a before/after pair
 * @param firstRound round 2's round-1 poll
 * @param salt       the pair's salt while it is kept; always empty for a poll of one round
 */
public record PollRound(int number, int of, Optional<Long> firstRound, Optional<VoterSalt> salt) {
    /** A poll of one round, as every poll was before rounds. */
    public static final PollRound SINGLE = new PollRound(1, 1, Optional.empty(), Optional.empty());

    public PollRound {
        Objects.requireNonNull(firstRound, "firstRound");
        Objects.requireNonNull(salt, "salt");
        if (of < 1 || of > 2 || number < 1 || number > of) {
            throw new IllegalArgumentException("a poll is round 1 of 1, or round 1 or 2 of 2: " + number + "/" + of);
        }
        if ((number == 2) != firstRound.isPresent()) {
            throw new IllegalArgumentException("round 2, and only round 2, names its first round");
        }
        if (of == 1 && salt.isPresent()) {
            throw new IllegalArgumentException("a poll of one round stores user ids, with no salt");
        }
    }

    /** Round 1 of a before/after pair. */
    public static PollRound firstOfTwo(VoterSalt salt) {
        return new PollRound(1, 2, Optional.empty(), Optional.of(salt));
    }

    /** Round 2 of the pair whose round 1 is {@code firstRound}. */
    public static PollRound second(long firstRound, Optional<VoterSalt> salt) {
        return new PollRound(2, 2, Optional.of(firstRound), salt);
    }

    /** Whether the poll is one of a before/after pair, whose voters are stored as hashes. */
    public boolean paired() {
        return of == 2;
    }

    public boolean isSecond() {
        return number == 2;
    }

    /** The same round without its salt, as it is once the pair has ended. */
    public PollRound withoutSalt() {
        return new PollRound(number, of, firstRound, Optional.empty());
    }
}
