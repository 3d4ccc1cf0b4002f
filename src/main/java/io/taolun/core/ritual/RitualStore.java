package io.taolun.core.ritual;

/**
 * Port: subscriptions and their runs, for {@link RitualRunner}, which needs both; {@link RitualService} needs only the
 * subscriptions and {@link HandPollPosts} only the runs. Implemented by the store.
 */
public interface RitualStore extends RitualSubscriptions, RitualRuns {
}
