package io.taolun.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.taolun.core.ritual.OutboxPost;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Where a poll reaches is what the outbox recorded of its posts, on both databases. */
final class JdbcPollReachTest {
    private static final Instant AT = Instant.parse("2026-11-30T08:00:00Z");

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void a_poll_reaches_the_workspaces_its_message_was_posted_to_and_no_other(TestDatabases.Kind kind) {
        try (RitualHarness h = new RitualHarness(kind, AT)) {
            // GIVEN poll 7's message recorded as posted to a Slack channel, and a quote (no poll) posted to Discord
            h.outbox.recordSent(new OutboxPost("u7", OutboxPost.PostKind.POLL, RitualHarness.slack("C1"),
                    Optional.empty(), Optional.of(7L), ""), "ts-1", AT);
            h.outbox.recordSent(new OutboxPost("q1", OutboxPost.PostKind.QUOTE, RitualHarness.discord("D1"),
                    Optional.empty(), Optional.empty(), ""), "m-1", AT);

            // THEN it reaches that Slack workspace and is kept current; not Discord's, and poll 8 reaches nowhere
            assertThat(h.reach.reaches(7, "slack", "T1")).isTrue();
            assertThat(h.reach.reaches(7, "slack", "T2")).isFalse();
            assertThat(h.reach.reaches(7, "discord", "G1")).isFalse();
            assertThat(h.reach.keptCurrent(7)).isTrue();
            assertThat(h.reach.keptCurrent(8)).isFalse();
            assertThat(h.reach.reaches(8, "slack", "T1")).isFalse();
        }
    }
}
