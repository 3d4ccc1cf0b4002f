package io.taolun.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The scheduled-post figures, as Prometheus reads them. */
final class MetricsTest {
    @Test
    void scheduled_posts_retries_failures_and_the_outbox_depth_are_exposed() {
        try (Metrics metrics = new Metrics()) {
            // GIVEN two posts made, one retried, one given up, and three waiting
            metrics.posted("slack", "quote");
            metrics.posted("discord", "poll");
            metrics.postRetried("discord");
            metrics.postFailed("slack");
            metrics.outboxDepth(() -> 3);
            // WHEN scraped
            String text = metrics.scrape();
            // THEN
            assertThat(text).contains("taolun_posts_total{kind=\"quote\",platform=\"slack\"} 1.0",
                    "taolun_posts_total{kind=\"poll\",platform=\"discord\"} 1.0",
                    "taolun_post_retries_total{platform=\"discord\"} 1.0",
                    "taolun_post_failures_total{platform=\"slack\"} 1.0",
                    "taolun_outbox_depth 3.0");
        }
    }
}
