package io.taolun.core.ritual;

import io.taolun.core.ChannelRef;
import io.taolun.core.Lang;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Port: the posts rituals have to make, and what became of them: the whole outbox, for {@link RitualRunner}; a
 * delivery pass needs only the {@link OutboxQueue}, the fanout only the {@link PostedPolls}. Implemented by the store.
 */
public interface Outbox extends PostedPolls, OutboxQueue {
    /** Records a post unless one with its key is recorded already; true when it was new. */
    boolean enqueue(OutboxPost post, Instant now);

    /** Every post recorded under keys starting with {@code prefix} (one run's posts), oldest first. */
    List<OutboxPost> withPrefix(String prefix);

    /**
     * Records a post that was made outside the outbox (an adapter's answer to {@code poll}), as made, with its
     * message id, unless one with its key is recorded already; true when it was new.
     */
    boolean recordSent(OutboxPost post, String messageId, Instant at);

    /**
     * A poll message that was posted, to be kept current.
     *
     * @param lang the language it was posted in; empty for a weekly poll's, shown in its channel's language
     */
    record Posted(ChannelRef where, String messageId, Optional<Lang> lang) {
        public Posted {
            Objects.requireNonNull(where, "where");
            Objects.requireNonNull(messageId, "messageId");
            Objects.requireNonNull(lang, "lang");
        }
    }

    /** The posted messages showing this poll. */
    @Override
    List<Posted> pollMessages(long pollId);

    /** How many posts are due and waiting to be made (a prompt due tomorrow is not yet waiting). */
    int depth(Instant now);
}
