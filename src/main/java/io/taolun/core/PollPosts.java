package io.taolun.core;

/**
 * Port: told that an adapter posted the message of a poll opened by hand, with the platform's id of that message, so
 * that the poll is then treated like a weekly poll: its message kept current, closed at its deadline and its results
 * posted once. Implemented by the core's {@code PollFanout}, the one owner of posted poll messages.
 */
public interface PollPosts {
    /** Nothing is done with posted polls (a console without rituals; tests of one adapter). */
    PollPosts NONE = (pollId, where, messageId, lang) -> { };

    /** @param lang the language the message was posted in, in which it is re-rendered and its results posted */
    void posted(long pollId, ChannelRef where, String messageId, Lang lang);

    /**
     * A vote was cast on the button of this posted message: a message not yet kept current (one posted through
     * Slack's {@code response_url}, say) is from now on, like a posted one.
     */
    default void pressed(long pollId, ChannelRef where, String messageId, Lang lang) {
    }
}
