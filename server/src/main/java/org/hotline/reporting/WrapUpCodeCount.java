package org.hotline.reporting;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How many calls got each wrap-up code, per report row: grouped like the report's figures by
 * {@code "queue"}, {@code "agent"} or not at all (key {@code ""}). Every row names every code any
 * row has, with 0 where none, so an export has the same columns in every row.
 */
public final class WrapUpCodeCount {

    private WrapUpCodeCount() {
    }

    public static Map<String, SortedMap<String, Long>> byRow(List<CodedCall> calls, Optional<String> by) {
        TreeSet<String> codes = new TreeSet<>();
        Map<String, SortedMap<String, Long>> rows = new TreeMap<>();
        for (CodedCall call : calls) {
            codes.add(call.code());
            String row = by.map(field -> field.equals("queue") ? call.queue() : call.agent()).orElse("");
            rows.computeIfAbsent(row, key -> new TreeMap<>()).merge(call.code(), 1L, Long::sum);
        }
        rows.values().forEach(row -> codes.forEach(code -> row.putIfAbsent(code, 0L)));
        return rows;
    }

    /** Every code any row has, each 0: for a row the period has no coded call of. */
    public static SortedMap<String, Long> none(Map<String, SortedMap<String, Long>> rows) {
        SortedMap<String, Long> zero = new TreeMap<>();
        rows.values().forEach(row -> row.keySet().forEach(code -> zero.put(code, 0L)));
        return zero;
    }
}
