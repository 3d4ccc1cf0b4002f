package io.taolun.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taolun.testing.TouchesTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The config's declared schedules: bad values stop start-up with the key named. */
@TouchesTime
final class RitualsConfigTest {
    private static RitualsConfig.TargetConfig slack(String channel) {
        return new RitualsConfig.TargetConfig("slack", "T1", channel);
    }

    private static RitualsConfig.ScheduleConfig quote(String name, String zone, RitualsConfig.TargetConfig... where) {
        return new RitualsConfig.ScheduleConfig(name, "qotd", null, "09:00", zone, null, List.of(where));
    }

    @Test
    void a_good_schedule_becomes_a_spec() {
        RitualsConfig config = new RitualsConfig(null, List.of(new RitualsConfig.ScheduleConfig("weekly", "weekly-poll",
                "周一", "9:30", "Europe/Berlin", "36h", List.of(slack("C1"), new RitualsConfig.TargetConfig("discord",
                        "123", "456")))));
        assertThat(config.graceHours()).isEqualTo(6);
        var spec = config.schedules().get(0).spec("article");
        assertThat(spec.targets()).hasSize(2);
        assertThat(spec.closeAfter()).hasHours(36);
        assertThat(spec.configName()).contains("weekly");
    }

    @Test
    void bad_values_name_their_key() {
        assertThatThrownBy(() -> quote("q", "Mars/Olympus", slack("C1")))
                .hasMessageContaining("rituals.schedules[q].zone").hasMessageContaining("Asia/Shanghai");
        assertThatThrownBy(() -> new RitualsConfig.ScheduleConfig("q", "qotd", null, "25:00", "UTC", null,
                List.of(slack("C1")))).hasMessageContaining("rituals.schedules[q].time");
        assertThatThrownBy(() -> new RitualsConfig.ScheduleConfig("w", "weekly-poll", null, "09:00", "UTC", null,
                List.of(slack("C1")))).hasMessageContaining("rituals.schedules[w].day");
        assertThatThrownBy(() -> new RitualsConfig.ScheduleConfig("w", "weekly-poll", "mon", "09:00", "UTC", "9d",
                List.of(slack("C1")))).hasMessageContaining("rituals.schedules[w].closeAfter");
        assertThatThrownBy(() -> new RitualsConfig.ScheduleConfig("w", "yearly", "mon", "09:00", "UTC", null,
                List.of(slack("C1")))).hasMessageContaining("is not qotd or weekly-poll");
        assertThatThrownBy(() -> quote("bad name!", "UTC", slack("C1"))).hasMessageContaining("name");
        assertThatThrownBy(() -> quote("q", "UTC")).hasMessageContaining("list one or more channels");
        assertThatThrownBy(() -> new RitualsConfig.TargetConfig("irc", "x", "y")).hasMessageContaining("platform");
        assertThatThrownBy(() -> new RitualsConfig.TargetConfig("slack", " ", "C1")).hasMessageContaining("workspace");
        assertThatThrownBy(() -> new RitualsConfig(99, List.of())).hasMessageContaining("rituals.graceHours");
    }

    @Test
    void a_channel_has_one_quote_of_the_day_and_names_are_unique() {
        assertThatThrownBy(() -> new RitualsConfig(null, List.of(quote("a", "UTC", slack("C1")),
                quote("b", "UTC", slack("C2"), slack("C1"))))).hasMessageContaining("has a quote of the day already");
        assertThatThrownBy(() -> new RitualsConfig(null, List.of(quote("a", "UTC", slack("C1")),
                quote("a", "UTC", slack("C2"))))).hasMessageContaining("is used twice");
    }
}
