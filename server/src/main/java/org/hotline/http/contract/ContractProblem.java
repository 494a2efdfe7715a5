package org.hotline.http.contract;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.OutputUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.hotline.shared.Printable;

/**
 * What is wrong with a parameter or a body by the contract, said as the resources say it:
 * {@code <parameter or field path>: <what is wrong>} ({@code rules.maxLines: a whole number from 1
 * to 200}, {@code "$where": unknown field (by, category, …)}). The client's values are never
 * echoed, and the field names it sent only escaped and cut short ({@link Printable}).
 */
final class ContractProblem {

    /** Keywords that only say a part of the value failed; the part's own error says how. */
    private static final Set<String> APPLICATORS = Set.of("properties", "patternProperties", "items", "prefixItems",
            "contains", "allOf", "anyOf", "oneOf", "not", "if", "then", "else", "dependentSchemas", "propertyNames",
            "$ref", "$dynamicRef", "unevaluatedItems");
    /** Refuse fields a schema does not name; also reported, wrongly, for a named field with a bad value. */
    private static final Set<String> CLOSED = Set.of("additionalProperties", "unevaluatedProperties");
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,39}");
    private static final Pattern INDEX = Pattern.compile("[0-9]{1,9}");
    private static final int LONGEST_NAME = 120;

    private final String parameter;
    private final JsonObject schema;
    private final Object value;
    private final JsonObject contract;

    /**
     * @param parameter the parameter's name, or null for a body
     * @param value     the value checked (to tell which required field is missing)
     * @param contract  the whole contract, for the schemas a {@code $ref} points to
     */
    ContractProblem(String parameter, JsonSchema schema, Object value, JsonObject contract) {
        this.parameter = parameter;
        this.schema = new JsonObject();
        schema.fieldNames().forEach(field -> this.schema.put(field, schema.get(field)));
        this.value = value;
        this.contract = contract;
    }

    /** The first error of {@code result} that names a field and a rule, as "name: what is wrong". */
    String describe(OutputUnit result) {
        List<OutputUnit> errors = result.getErrors() == null || result.getErrors().isEmpty() ? List.of(result) : result.getErrors();
        OutputUnit error = errors.stream().filter(candidate -> saysHow(candidate, errors)).findFirst().orElse(errors.getFirst());
        List<String> rule = pointer(error.getKeywordLocation());
        List<String> field = pointer(error.getInstanceLocation());
        String keyword = rule.isEmpty() ? "" : rule.getLast();
        JsonObject where = schemaAt(rule.subList(0, Math.max(0, rule.size() - 1)));
        return switch (keyword) {
            case "required" -> name(with(field, missing(where, field)), false) + ": is required";
            case "additionalProperties", "unevaluatedProperties" -> name(field, true) + ": unknown field ("
                    + String.join(", ", new TreeSet<>(where.getJsonObject("properties", new JsonObject()).fieldNames())) + ")";
            default -> name(field, false) + ": " + phrase(keyword, where);
        };
    }

    private static boolean saysHow(OutputUnit error, List<OutputUnit> all) {
        String keyword = keyword(error);
        if (APPLICATORS.contains(keyword)) {
            return false;
        }
        return !CLOSED.contains(keyword) || all.stream().noneMatch(other -> other != error
                && other.getInstanceLocation().equals(error.getInstanceLocation())
                && !APPLICATORS.contains(keyword(other)) && !CLOSED.contains(keyword(other)));
    }

    private static String keyword(OutputUnit error) {
        List<String> rule = pointer(error.getKeywordLocation());
        return rule.isEmpty() ? "" : rule.getLast();
    }

    private static String phrase(String keyword, JsonObject where) {
        return switch (keyword) {
            case "type", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf" -> number(where)
                    .orElse("expected " + types(where));
            case "enum" -> "one of " + String.join(", ", where.getJsonArray("enum").stream().map(String::valueOf).toList());
            case "const" -> where.getString("description", "must be " + where.getValue("const"));
            case "pattern" -> where.getString("description", "not in the expected form");
            case "format" -> "expected a " + where.getValue("format");
            case "maxLength" -> "at most " + where.getValue("maxLength") + " characters";
            case "minLength" -> where.getInteger("minLength") == 1 ? "must not be empty"
                    : "at least " + where.getValue("minLength") + " characters";
            case "maxItems" -> "at most " + where.getValue("maxItems") + " items";
            case "minItems" -> "at least " + where.getValue("minItems") + " items";
            default -> "does not match the contract";
        };
    }

    /** "a whole number from 1 to 500" for a numeric schema. */
    private static Optional<String> number(JsonObject where) {
        List<String> types = typeList(where);
        if (!types.contains("integer") && !types.contains("number")) {
            return Optional.empty();
        }
        String kind = types.contains("integer") ? "a whole number" : "a number";
        Object min = where.getValue("minimum");
        Object max = where.getValue("maximum");
        return Optional.of(min != null && max != null ? kind + " from " + min + " to " + max
                : min != null ? kind + " of at least " + min
                : max != null ? kind + " of at most " + max
                : kind);
    }

    private static String types(JsonObject where) {
        List<String> words = new ArrayList<>();
        for (String type : typeList(where)) {
            words.add(switch (type) {
                case "string" -> "text";
                case "integer" -> "a whole number";
                case "number" -> "a number";
                case "boolean" -> "true or false";
                case "object" -> "a JSON object";
                case "array" -> "a list";
                default -> type;
            });
        }
        if (words.size() > 1) {
            words.remove("null"); // "text or null": null is as good as leaving it out
        }
        return String.join(" or ", words);
    }

    private static List<String> typeList(JsonObject where) {
        Object type = where.getValue("type");
        if (type instanceof JsonArray several) {
            return several.stream().map(String::valueOf).toList();
        }
        return type == null ? List.of() : List.of(String.valueOf(type));
    }

    /** The first field {@code where} requires that the object at {@code field} lacks. */
    private String missing(JsonObject where, List<String> field) {
        Object object = value;
        for (String step : field) {
            object = object instanceof JsonObject json ? json.getValue(step)
                    : object instanceof JsonArray array && INDEX.matcher(step).matches() && Integer.parseInt(step) < array.size()
                    ? array.getValue(Integer.parseInt(step)) : null;
        }
        JsonObject present = object instanceof JsonObject json ? json : new JsonObject();
        return where.getJsonArray("required", new JsonArray()).stream().map(String::valueOf)
                .filter(required -> !present.containsKey(required)).findFirst().orElse("a field");
    }

    /** The schema object at a keyword location, following {@code $ref}. */
    private JsonObject schemaAt(List<String> location) {
        Object node = schema;
        for (String step : location) {
            if (step.equals("$ref") && node instanceof JsonObject json) {
                // the contract as loaded has the schema referred to in place of the reference
                node = json.getValue("$ref") instanceof String ref ? resolve(ref) : json;
            } else if (node instanceof JsonObject json) {
                node = json.getValue(step);
            } else if (node instanceof JsonArray array && INDEX.matcher(step).matches() && Integer.parseInt(step) < array.size()) {
                node = array.getValue(Integer.parseInt(step));
            } else {
                node = null;
            }
        }
        return node instanceof JsonObject json ? json : new JsonObject();
    }

    private Object resolve(String ref) {
        Object node = contract;
        for (String step : pointer(ref)) {
            node = node instanceof JsonObject json ? json.getValue(step) : null;
        }
        return node;
    }

    /** The field's name as the resources write it: {@code rules.window.days}, {@code contacts[3].number}. */
    private String name(List<String> field, boolean quoteLast) {
        if (field.isEmpty()) {
            return parameter != null ? parameter : "body";
        }
        StringBuilder name = new StringBuilder(parameter != null ? parameter : "");
        for (int i = 0; i < field.size(); i++) {
            String step = field.get(i);
            if (INDEX.matcher(step).matches()) {
                name.append('[').append(step).append(']');
                continue;
            }
            if (!name.isEmpty()) {
                name.append('.');
            }
            boolean quote = !PLAIN.matcher(step).matches() || (quoteLast && i == field.size() - 1);
            name.append(quote ? Printable.of(step) : step);
        }
        return name.length() > LONGEST_NAME ? name.substring(0, LONGEST_NAME) + "…" : name.toString();
    }

    private static List<String> with(List<String> field, String step) {
        List<String> longer = new ArrayList<>(field);
        longer.add(step);
        return longer;
    }

    /** The steps of a JSON pointer ({@code #/a/b~1c} is a, b/c). */
    private static List<String> pointer(String location) {
        if (location == null) {
            return List.of();
        }
        String path = location.substring(location.indexOf('#') + 1);
        List<String> steps = new ArrayList<>();
        for (String step : path.split("/")) {
            if (!step.isEmpty()) {
                steps.add(step.replace("~1", "/").replace("~0", "~"));
            }
        }
        return steps;
    }
}
