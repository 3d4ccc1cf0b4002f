package io.taolun.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.taolun.core.poll.Tally;
import java.util.List;
import org.junit.jupiter.api.Test;

final class DivisivenessTest {
    @Test
    void everyone_on_one_option_is_0_and_an_even_spread_over_all_options_is_100() {
        assertThat(Divisiveness.of(new Tally(List.of(0, 7, 0, 0, 0)))).hasValue(0);
        assertThat(Divisiveness.of(new Tally(List.of(3, 3, 3, 3, 3)))).hasValue(100);
        assertThat(Divisiveness.of(new Tally(List.of(4, 4)))).hasValue(100);
    }

    @Test
    void in_between_it_is_the_entropy_over_its_maximum() {
        // 1 and 2 of 3 voters on a five-point scale: -(1/3 ln 1/3 + 2/3 ln 2/3) / ln 5 = 0.3955
        assertThat(Divisiveness.of(new Tally(List.of(1, 0, 0, 2, 0)))).hasValue(40);
        // an even split over two of five options is less divided than over all five: ln 2 / ln 5 = 0.4307
        assertThat(Divisiveness.of(new Tally(List.of(5, 0, 0, 0, 5)))).hasValue(43);
        // the measure does not depend on how many voted, only on the shares
        assertThat(Divisiveness.of(new Tally(List.of(10, 0, 0, 20, 0)))).isEqualTo(
                Divisiveness.of(new Tally(List.of(1, 0, 0, 2, 0))));
    }

    @Test
    void a_poll_without_votes_has_no_score() {
        assertThat(Divisiveness.of(Tally.empty(5))).isEmpty();
    }
}
