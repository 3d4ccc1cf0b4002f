package io.taolun.core;

import java.util.Optional;

/**
 * Port: posts and edits messages in a channel outside of any request (scheduled posts, live poll updates).
 * Implemented once per platform; calls block, so they run on a worker thread, never on a platform's event thread.
 */
public interface ChatGateway {
    /** The platform this gateway posts to: {@code slack}, {@code discord}, {@code console}. */
    String platform();

    /**
     * Whether this process can post to the channel now: on Discord only the process that holds the guild's gateway
     * session (its shard) can.
     */
    boolean canPost(ChannelRef where);

    /**
     * Posts a reply to the channel, or into the thread under the message {@code threadOf}. A reply with an
     * attachment is posted as that file with the reply's text beside it.
     *
     * <p>A failure that leaves it unknown whether the platform posted (a server error, a lost answer) must be retryable
     * only where the platform drops a repeat of the same {@code dedupeKey} (Discord's enforced nonce); elsewhere it is
     * permanent, so that a post is never made twice.
     *
     * @param dedupeKey unique to this post (at most 25 characters of {@code [A-Za-z0-9]})
     * @return the platform's id of the new message (Slack {@code ts}, Discord snowflake), used to edit it later and
     *         to start a thread under it
     */
    String post(ChannelRef where, Optional<String> threadOf, Reply reply, String dedupeKey) throws DeliveryException;

    /**
     * Whether the platform drops a repeat of a post with the same dedupe key for a few minutes (Discord's enforced
     * nonce), so that a post whose outcome is unknown may be made again within that window.
     */
    default boolean dropsRepeats() {
        return false;
    }

    /**
     * Whether anyone but this bot has posted in the thread under the message {@code threadOf}: a follow-up discussion
     * prompt is made only while nobody has. False when the message has no thread.
     */
    boolean hasReplies(ChannelRef where, String threadOf) throws DeliveryException;

    /** Replaces the text and buttons of a message posted earlier. */
    void edit(ChannelRef where, String messageId, Reply reply) throws DeliveryException;
}
