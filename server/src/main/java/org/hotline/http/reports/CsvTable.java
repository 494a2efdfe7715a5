package org.hotline.http.reports;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Rows of JSON objects as a CSV download: nested fields become dotted columns
 * ({@code serviceLevel.answered.value}), one column per field any row has.
 */
final class CsvTable {

    private final List<Map<String, Object>> rows = new ArrayList<>();
    private final Set<String> columns = new LinkedHashSet<>();

    CsvTable add(JsonObject row) {
        Map<String, Object> flat = new LinkedHashMap<>();
        flatten("", row, flat);
        columns.addAll(flat.keySet());
        rows.add(flat);
        return this;
    }

    void send(HttpServerResponse response, String fileName) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(columns.toArray(String[]::new)).get())) {
            for (Map<String, Object> row : rows) {
                List<Object> values = new ArrayList<>();
                for (String column : columns) {
                    values.add(row.get(column));
                }
                csv.printRecord(values);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        response.setStatusCode(200)
                .putHeader("content-type", "text/csv; charset=utf-8")
                .putHeader("content-disposition", "attachment; filename=\"" + fileName + "\"")
                .putHeader("cache-control", "no-store")
                .end(out.toString());
    }

    private static void flatten(String prefix, JsonObject object, Map<String, Object> into) {
        for (String key : object.fieldNames()) {
            Object value = object.getValue(key);
            String column = prefix.isEmpty() ? key : prefix + "." + key;
            if (value instanceof JsonObject nested) {
                flatten(column, nested, into);
            } else if (value instanceof JsonArray array) {
                into.put(column, String.join(" ", array.stream().map(String::valueOf).toList()));
            } else {
                into.put(column, value);
            }
        }
    }
}
