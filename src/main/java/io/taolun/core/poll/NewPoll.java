package io.taolun.core.poll;

import io.taolun.core.ChannelRef;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A poll about to be stored; the store gives it its id. {@code openOptions}: see {@link Poll}. */
public record NewPoll(
        String articleId,
        Optional<String> claimId,
        String question,
        List<PollOption> options,
        ChannelRef where,
        String opener,
        boolean anonymous,
        boolean hiddenResults,
        Instant openedAt,
        Optional<Instant> closesAt,
        PollRound round,
        int maxChoices,
        boolean openOptions) {

    /** A poll whose options only its opener sets. */
    public NewPoll(String articleId, Optional<String> claimId, String question, List<PollOption> options,
            ChannelRef where, String opener, boolean anonymous, boolean hiddenResults, Instant openedAt,
            Optional<Instant> closesAt, PollRound round, int maxChoices) {
        this(articleId, claimId, question, options, where, opener, anonymous, hiddenResults, openedAt, closesAt,
                round, maxChoices, false);
    }

    /** A poll of one choice per voter. */
    public NewPoll(String articleId, Optional<String> claimId, String question, List<PollOption> options,
            ChannelRef where, String opener, boolean anonymous, boolean hiddenResults, Instant openedAt,
            Optional<Instant> closesAt, PollRound round) {
        this(articleId, claimId, question, options, where, opener, anonymous, hiddenResults, openedAt, closesAt,
                round, 1);
    }

    /** A poll of one round. */
    public NewPoll(String articleId, Optional<String> claimId, String question, List<PollOption> options,
            ChannelRef where, String opener, boolean anonymous, boolean hiddenResults, Instant openedAt,
            Optional<Instant> closesAt) {
        this(articleId, claimId, question, options, where, opener, anonymous, hiddenResults, openedAt, closesAt,
                PollRound.SINGLE);
    }

    public NewPoll {
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(claimId, "claimId");
        Objects.requireNonNull(question, "question");
        options = List.copyOf(options);
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(opener, "opener");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(closesAt, "closesAt");
        Objects.requireNonNull(round, "round");
    }

    /** The stored poll with its id. */
    public Poll withId(long id) {
        return new Poll(id, articleId, claimId, question, options, where, opener, anonymous, hiddenResults, openedAt,
                closesAt, Optional.empty(), round, maxChoices, openOptions);
    }
}
