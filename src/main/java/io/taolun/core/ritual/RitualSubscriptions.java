package io.taolun.core.ritual;

import io.taolun.core.ChannelRef;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Port: the rituals channels subscribed to, as {@link RitualService} manages them. Implemented by the store. */
interface RitualSubscriptions {
    Ritual create(Ritual.Spec spec, Instant at);

    Optional<Ritual> find(long id);

    /** Active rituals that post to this channel, oldest first. */
    List<Ritual> in(ChannelRef where);

    /** Active rituals that post to any channel of this workspace, oldest first. */
    List<Ritual> inWorkspace(String platform, String workspace);

    /** Turns a ritual off; false when it was already off. */
    boolean deactivate(long id);

    /**
     * Makes an active ritual made by command post from another article from its next run on; false when it is off,
     * from the config file, or on that article already.
     */
    boolean moveToArticle(long id, String articleId);

    /**
     * Creates or updates the ritual the config file names, and turns it on.
     *
     * @return the ritual, and whether its spec changed (or it is new), so its schedule must be set again
     */
    Upserted upsertConfigured(Ritual.Spec spec, Instant at);

    /** The result of {@link #upsertConfigured}. */
    record Upserted(Ritual ritual, boolean changed) {
    }

    /** Turns off the config-file rituals whose names are not given; returns their ids. */
    List<Long> deactivateConfiguredExcept(Set<String> names);
}
