package org.hotline.http.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The API reference (docs/api-reference.md) written from the HTTP contract: one section per tag, and
 * for each operation its method and path, who may call it, its summary, parameters, body and responses.
 * The contract is the one source; {@link ApiReferenceTest} keeps the committed file equal to this.
 */
final class ApiReference {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    private final JsonNode contract;

    private ApiReference(JsonNode contract) {
        this.contract = contract;
    }

    /** The reference for the contract on the classpath. */
    static String standard() {
        try (InputStream in = ApiReference.class.getClassLoader().getResourceAsStream(ContractCheck.CONTRACT)) {
            return new ApiReference(new YAMLMapper().readTree(in)).text();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String text() {
        StringBuilder out = new StringBuilder();
        out.append("# HTTP API reference\n\n")
                .append("Written from the OpenAPI contract, `server/src/main/resources/openapi/hotline.yaml` (served at\n")
                .append("`GET /api/openapi.yaml`); do not edit it by hand. After changing the contract, write it again with\n")
                .append("`mvn -pl server test -Dtest=ApiReferenceTest -Dhotline.apiReference=write`; the test fails while\n")
                .append("this file differs from the contract. How the API behaves as a whole\n")
                .append("(sessions, CSRF, bad input, TLS) is in [api.md](api.md).\n\n")
                .append("**Permission** is the operation's `x-permission`, which the server reads at start-up to let\n")
                .append("requests in: `anyone`; `logged-in`; `own-desk` (the agent named by the path's `{id}`, or someone\n")
                .append("who supervises); otherwise a permission of the caller's role (`work-calls`, `supervise`,\n")
                .append("`run-campaigns`, `export`, `administer`; see [access.md](access.md)). **Audited as** is its\n")
                .append("`x-audit`: what the audit log records of a call to it.\n\n");
        for (JsonNode tag : contract.path("tags")) {
            out.append("- [").append(tag.path("name").asText()).append("](#").append(tag.path("name").asText())
                    .append(") — ").append(oneLine(tag.path("description").asText())).append('\n');
        }
        for (JsonNode tag : contract.path("tags")) {
            String name = tag.path("name").asText();
            out.append("\n## ").append(name).append("\n\n").append(oneLine(tag.path("description").asText())).append('\n');
            for (Map.Entry<String, JsonNode> path : contract.path("paths").properties()) {
                for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                    if (METHODS.contains(operation.getKey()) && name.equals(operation.getValue().path("tags").path(0).asText())) {
                        operation(out, operation.getKey(), path.getKey(), path.getValue(), operation.getValue());
                    }
                }
            }
        }
        return out.toString();
    }

    private void operation(StringBuilder out, String method, String path, JsonNode item, JsonNode operation) {
        out.append("\n### ").append(method.toUpperCase(java.util.Locale.ROOT)).append(' ').append(path).append("\n\n");
        out.append(oneLine(operation.path("summary").asText())).append('.');
        if (operation.hasNonNull("description")) {
            out.append(' ').append(oneLine(operation.path("description").asText()));
        }
        out.append("\n\n- Operation: `").append(operation.path("operationId").asText()).append("`\n");
        out.append("- Permission: `").append(operation.path("x-permission").asText()).append('`');
        if (operation.hasNonNull("x-audit")) {
            out.append(", audited as `").append(operation.path("x-audit").asText()).append('`');
        }
        out.append('\n');
        List<JsonNode> parameters = new ArrayList<>();
        item.path("parameters").forEach(parameter -> parameters.add(resolve(parameter)));
        operation.path("parameters").forEach(parameter -> parameters.add(resolve(parameter)));
        if (parameters.isEmpty()) {
            out.append("- Parameters: none\n");
        } else {
            out.append("- Parameters:\n\n| Name | In | Required | Schema | Description |\n|---|---|---|---|---|\n");
            for (JsonNode parameter : parameters) {
                out.append("| `").append(parameter.path("name").asText()).append("` | ").append(parameter.path("in").asText())
                        .append(" | ").append(parameter.path("required").asBoolean(false) ? "yes" : "no")
                        .append(" | ").append(cell(schema(parameter.path("schema"))))
                        .append(" | ").append(cell(description(parameter))).append(" |\n");
            }
            out.append('\n');
        }
        body(out, operation.path("requestBody"));
        out.append("- Responses:\n");
        for (Map.Entry<String, JsonNode> response : operation.path("responses").properties()) {
            JsonNode resolved = resolve(response.getValue());
            out.append("  - `").append(response.getKey()).append("` ").append(oneLine(resolved.path("description").asText()));
            List<String> types = new ArrayList<>();
            resolved.path("content").fieldNames().forEachRemaining(types::add);
            if (!types.isEmpty()) {
                out.append(" (").append(String.join(", ", types)).append(')');
            }
            out.append('\n');
        }
    }

    private void body(StringBuilder out, JsonNode body) {
        if (body.isMissingNode()) {
            out.append("- Body: none\n");
            return;
        }
        body = resolve(body);
        out.append("- Body").append(body.path("required").asBoolean(false) ? "" : " (optional)").append(':');
        if (body.hasNonNull("x-body-limit")) {
            out.append(" at most ").append(body.path("x-body-limit").asLong()).append(" bytes;");
        }
        for (Map.Entry<String, JsonNode> media : body.path("content").properties()) {
            JsonNode schema = resolveSchema(media.getValue().path("schema"));
            out.append(" `").append(media.getKey()).append("` ").append(schema(media.getValue().path("schema")));
            if (schema.has("properties")) {
                Set<String> required = new java.util.HashSet<>();
                schema.path("required").forEach(field -> required.add(field.asText()));
                out.append("\n\n| Field | Required | Schema | Description |\n|---|---|---|---|\n");
                for (Map.Entry<String, JsonNode> field : schema.path("properties").properties()) {
                    out.append("| `").append(field.getKey()).append("` | ").append(required.contains(field.getKey()) ? "yes" : "no")
                            .append(" | ").append(cell(schema(field.getValue())))
                            .append(" | ").append(cell(describe(field.getValue()))).append(" |\n");
                }
                out.append('\n');
            } else {
                out.append('\n');
            }
        }
    }

    /** A schema in a few words: its name when it has one, else its type and limits. */
    private String schema(JsonNode schema) {
        if (schema.has("$ref")) {
            String ref = schema.path("$ref").asText();
            String name = ref.substring(ref.lastIndexOf('/') + 1);
            JsonNode named = resolve(schema);
            // a named object is described under its name in the contract; a named value is spelt out here
            return named.has("properties") || named.path("type").asText().equals("object") ? name : name + " (" + schema(named) + ")";
        }
        if (schema.has("enum")) {
            List<String> values = new ArrayList<>();
            schema.path("enum").forEach(value -> values.add(value.asText()));
            return "one of " + String.join(", ", values);
        }
        if (schema.has("oneOf") || schema.has("anyOf")) {
            List<String> choices = new ArrayList<>();
            schema.path(schema.has("oneOf") ? "oneOf" : "anyOf").forEach(choice -> choices.add(schema(choice)));
            return String.join(" or ", choices);
        }
        String type = schema.path("type").isArray() ? join(schema.path("type")) : schema.path("type").asText("any");
        StringBuilder text = new StringBuilder(type);
        if (type.equals("array")) {
            text.append(" of ").append(schema(schema.path("items")));
        }
        if (schema.has("format")) {
            text.append(" (").append(schema.path("format").asText()).append(')');
        }
        limit(text, schema, "minimum", "≥ ");
        limit(text, schema, "maximum", "≤ ");
        limit(text, schema, "minLength", "at least ", " characters");
        limit(text, schema, "maxLength", "at most ", " characters");
        limit(text, schema, "minItems", "at least ", " items");
        limit(text, schema, "maxItems", "at most ", " items");
        if (schema.has("pattern")) {
            text.append(", matching `").append(schema.path("pattern").asText()).append('`');
        }
        if (schema.has("default")) {
            text.append(", default ").append(schema.path("default").asText());
        }
        return text.toString();
    }

    private static void limit(StringBuilder text, JsonNode schema, String keyword, String before) {
        limit(text, schema, keyword, before, "");
    }

    private static void limit(StringBuilder text, JsonNode schema, String keyword, String before, String after) {
        if (schema.has(keyword)) {
            text.append(", ").append(before).append(schema.path(keyword).asText()).append(after);
        }
    }

    private static String join(JsonNode values) {
        List<String> all = new ArrayList<>();
        values.forEach(value -> all.add(value.asText()));
        return String.join(" or ", all);
    }

    private String description(JsonNode parameter) {
        return parameter.hasNonNull("description") ? oneLine(parameter.path("description").asText()) : describe(parameter.path("schema"));
    }

    /** A schema's own description, else that of the schema it names. */
    private String describe(JsonNode schema) {
        if (schema.hasNonNull("description")) {
            return oneLine(schema.path("description").asText());
        }
        return schema.has("$ref") ? describe(resolve(schema)) : "";
    }

    private JsonNode resolve(JsonNode node) {
        return node.has("$ref") ? contract.at(node.path("$ref").asText().substring(1)) : node;
    }

    private JsonNode resolveSchema(JsonNode schema) {
        return schema.has("$ref") ? resolve(schema) : schema;
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s*\\n\\s*", " ");
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
