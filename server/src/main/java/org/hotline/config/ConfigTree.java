package org.hotline.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Typed reads from the parsed configuration by dotted key, with errors that name the key.
 * Remembers which keys were read so that a misspelt key is reported instead of ignored.
 */
final class ConfigTree {

    private final ObjectNode root;
    private final Set<String> read = new HashSet<>();
    /** Keys set from the environment, where a list is one comma-separated value. */
    private final Set<String> overridden = new HashSet<>();

    ConfigTree(ObjectNode root) {
        this.root = root;
    }

    String string(String key, String fallback) {
        JsonNode node = find(key);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isValueNode()) {
            throw new ConfigException(key + ": expected a value, found a section");
        }
        String text = node.asText().strip();
        return text.isEmpty() ? fallback : text;
    }

    String requiredString(String key) {
        String value = string(key, null);
        if (value == null) {
            throw new ConfigException(key + ": is required");
        }
        return value;
    }

    int integer(String key, int fallback, int min, int max) {
        JsonNode node = find(key);
        if (node == null || node.isNull()) {
            return fallback;
        }
        int value;
        if (node.isIntegralNumber() && node.canConvertToInt()) {
            value = node.intValue();
        } else if (node.isTextual() && node.asText().strip().matches("-?\\d{1,9}")) {
            value = Integer.parseInt(node.asText().strip());
        } else {
            throw new ConfigException(key + ": expected a whole number, got '" + node.asText() + "'");
        }
        if (value < min || value > max) {
            throw new ConfigException(key + ": must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }

    boolean bool(String key, boolean fallback) {
        JsonNode node = find(key);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        String text = node.asText().strip();
        if (text.equals("true") || text.equals("false")) {
            return Boolean.parseBoolean(text);
        }
        throw new ConfigException(key + ": expected true or false, got '" + node.asText() + "'");
    }

    double decimal(String key, double fallback, double min, double max) {
        JsonNode node = find(key);
        if (node == null || node.isNull()) {
            return fallback;
        }
        double value;
        if (node.isNumber()) {
            value = node.doubleValue();
        } else {
            try {
                value = Double.parseDouble(node.asText().strip());
            } catch (NumberFormatException e) {
                throw new ConfigException(key + ": expected a number, got '" + node.asText() + "'");
            }
        }
        if (!(value >= min && value <= max)) {
            throw new ConfigException(key + ": must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }

    /** A section of plain values, e.g. the menu's key → choice table, in file order. */
    Map<String, String> table(String key) {
        JsonNode node = find(key);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw new ConfigException(key + ": expected a section of 'key: value' lines");
        }
        Map<String, String> table = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (!entry.getValue().isValueNode()) {
                throw new ConfigException(key + "." + entry.getKey() + ": expected a value");
            }
            read.add(key + "." + entry.getKey());
            table.put(entry.getKey(), entry.getValue().asText().strip());
        }
        return table;
    }

    /** The names in a section (the section counts as read, its contents are the caller's to check); null when absent. */
    Set<String> sections(String key) {
        JsonNode node = find(key);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw new ConfigException(key + ": expected a section of 'name: settings' lines");
        }
        Set<String> names = new java.util.LinkedHashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** A list of plain values, e.g. holiday dates; empty when absent. From the environment: the values comma-separated. */
    List<String> list(String key) {
        JsonNode node = find(key);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (node.isTextual() && overridden.contains(key)) {
            return java.util.Arrays.stream(node.asText().split(",", -1)).map(String::strip).toList();
        }
        if (!node.isArray()) {
            throw new ConfigException(key + ": expected a list, e.g. [\"2026-10-01\"]");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isValueNode()) {
                throw new ConfigException(key + ": expected plain values in the list");
            }
            values.add(item.asText().strip());
        }
        return values;
    }

    /** A list of small sections of plain values, e.g. a queue's wrap-up codes; empty when absent. */
    List<Map<String, String>> records(String key) {
        JsonNode node = find(key);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new ConfigException(key + ": expected a list of sections, e.g. - {id: resolved, zh: 已解决, en: Resolved}");
        }
        List<Map<String, String>> records = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isObject()) {
                throw new ConfigException(key + ": expected a section of 'key: value' lines for each item");
            }
            Map<String, String> record = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = item.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                if (!entry.getValue().isValueNode()) {
                    throw new ConfigException(key + "." + entry.getKey() + ": expected a value");
                }
                record.put(entry.getKey(), entry.getValue().asText().strip());
            }
            records.add(record);
        }
        return records;
    }

    /** Sets a value from outside the file (an environment variable), creating sections as needed. */
    void override(String key, String value) {
        String[] parts = key.split("\\.");
        ObjectNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = node.get(parts[i]);
            if (!(child instanceof ObjectNode)) {
                child = node.putObject(parts[i]);
            }
            node = (ObjectNode) child;
        }
        node.put(parts[parts.length - 1], value);
        overridden.add(key);
    }

    /** Keys present in the file that nothing read: misspellings, or settings of another version. */
    List<String> unread() {
        List<String> unknown = new ArrayList<>();
        collect(root, "", unknown);
        return unknown;
    }

    private void collect(JsonNode node, String prefix, List<String> unknown) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String key = prefix + entry.getKey();
            if (entry.getValue().isObject() && !read.contains(key)) {
                collect(entry.getValue(), key + ".", unknown);
            } else if (!read.contains(key)) {
                unknown.add(key);
            }
        }
    }

    private JsonNode find(String key) {
        read.add(key);
        JsonNode node = root;
        for (String part : key.split("\\.")) {
            if (node == null || !node.isObject()) {
                return null;
            }
            node = node.get(part);
        }
        return node;
    }
}
