package org.hotline.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the percentiles a Micrometer timer publishes from Prometheus text. */
final class Percentiles {

    private Percentiles() {
    }

    static Map<String, Double> of(String prometheusText, String metric) {
        Pattern line = Pattern.compile("^" + Pattern.quote(metric) + "\\{[^}]*quantile=\"([0-9.]+)\"[^}]*} ([0-9.eE+-]+)$",
                Pattern.MULTILINE);
        Map<String, Double> values = new HashMap<>();
        Matcher m = line.matcher(prometheusText);
        while (m.find()) {
            values.put(m.group(1), Double.parseDouble(m.group(2)));
        }
        return values;
    }

    /** Cumulative bucket counts ({@code le} in seconds → count) of a histogram. */
    static java.util.NavigableMap<Double, Double> buckets(String prometheusText, String metric) {
        Pattern line = Pattern.compile("^" + Pattern.quote(metric) + "_bucket\\{[^}]*le=\"([^\"]+)\"[^}]*} ([0-9.eE+-]+)$",
                Pattern.MULTILINE);
        java.util.NavigableMap<Double, Double> buckets = new java.util.TreeMap<>();
        Matcher m = line.matcher(prometheusText);
        while (m.find()) {
            double le = m.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(m.group(1));
            buckets.put(le, Double.parseDouble(m.group(2)));
        }
        return buckets;
    }

    /**
     * The p-th percentile (0-100) of the observations made between two scrapes of a histogram,
     * as the upper bound of the bucket it falls in (Micrometer's buckets are about 10% apart).
     */
    static double between(java.util.NavigableMap<Double, Double> before, java.util.NavigableMap<Double, Double> after, double p) {
        double total = after.lastEntry().getValue() - (before.isEmpty() ? 0 : before.lastEntry().getValue());
        double wanted = Math.ceil(p / 100 * total);
        for (Map.Entry<Double, Double> bucket : after.entrySet()) {
            double count = bucket.getValue() - before.getOrDefault(bucket.getKey(), 0.0);
            if (count >= wanted) {
                return bucket.getKey();
            }
        }
        return Double.NaN;
    }
}
