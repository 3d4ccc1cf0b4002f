package io.taolun.core.ritual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taolun.core.ChannelRef;
import io.taolun.core.poll.OptionSets;
import io.taolun.core.poll.Poll;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class ReminderRuleTest {
    private static final Instant OPENED = Instant.parse("2030-01-01T00:00:00Z");

    private static Poll poll(Optional<Duration> length) {
        return new Poll(1, "a", Optional.empty(), "q?", OptionSets.likert(), new ChannelRef("console", "local", "c"),
                "u", true, false, OPENED, length.map(OPENED::plus), Optional.empty());
    }

    @Test
    void by_default_a_poll_open_more_than_two_days_is_reminded_a_day_before_its_deadline() {
        assertThat(ReminderRule.DEFAULT.dueFor(poll(Optional.of(Duration.ofDays(7)))))
                .contains(OPENED.plus(Duration.ofDays(6)));
        assertThat(ReminderRule.DEFAULT.dueFor(poll(Optional.of(Duration.ofHours(48).plusSeconds(1)))))
                .contains(OPENED.plus(Duration.ofHours(24).plusSeconds(1)));
    }

    @Test
    void a_poll_of_two_days_or_less_one_without_a_deadline_or_reminders_off_get_none() {
        assertThat(ReminderRule.DEFAULT.dueFor(poll(Optional.of(Duration.ofHours(48))))).isEmpty();
        assertThat(ReminderRule.DEFAULT.dueFor(poll(Optional.empty()))).isEmpty();
        assertThat(ReminderRule.OFF.dueFor(poll(Optional.of(Duration.ofDays(30))))).isEmpty();
    }

    @Test
    void a_rule_whose_reminder_could_come_before_the_poll_opens_or_under_an_hour_before_close_is_refused() {
        assertThatThrownBy(() -> new ReminderRule(Duration.ofHours(48), Duration.ofHours(24)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("48 hours");
        assertThatThrownBy(() -> new ReminderRule(Duration.ofMinutes(30), Duration.ofHours(24)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("an hour");
        assertThatThrownBy(() -> new ReminderRule(Duration.ofHours(-1), Duration.ofHours(24)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
