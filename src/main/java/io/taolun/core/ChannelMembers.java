package io.taolun.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Port: who is in a channel, for the list of who has not voted. Implemented by the platforms that can list a
 * channel's members (Slack's {@code conversations.members}); a fake in tests.
 */
@FunctionalInterface
public interface ChannelMembers {
    /** No platform can list members. */
    ChannelMembers NONE = where -> Optional.empty();

    /**
     * The people in the channel (never this bot), in the platform's order; empty when its platform cannot list them.
     * Blocks: called on a worker thread.
     */
    Optional<Members> of(ChannelRef where) throws DeliveryException;

    /**
     * @param users    the platform's user ids
     * @param complete false when the channel has more members than were read
     */
    record Members(List<String> users, boolean complete) {
        public Members {
            users = List.copyOf(Objects.requireNonNull(users, "users"));
        }
    }
}
