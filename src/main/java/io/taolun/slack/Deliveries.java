package io.taolun.slack;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;

/**
 * Remembers which Slack requests were already taken, by their {@code trigger_id}, so a re-delivery (Slack retries
 * what it thinks failed, marking it {@code X-Slack-Retry-Num}) never posts twice or votes twice.
 */
final class Deliveries {
    private final Cache<String, Boolean> seen = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(30)).maximumSize(200_000).build();

    /** True the first time a trigger id is offered; false for every re-delivery. Null ids are always new. */
    boolean first(String triggerId) {
        if (triggerId == null || triggerId.isBlank()) {
            return true;
        }
        return seen.asMap().putIfAbsent(triggerId, Boolean.TRUE) == null;
    }
}
