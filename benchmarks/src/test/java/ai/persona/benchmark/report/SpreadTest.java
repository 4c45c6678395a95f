package ai.persona.benchmark.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class SpreadTest {

    @Test
    void threeRunsGiveTheMiddleOneAndTheOuterTwoAsSpread() {
        assertThat(Spread.of(List.of(25.4, 19.8, 31.9))).isEqualTo(new Spread(25.4, 19.8, 31.9, 3));
    }

    @Test
    void anEvenNumberOfRunsGivesTheMeanOfTheMiddleTwo() {
        assertThat(Spread.of(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(new Spread(2.5, 1.0, 4.0, 4));
    }

    @Test
    void oneDisturbedRunWidensTheSpreadButDoesNotMoveTheMedian() {
        assertThat(Spread.of(List.of(80.0, 91.0, 12.0))).isEqualTo(new Spread(80.0, 12.0, 91.0, 3));
    }

    @Test
    void aRunThatDidNotMeasureTheFigureIsLeftOut() {
        assertThat(Spread.of(Arrays.asList(0.333, Double.NaN, null, 0.5)))
                .isEqualTo(new Spread((0.333 + 0.5) / 2, 0.333, 0.5, 2));
        Spread none = Spread.of(List.of(Double.NaN));
        assertThat(none.runs()).isZero();
        assertThat(none.median()).isNaN();
    }
}
