package io.taolun.core.ritual;

import io.taolun.core.ChannelRef;
import io.taolun.core.Lang;
import java.util.Objects;
import java.util.Optional;

/**
 * A post to make, recorded before it is made.
 *
 * @param key        unique per post, at most 25 characters of {@code [A-Za-z0-9]} (it doubles as Discord's nonce)
 * @param kind       what to render
 * @param where      the channel
 * @param threadOf   the key of the post to reply under, in its thread
 * @param pollId     the poll it shows, for poll, thread and results posts
 * @param payload    what else rendering needs (a quote's number and date; for a poll opened by hand, the language
 *                   of its message, {@code lang=<code>})
 */
public record OutboxPost(String key, PostKind kind, ChannelRef where, Optional<String> threadOf,
        Optional<Long> pollId, String payload) {
    public OutboxPost {
        Objects.requireNonNull(key, "key");
        if (!key.matches("[A-Za-z0-9]{1,25}")) {
            throw new IllegalArgumentException("bad outbox key " + key);
        }
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(threadOf, "threadOf");
        Objects.requireNonNull(pollId, "pollId");
        Objects.requireNonNull(payload, "payload");
    }

    private static final String LANG = "lang=";
    /** The payload of a weekly poll's results post: it ends with the channel's week in one line. */
    public static final String DIGEST = "digest";

    /** The payload naming the language of a poll opened by hand, whose message and results are shown in it. */
    public static String langPayload(Lang lang) {
        return LANG + lang.code();
    }

    /** The language a poll or results post names in its payload; empty for a weekly poll's (its channel's). */
    public Optional<Lang> lang() {
        return (kind == PostKind.POLL || kind == PostKind.RESULTS || kind == PostKind.REMINDER)
                && payload.startsWith(LANG)
                ? Lang.parse(payload.substring(LANG.length())) : Optional.empty();
    }

    /** What an outbox post shows. */
    public enum PostKind {
        QUOTE,
        POLL,
        THREAD,
        RESULTS,
        /** A word in a weekly poll's thread that its round 2 is open in the channel. */
        ROUND_TWO,
        /**
         * The next discussion prompt in a weekly poll's thread (payload: the claim and the prompt's number), made only
         * while nobody but the bot has posted in the thread and the poll is open.
         */
        PROMPT,
        /**
         * In a poll's thread, a while before its deadline: it closes soon, and how to vote (payload: for a poll opened
         * by hand, its message's language). Skipped once the poll has closed or has less than ten minutes left.
         */
        REMINDER;

        /** Whether the post is skipped once anyone has replied in its thread. */
        public boolean onlyWhileQuiet() {
            return this == PROMPT;
        }
    }
}
