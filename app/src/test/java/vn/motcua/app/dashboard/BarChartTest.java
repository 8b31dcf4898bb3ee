package vn.motcua.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BarChartTest {

    @Test
    void theLongestBarFillsTheSpanAndTheOthersAreInProportion() {
        BarChart chart = BarChart.of(
                "c",
                List.of(
                        new BarChart.Row("2026-10", 170, 0, "170"),
                        new BarChart.Row("2026-11", 85, 0, "85"),
                        new BarChart.Row("2026-12", 0, 0, "0")));
        int span = BarChart.WIDTH - BarChart.LABEL_WIDTH - BarChart.VALUE_WIDTH;
        assertThat(chart.bars()).extracting(BarChart.Bar::firstWidth).containsExactly(span, span / 2, 0);
        assertThat(chart.bars().get(1).y()).isEqualTo(chart.bars().get(0).y() + BarChart.ROW);
        assertThat(chart.height()).isGreaterThan(3 * BarChart.ROW);
    }

    @Test
    void twoPartsStackAndTheValueTextFollowsThem() {
        BarChart.Bar bar = BarChart.of("c", List.of(new BarChart.Row("UBND xã Một Cửa Mẫu rất dài", 3, 1, "3 / 1")))
                .bars()
                .get(0);
        assertThat(bar.secondX()).isEqualTo(BarChart.LABEL_WIDTH + bar.firstWidth());
        assertThat(bar.valueX()).isEqualTo(BarChart.LABEL_WIDTH + bar.firstWidth() + bar.secondWidth() + 4);
        assertThat(bar.label()).hasSize(17).endsWith("…");
    }

    @Test
    void anEmptyChartHasNoBarsAndRoomForItsMessage() {
        BarChart chart = BarChart.of("c", List.of());
        assertThat(chart.bars()).isEmpty();
        assertThat(chart.height()).isEqualTo(30);
    }
}
