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
}
