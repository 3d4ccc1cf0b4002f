package io.taolun.core;

/**
 * The deliveries a platform made that were already taken: a platform may deliver a request again (Slack retries a
 * slow answer, marking it {@code X-Slack-Retry-Num}), after a restart or to another replica. Votes are marked in
 * their own transaction by the vote ledger; this log is for everything else (commands, shares).
 */
public interface DeliveryLog {
    /**
     * Marks a delivery as taken. True the first time it is offered, false for every later delivery of the same id,
     * here or on another replica. A blank id (the platform sent none) is always new.
     */
    boolean first(String platform, String id);
}
