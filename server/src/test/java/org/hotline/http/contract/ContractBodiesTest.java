package org.hotline.http.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every JSON body the API takes is checked against the contract before a resource reads it, so the
 * contract must leave no field open: each field names its type (text is text, never an object, an
 * array or a number stored as its JSON), and no object takes fields it does not list.
 */
class ContractBodiesTest {

    @Test
    void everyFieldOfEveryJsonBodyHasATypeAndNoObjectTakesUnknownFields() throws Exception {
        Map<String, Object> contract;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(ContractCheck.CONTRACT)) {
            contract = new ObjectMapper(new YAMLFactory()).readValue(in, Map.class);
        }
        Map<String, Object> schemas = map(map(contract.get("components")).get("schemas"));
        List<String> open = new ArrayList<>();
        for (var path : map(contract.get("paths")).entrySet()) {
            for (var operation : map(path.getValue()).entrySet()) {
                if (operation.getValue() instanceof Map<?, ?> item && item.get("requestBody") instanceof Map<?, ?> body
                        && map(body.get("content")).get("application/json") instanceof Map<?, ?> json) {
                    walk(json.get("schema"), String.valueOf(item.get("operationId")), schemas, open);
                }
            }
        }
        assertThat(open).as("fields or objects the contract leaves open").isEmpty();
    }

    private static void walk(Object schema, String where, Map<String, Object> schemas, List<String> open) {
        Map<String, Object> s = resolved(schema, schemas);
        for (String combined : List.of("allOf", "anyOf", "oneOf")) {
            if (s.get(combined) instanceof List<?> parts) {
                parts.forEach(part -> walk(part, where, schemas, open));
            }
        }
        if (s.get("properties") instanceof Map<?, ?> properties && isObject(s)) {
            if (!Boolean.FALSE.equals(s.get("additionalProperties")) && !typed(s.get("additionalProperties"), schemas)) {
                open.add(where + ": takes fields it does not list (additionalProperties: false)");
            }
            for (var property : map(properties).entrySet()) {
                if (!typed(property.getValue(), schemas)) {
                    open.add(where + "." + property.getKey() + ": no type");
                }
                walk(property.getValue(), where + "." + property.getKey(), schemas, open);
            }
        } else if (isObject(s) && !typed(s.get("additionalProperties"), schemas)) {
            open.add(where + ": an object whose fields have no type");
        }
        if (s.get("items") != null) {
            if (!typed(s.get("items"), schemas)) {
                open.add(where + "[]: no type");
            }
            walk(s.get("items"), where + "[]", schemas, open);
        }
    }

    /** An object schema (not a fragment of an if/then that only narrows fields of its parent). */
    private static boolean isObject(Map<String, Object> s) {
        Object type = s.get("type");
        return "object".equals(type) || (type instanceof List<?> types && types.contains("object"));
    }

    private static boolean typed(Object schema, Map<String, Object> schemas) {
        if (!(schema instanceof Map<?, ?>)) {
            return false;
        }
        Map<String, Object> s = resolved(schema, schemas);
        return s.containsKey("type") || s.containsKey("enum") || s.containsKey("const")
                || List.of("allOf", "anyOf", "oneOf").stream().anyMatch(s::containsKey);
    }

    private static Map<String, Object> resolved(Object schema, Map<String, Object> schemas) {
        Map<String, Object> s = map(schema);
        while (s.get("$ref") instanceof String ref) {
            s = map(schemas.get(ref.substring(ref.lastIndexOf('/') + 1)));
        }
        return s;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
