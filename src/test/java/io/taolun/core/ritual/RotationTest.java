package io.taolun.core.ritual;

import static org.assertj.core.api.Assertions.assertThat;

import io.taolun.testing.TouchesTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@TouchesTime
final class RotationTest {
    private static final List<Integer> QUOTES = IntStream.rangeClosed(1, 32).boxed().toList();

    private static List<Integer> run(long ritualId, int days) {
        List<Integer> posted = new ArrayList<>();
        for (int day = 0; day < days; day++) {
            posted.add(Rotation.nextQuote(ritualId, QUOTES, posted));
        }
        return posted;
    }

    @Test
    void no_quote_repeats_within_a_cycle_and_every_cycle_shows_every_quote() {
        // GIVEN a channel's quote of the day over three full cycles of 32 quotes
        List<Integer> posted = run(7, 96);
        // THEN each block of 32 days holds each quote exactly once
        for (int cycle = 0; cycle < 3; cycle++) {
            assertThat(new HashSet<>(posted.subList(cycle * 32, cycle * 32 + 32))).containsExactlyInAnyOrderElementsOf(QUOTES);
        }
    }

    @Test
    void cycles_are_shuffled_differently_and_channels_differ() {
        // GIVEN
        List<Integer> one = run(7, 64);
        List<Integer> other = run(8, 32);
        // THEN the second cycle is not a repeat of the first, and another ritual has another order
        assertThat(one.subList(32, 64)).isNotEqualTo(one.subList(0, 32));
        assertThat(other).isNotEqualTo(one.subList(0, 32));
        assertThat(one.subList(0, 32)).isNotEqualTo(QUOTES);
    }

    @Test
    void the_choice_is_the_same_on_every_replica() {
        // GIVEN the same history
        List<Integer> posted = List.of(3, 9, 27);
        // THEN every call picks the same next quote
        assertThat(Rotation.nextQuote(5, QUOTES, posted)).isEqualTo(Rotation.nextQuote(5, QUOTES, new ArrayList<>(posted)));
    }

    @Test
    void claims_go_in_article_order_least_polled_first() {
        // GIVEN claims c1..c4, where c1 and c3 were polled once already (c3 by hand)
        List<String> claims = List.of("c1", "c2", "c3", "c4");
        // THEN c2 comes next, then c4, and once all are even the rotation starts again at c1
        assertThat(Rotation.nextClaim(claims, Map.of("c1", 1, "c3", 1))).isEqualTo("c2");
        assertThat(Rotation.nextClaim(claims, Map.of("c1", 1, "c2", 1, "c3", 1))).isEqualTo("c4");
        assertThat(Rotation.nextClaim(claims, Map.of("c1", 1, "c2", 1, "c3", 1, "c4", 1))).isEqualTo("c1");
    }
}
