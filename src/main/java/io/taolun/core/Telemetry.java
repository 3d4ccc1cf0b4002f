package io.taolun.core;

/**
 * Port: what the bot tells its operators' dashboards. Every method has a no-op default; the app implements it with
 * Micrometer and serves the figures at {@code /metrics}. Calls must be cheap and never throw.
 */
public interface Telemetry {
    /** Tells nothing. */
    Telemetry NONE = new Telemetry() {
    };

    /**
     * A command answered by the core.
     *
     * @param command the subcommand word ({@code help} for unknown ones), never user text beyond that
     * @param outcome {@code ok}, {@code bad_input} or {@code error}
     */
    default void commandHandled(String platform, String command, String outcome, long nanos) {
    }

    /** A platform request acknowledged ({@code kind}: {@code command}, {@code button}). */
    default void acknowledged(String platform, String kind, long nanos) {
    }

    /** A vote written and committed ({@code outcome}: cast, moved, retracted, ... or failed). */
    default void voteRecorded(String outcome, long nanos) {
    }

    /** A scheduled post made ({@code kind}: quote, poll, thread, results). */
    default void posted(String platform, String kind) {
    }

    /** A scheduled post refused for now, to be tried again. */
    default void postRetried(String platform) {
    }

    /** A scheduled post given up. */
    default void postFailed(String platform) {
    }
}
