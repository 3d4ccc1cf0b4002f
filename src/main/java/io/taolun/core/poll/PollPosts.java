package io.taolun.core.poll;

import io.taolun.core.ChannelRef;
import io.taolun.core.Lang;

/**
 * Port: told that an adapter posted the message of a poll opened by hand, with the platform's id of that message, so
 * that the poll is then treated like a weekly poll: its message kept current, closed at its deadline and its results
 * posted once. Implemented by the rituals' runner.
 */
public interface PollPosts {
    /** Nothing is done with posted polls (their adapters keep them current themselves). */
    PollPosts NONE = (pollId, where, messageId, lang) -> { };

    /** @param lang the language the message was posted in, in which it is re-rendered and its results posted */
    void posted(long pollId, ChannelRef where, String messageId, Lang lang);
}
