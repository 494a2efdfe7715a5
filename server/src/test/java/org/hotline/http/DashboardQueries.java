package org.hotline.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PromQL of a Grafana dashboard (panels, annotations, template variables) and the metric
 * names and label matchers in it: what a Prometheus scrape of the server must have for every
 * panel to show something.
 */
final class DashboardQueries {

    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
    private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");
    private static final Pattern SELECTOR = Pattern.compile("([A-Za-z_:][A-Za-z0-9_:]*)?\\s*\\{([^}]*)}");
    private static final Pattern MATCHER = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\s*(?:=~|!~|!=|=)");
    private static final Pattern LABEL_LIST = Pattern.compile("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern WORD = Pattern.compile("(?<![A-Za-z0-9_:.$])([A-Za-z_:][A-Za-z0-9_:]*)(\\s*\\()?");
    private static final Pattern LABEL_VALUES = Pattern.compile("^\\s*label_values\\((.*),\\s*[A-Za-z_][A-Za-z0-9_]*\\s*\\)\\s*$");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without", "on",
            "ignoring", "group_left", "group_right", "inf", "nan", "Inf", "NaN");

    private final List<String> expressions;

    private DashboardQueries(List<String> expressions) {
        this.expressions = expressions;
    }

    static DashboardQueries of(JsonObject dashboard) {
        List<String> found = new ArrayList<>();
        collect(dashboard, found);
        JsonObject templating = dashboard.getJsonObject("templating", new JsonObject());
        for (Object variable : templating.getJsonArray("list", new JsonArray())) {
            JsonObject v = (JsonObject) variable;
            if (!"query".equals(v.getString("type"))) {
                continue;
            }
            Object query = v.getValue("query");
            String text = query instanceof JsonObject object ? object.getString("query") : (String) query;
            Matcher labelValues = LABEL_VALUES.matcher(text);
            found.add(labelValues.matches() ? labelValues.group(1) : text);
        }
        return new DashboardQueries(found);
    }

    /** Every "expr" anywhere: panels (also inside rows) and annotations. */
    private static void collect(Object node, List<String> found) {
        if (node instanceof JsonObject object) {
            for (Map.Entry<String, Object> field : object) {
                if (field.getKey().equals("expr") && field.getValue() instanceof String expr) {
                    found.add(expr);
                } else {
                    collect(field.getValue(), found);
                }
            }
        } else if (node instanceof JsonArray array) {
            array.forEach(item -> collect(item, found));
        }
    }

    List<String> expressions() {
        return expressions;
    }

    /** Each metric name queried, with the labels its selectors match on (job and instance are Prometheus's own). */
    Map<String, Set<String>> metrics() {
        Map<String, Set<String>> metrics = new LinkedHashMap<>();
        expressions.forEach(expression -> metricsOf(expression, metrics));
        return metrics;
    }

    static Map<String, Set<String>> metricsOf(String expression) {
        Map<String, Set<String>> metrics = new LinkedHashMap<>();
        metricsOf(expression, metrics);
        return metrics;
    }

    private static void metricsOf(String expression, Map<String, Set<String>> metrics) {
        String text = RANGE.matcher(expression).replaceAll("");
        Matcher selector = SELECTOR.matcher(text);
        StringBuilder rest = new StringBuilder();
        while (selector.find()) {
            String labels = STRING.matcher(selector.group(2)).replaceAll("\"\"");
            if (selector.group(1) != null && !KEYWORDS.contains(selector.group(1))) {
                Set<String> matched = metrics.computeIfAbsent(selector.group(1), name -> new LinkedHashSet<>());
                Matcher matcher = MATCHER.matcher(labels);
                while (matcher.find()) {
                    if (!matcher.group(1).equals("job") && !matcher.group(1).equals("instance")) {
                        matched.add(matcher.group(1));
                    }
                }
            }
            selector.appendReplacement(rest, " ");
        }
        selector.appendTail(rest);
        String bare = LABEL_LIST.matcher(STRING.matcher(rest).replaceAll(" ")).replaceAll(" ");
        Matcher word = WORD.matcher(bare);
        while (word.find()) {
            boolean function = word.group(2) != null;
            if (!function && !KEYWORDS.contains(word.group(1))) {
                metrics.computeIfAbsent(word.group(1), name -> new LinkedHashSet<>());
            }
        }
    }
}
