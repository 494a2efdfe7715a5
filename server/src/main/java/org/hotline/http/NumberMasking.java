package org.hotline.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Set;
import org.hotline.access.PhoneMask;

/**
 * Masks customers' phone numbers in an answer for viewers who may not read them: every string under
 * a key that holds a customer's number anywhere in the API, at any depth. The centre's own numbers
 * (a campaign's caller ID) are under other keys and stay as they are.
 */
public final class NumberMasking {

    static final Set<String> NUMBER_KEYS = Set.of("number", "e164", "raw", "customer", "contactPhone", "phone", "caller");

    private NumberMasking() {
    }

    public static JsonObject masked(JsonObject json) {
        JsonObject copy = new JsonObject();
        for (Map.Entry<String, Object> entry : json) {
            copy.put(entry.getKey(), value(entry.getKey(), entry.getValue()));
        }
        return copy;
    }

    private static Object value(String key, Object value) {
        if (value instanceof JsonObject object) {
            return masked(object);
        }
        if (value instanceof Map<?, ?> map) {
            return masked(new JsonObject(castMap(map)));
        }
        if (value instanceof JsonArray array) {
            return maskedArray(key, array);
        }
        if (value instanceof java.util.List<?> list) {
            return maskedArray(key, new JsonArray(list));
        }
        if (value instanceof String text && NUMBER_KEYS.contains(key)) {
            return PhoneMask.mask(text);
        }
        return value;
    }

    private static JsonArray maskedArray(String key, JsonArray array) {
        JsonArray copy = new JsonArray();
        array.forEach(item -> copy.add(value(key, item)));
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
