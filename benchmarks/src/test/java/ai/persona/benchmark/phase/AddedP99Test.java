package ai.persona.benchmark.phase;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class AddedP99Test {

    private static OverheadPhase.Row row(String variant, int sessions, double rawP99) {
        Percentiles raw = new Percentiles(100, 51.0, 55.0, rawP99, rawP99 + 1);
        return new OverheadPhase.Row(variant, sessions, raw, raw.minus(50), 0, null);
    }

    @Test
    void eachGatewayVariantLessItsOwnBaselineAtTheSameLevel() {
        List<OverheadPhase.Row> rows = List.of(
                row("native", 1, 75.4), row("openai", 1, 74.2), row("openai-stream", 1, 73.1),
                row("direct", 1, 55.8), row("direct-stream", 1, 52.6),
                row("native", 200, 81.3), row("openai", 200, 90.0), row("openai-stream", 200, 76.0),
                row("direct", 200, 57.9), row("direct-stream", 200, 53.05));

        List<AddedP99> added = AddedP99.of(rows);

        // the whole replies less direct, the stream less direct-stream, level by level; exact to the microsecond
        assertThat(added).containsExactly(
                new AddedP99("native", 1, 75.4, 55.8, 19.6),
                new AddedP99("openai", 1, 74.2, 55.8, 18.4),
                new AddedP99("openai-stream", 1, 73.1, 52.6, 20.5),
                new AddedP99("native", 200, 81.3, 57.9, 23.4),
                new AddedP99("openai", 200, 90.0, 57.9, 32.1),
                new AddedP99("openai-stream", 200, 76.0, 53.05, 22.95));
        assertThat(AddedP99.find(added, "openai", 200)).map(AddedP99::addedP99).contains(32.1);
        assertThat(AddedP99.find(added, "direct", 200)).isEmpty();
    }

    @Test
    void aGatewayRowWithoutItsBaselineIsLeftOutNotGuessed() {
        List<AddedP99> added = AddedP99.of(List.of(row("native", 50, 70.0), row("direct-stream", 50, 52.0),
                row("openai-stream", 50, 60.5)));

        assertThat(added).containsExactly(new AddedP99("openai-stream", 50, 60.5, 52.0, 8.5));
    }

    @Test
    void theGatewayCanBeFasterThanTheBaselineAndThatShowsAsNegative() {
        assertThat(AddedP99.difference(55.1, 55.3)).isEqualTo(-0.2);
        assertThat(AddedP99.difference(0.001, 0.0)).isEqualTo(0.001);
    }
}
