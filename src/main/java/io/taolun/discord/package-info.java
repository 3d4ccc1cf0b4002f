/**
 * The Discord adapter: JDA wiring (one session, or one per shard held), the {@code /article} command tree and
 * autocomplete, embed and button rendering, deferred replies and live poll tallies, and the
 * {@link io.taolun.core.ChatGateway} for posts outside of interactions ({@code DiscordAdapter#gateway}). Wired by the
 * app; calls only the core.
 */
package io.taolun.discord;
