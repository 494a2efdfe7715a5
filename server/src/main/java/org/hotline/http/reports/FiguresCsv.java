package org.hotline.http.reports;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.hotline.report.Figure;
import org.hotline.report.Term;

/**
 * A report's row (its key columns and {@code figures}, as {@link FiguresJson} makes them) as a CSV
 * row that names each figure by its label: a share as "Agent answered within 3 rings (%)" with its
 * part and whole named by what they count, times in seconds, in the language asked.
 */
final class FiguresCsv {

    /** A row's count of calls per wrap-up code: one column each, after the figures. */
    private static final String CODES = "wrapUpCodes";

    private FiguresCsv() {
    }

    /** @param language {@code en} or {@code zh} */
    static JsonObject row(JsonObject row, String language) {
        JsonObject flat = new JsonObject();
        row.fieldNames().stream().filter(key -> !key.equals("figures") && !key.equals(CODES))
                .forEach(key -> flat.put(key, row.getValue(key)));
        JsonObject figures = row.getJsonObject("figures");
        for (Figure figure : Figure.values()) {
            Object value = at(figures, figure.id());
            String label = figure.label().in(language);
            switch (figure.formula().shape()) {
                case SHARE -> {
                    JsonObject ratio = value instanceof JsonObject r ? r : new JsonObject();
                    Double share = ratio.getDouble("value");
                    flat.put(label + " (%)", share == null ? null : Math.round(share * 1000) / 10.0);
                    flat.put(part(label, figure.formula().numerator(), language, "分子"), ratio.getLong("part"));
                    flat.put(part(label, figure.formula().denominator(), language, "分母"), ratio.getLong("whole"));
                }
                case SPREAD -> flat.put(label, value instanceof JsonArray counts
                        ? String.join(" ", counts.stream().map(String::valueOf).toList()) : null);
                default -> flat.put(label + suffix(figure.unit(), language), value);
            }
        }
        JsonObject codes = row.getJsonObject(CODES, new JsonObject());
        codes.fieldNames().forEach(code -> flat.put(("zh".equals(language) ? "结束码：" : "Wrap-up code: ") + code,
                codes.getValue(code)));
        return flat;
    }

    /** The value at a dotted id, or null. */
    private static Object at(JsonObject figures, String id) {
        Object at = figures;
        for (String key : id.split("\\.")) {
            at = at instanceof JsonObject object ? object.getValue(key) : null;
        }
        return at;
    }

    private static String part(String label, Term term, String language, String zh) {
        return "zh".equals(language) ? label + "：" + zh : label + ": " + term.words();
    }

    private static String suffix(Figure.Unit unit, String language) {
        return switch (unit) {
            case SECONDS -> "zh".equals(language) ? "（秒）" : " (s)";
            case SCORE -> " (1–5)";
            default -> "";
        };
    }
}
