package org.hotline.http.calls;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Date;
import java.util.List;
import java.util.Map;

/** A stored call record as API JSON: dates as ISO-8601 instants with milliseconds, the key as {@code id}. */
final class CallJson {

    private CallJson() {
    }

    static JsonObject of(Map<String, Object> record) {
        JsonObject json = new JsonObject();
        record.forEach((key, value) -> json.put(key.equals("_id") ? "id" : key, value(value)));
        return json;
    }

    private static Object value(Object value) {
        if (value instanceof Date date) {
            return date.toInstant().toString();
        }
        if (value instanceof Map<?, ?> map) {
            JsonObject json = new JsonObject();
            map.forEach((key, inner) -> json.put(String.valueOf(key), value(inner)));
            return json;
        }
        if (value instanceof List<?> list) {
            JsonArray array = new JsonArray();
            list.forEach(inner -> array.add(value(inner)));
            return array;
        }
        if (value instanceof String || value instanceof Number || value instanceof Boolean || value == null) {
            return value;
        }
        return String.valueOf(value);
    }
}
