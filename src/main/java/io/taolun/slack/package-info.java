/**
 * The Slack adapter: a Bolt app for {@code /article} and button presses, Block Kit rendering, Web API calls with
 * retries, live poll tallies, over HTTP (through {@link io.taolun.slack.HttpExchange}) or Socket Mode, and the
 * core's {@link io.taolun.core.ChatGateway} for posts outside of requests. Wired by the app; calls only the core.
 */
package io.taolun.slack;
