package io.taolun.core.library;

import io.taolun.core.ChannelRef;
import java.time.Instant;
import java.util.Optional;

/** A port: the article a channel has chosen, kept by the store. */
public interface ChannelArticles {
    /** The id of the article this channel chose, if it chose one. */
    Optional<String> of(ChannelRef where);

    /** Records this channel's choice, replacing any earlier one. */
    void choose(ChannelRef where, String articleId, String by, Instant at);
}
