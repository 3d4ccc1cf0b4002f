/**
 * Community rituals: the weekly discussion poll and the quote of the day, per channel and in the channel's time zone.
 * What to post and when ({@link io.taolun.core.ritual.Slots}), the subscriptions and their commands, the runs that
 * record each slot once, the outbox whose posts a delivery pass hands to the platforms' gateways, and
 * {@link io.taolun.core.ritual.PollFanout}, the one owner of posted poll messages. Threads are injected: the app drives
 * {@link io.taolun.core.ritual.RitualRunner} from a scheduler and {@link io.taolun.core.ritual.OutboxDelivery} from a
 * timer, and gives {@code PollFanout} its timer and worker pool.
 */
package io.taolun.core.ritual;
