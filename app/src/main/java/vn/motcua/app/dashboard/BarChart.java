package vn.motcua.app.dashboard;

import java.util.ArrayList;
import java.util.List;

/**
 * A horizontal bar chart laid out on the server, drawn by the template as SVG: no script, a few hundred bytes, and
 * readable at 360 px (the view box is 360 units wide and scales). Each bar may have two parts (e.g. on time and
 * late). The template gives it a title and a text alternative; the same numbers are in a table beside it.
 */
record BarChart(String id, List<Bar> bars, int height) {

    static final int WIDTH = 360;
    static final int LABEL_WIDTH = 130;
    static final int VALUE_WIDTH = 60;
    static final int ROW = 26;
    static final int BAR = 18;

    /** One row: its label, the first and second part's values, their drawn widths and its value text. */
    record Bar(String label, long first, long second, int y, int firstWidth, int secondWidth, String text) {

        public int textY() {
            return y + BAR - 4;
        }

        public int secondX() {
            return LABEL_WIDTH + firstWidth;
        }

        public int valueX() {
            return LABEL_WIDTH + firstWidth + secondWidth + 4;
        }
    }

    record Row(String label, long first, long second, String text) {}

    static BarChart of(String id, List<Row> rows) {
        long max = rows.stream().mapToLong(r -> r.first() + r.second()).max().orElse(0);
        int span = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
        List<Bar> bars = new ArrayList<>();
        int y = 4;
        for (Row r : rows) {
            int first = max == 0 ? 0 : (int) Math.round(span * (double) r.first() / max);
            int second = max == 0 ? 0 : (int) Math.round(span * (double) r.second() / max);
            bars.add(new Bar(shorten(r.label()), r.first(), r.second(), y, first, second, r.text()));
            y += ROW;
        }
        return new BarChart(id, bars, Math.max(y + 4, 30));
    }

    public int labelWidth() {
        return LABEL_WIDTH;
    }

    private static String shorten(String label) {
        return label.length() <= 17 ? label : label.substring(0, 16) + "…";
    }
}
