package org.hotline.it;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A table of what Asterisk's events say against what the hotline reports, figure by figure, and
 * the list of every disagreement (collected, never stopping at the first).
 */
final class Agreement {

    /** How close two values must be to agree. */
    record Tolerance(double amount, String note) {
        static final Tolerance EXACT = new Tolerance(0, "");
        static final Tolerance RATIO = new Tolerance(1e-9, "");
        static final Tolerance TIME = new Tolerance(0.050, "±50 ms");
    }

    private record Row(String section, String figure, String expected, String actual, boolean agrees, String note) {
    }

    private final List<Row> rows = new ArrayList<>();

    void check(String section, String figure, Object expected, Object actual, Tolerance tolerance) {
        boolean agrees;
        if (expected instanceof Number e && actual instanceof Number a) {
            agrees = Math.abs(e.doubleValue() - a.doubleValue()) <= tolerance.amount() + 1e-12;
        } else {
            agrees = Objects.equals(text(expected), text(actual));
        }
        rows.add(new Row(section, figure, text(expected), text(actual), agrees, tolerance.note()));
    }

    /** Two moments agree within 50 ms; both absent agrees too. */
    void checkTime(String section, String figure, Instant expected, String actual) {
        Instant reported = actual == null ? null : Instant.parse(actual);
        boolean agrees = expected == null ? reported == null
                : reported != null && Duration.between(expected, reported).abs().toMillis() <= 50;
        String difference = expected != null && reported != null
                ? " (" + Duration.between(expected, reported).toMillis() + " ms)" : "";
        rows.add(new Row(section, figure, expected == null ? "—" : expected.toString(),
                (reported == null ? "—" : reported.toString()) + (agrees ? "" : difference), agrees, "±50 ms"));
    }

    /**
     * Compares a report's figures leaf by leaf with the figures from Asterisk's events; {@code tolerance}
     * picks each leaf's tolerance by its path.
     */
    void checkFigures(String section, JsonObject expected, JsonObject actual, java.util.function.Function<String, Tolerance> tolerance) {
        walk(section, "", expected, actual == null ? new JsonObject() : actual, tolerance);
    }

    private void walk(String section, String path, Object expected, Object actual,
                      java.util.function.Function<String, Tolerance> tolerance) {
        if (expected instanceof JsonObject e) {
            JsonObject a = actual instanceof JsonObject o ? o : new JsonObject();
            if (!(actual instanceof JsonObject) && actual != null) {
                rows.add(new Row(section, path, "(object)", text(actual), false, ""));
                return;
            }
            for (String key : e.fieldNames()) {
                walk(section, path.isEmpty() ? key : path + "." + key, e.getValue(key), a.getValue(key), tolerance);
            }
            return;
        }
        if (expected instanceof JsonArray e && actual instanceof JsonArray a) {
            rows.add(new Row(section, path, e.encode(), a.encode(), e.equals(normalise(a)), ""));
            return;
        }
        check(section, path, expected, actual, tolerance.apply(path));
    }

    private static JsonArray normalise(JsonArray array) {
        JsonArray longs = new JsonArray();
        array.forEach(v -> longs.add(v instanceof Number n ? (Object) n.longValue() : v));
        return longs;
    }

    private static String text(Object value) {
        if (value == null) {
            return "—";
        }
        if (value instanceof Double || value instanceof Float) {
            return java.math.BigDecimal.valueOf(((Number) value).doubleValue()).setScale(4, java.math.RoundingMode.HALF_UP)
                    .stripTrailingZeros().toPlainString();
        }
        if (value instanceof Number n) {
            return String.valueOf(n.longValue());
        }
        return String.valueOf(value);
    }

    List<String> disagreements() {
        return rows.stream().filter(r -> !r.agrees())
                .map(r -> r.section() + " | " + r.figure() + ": Asterisk's events say " + r.expected() + ", the hotline says "
                        + r.actual() + (r.note().isEmpty() ? "" : " (" + r.note() + ")"))
                .toList();
    }

    int size() {
        return rows.size();
    }

    /** The table in Markdown, one section after another. */
    String markdown(String title, List<String> preface) {
        StringBuilder out = new StringBuilder("# ").append(title).append("\n\n");
        preface.forEach(line -> out.append(line).append("\n"));
        String section = null;
        for (Row row : rows) {
            if (!row.section().equals(section)) {
                section = row.section();
                out.append("\n## ").append(section).append("\n\n")
                        .append("| figure | from Asterisk's events | from the report | agrees |\n|---|---|---|---|\n");
            }
            out.append("| ").append(row.figure()).append(row.note().isEmpty() ? "" : " (" + row.note() + ")")
                    .append(" | ").append(row.expected()).append(" | ").append(row.actual())
                    .append(" | ").append(row.agrees() ? "yes" : "**NO**").append(" |\n");
        }
        List<String> wrong = disagreements();
        out.append("\n## Disagreements: ").append(wrong.size()).append(" of ").append(rows.size()).append("\n\n");
        wrong.forEach(line -> out.append("- ").append(line).append("\n"));
        return out.toString();
    }

    void write(Path file, String markdown) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, markdown);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
