package io.taolun.core.ritual;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The weekly pick's rules, on the claims as the runner gives them (debatable only, in the article's order). */
final class WeeklyPickTest {
    private static final List<String> DEBATABLE = List.of("c1", "c3", "c5", "c7");

    private static WeeklyPick.Choice next(Pick pick, Map<String, Integer> counts, List<String> earlier,
            Map<String, Integer> divided) {
        return WeeklyPick.next(pick, DEBATABLE, counts, earlier, () -> divided);
    }

    @Test
    void order_goes_round_the_article_after_the_claim_polled_last() {
        assertThat(next(Pick.ORDER, Map.of(), List.of(), Map.of()).claimId()).isEqualTo("c1");
        assertThat(next(Pick.ORDER, Map.of("c1", 1), List.of("c1"), Map.of()).claimId()).isEqualTo("c3");
        // polls opened by hand do not move it; the end wraps round to the start
        assertThat(next(Pick.ORDER, Map.of("c3", 4), List.of("c1"), Map.of()).claimId()).isEqualTo("c3");
        assertThat(next(Pick.ORDER, Map.of(), List.of("c5", "c7"), Map.of()).claimId()).isEqualTo("c1");
    }

    @Test
    void undiscussed_takes_claims_never_polled_here_first_and_never_the_last_one_again() {
        assertThat(next(Pick.UNDISCUSSED, Map.of("c1", 1, "c3", 1), List.of("c1"), Map.of()).claimId())
                .isEqualTo("c5");
        // every claim polled once: the least polled in order, but not the one just polled
        Map<String, Integer> once = Map.of("c1", 1, "c3", 1, "c5", 1, "c7", 1);
        assertThat(next(Pick.UNDISCUSSED, once, List.of("c1"), Map.of()).claimId()).isEqualTo("c3");
        assertThat(next(Pick.UNDISCUSSED, Map.of("c1", 0, "c3", 2, "c5", 2, "c7", 2), List.of("c1"), Map.of())
                .claimId()).isEqualTo("c3");
        // an article with one debatable claim can only ask it again
        assertThat(WeeklyPick.next(Pick.UNDISCUSSED, List.of("c1"), Map.of("c1", 3), List.of("c1"), Map::of)
                .claimId()).isEqualTo("c1");
    }

    @Test
    void divisive_asks_the_most_divided_claim_again_in_two_rounds_if_divided_enough() {
        Map<String, Integer> divided = Map.of("c1", 40, "c3", 72, "c5", 90);
        assertThat(next(Pick.DIVISIVE, Map.of(), List.of("c7"), divided))
                .isEqualTo(new WeeklyPick.Choice("c5", true));
        // never twice in a row: the next most divided
        assertThat(next(Pick.DIVISIVE, Map.of(), List.of("c5"), divided))
                .isEqualTo(new WeeklyPick.Choice("c3", true));
        // nothing divided 50 or more: the claims not yet discussed, in one round
        assertThat(next(Pick.DIVISIVE, Map.of("c1", 1), List.of("c1"), Map.of("c1", 49)))
                .isEqualTo(new WeeklyPick.Choice("c3", false));
    }

    @Test
    void mixed_takes_undiscussed_claims_and_every_third_week_the_most_divisive_again() {
        Map<String, Integer> divided = Map.of("c1", 80);
        assertThat(next(Pick.MIXED, Map.of(), List.of(), divided)).isEqualTo(new WeeklyPick.Choice("c1", false));
        assertThat(next(Pick.MIXED, Map.of("c1", 1), List.of("c1"), divided))
                .isEqualTo(new WeeklyPick.Choice("c3", false));
        assertThat(next(Pick.MIXED, Map.of("c1", 1, "c3", 1), List.of("c1", "c3"), divided))
                .isEqualTo(new WeeklyPick.Choice("c1", true));
        assertThat(next(Pick.MIXED, Map.of("c1", 2, "c3", 1), List.of("c1", "c3", "c1"), divided))
                .isEqualTo(new WeeklyPick.Choice("c5", false));
        // the other weeks do not read how divided the claims are (it reads every claim's polls)
        assertThat(WeeklyPick.next(Pick.MIXED, DEBATABLE, Map.of(), List.of("c1"), () -> {
            throw new AssertionError("read how divided on a week that does not need it");
        })).isEqualTo(new WeeklyPick.Choice("c3", false));
        // the third week with nothing divided enough stays with the undiscussed
        assertThat(next(Pick.MIXED, Map.of("c1", 1, "c3", 1), List.of("c1", "c3"), Map.of("c1", 30)))
                .isEqualTo(new WeeklyPick.Choice("c5", false));
    }
}
