package org.hotline.store;

import java.time.Instant;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * A stored call record as the rest of the server reads it: the few facts it looks at by name, and
 * the whole record for the calls API, which hands it out as it is kept.
 *
 * @param arrivalAt null for a record that never saw its arrival
 * @param queue     the queue it waited in, or null
 * @param agent     the agent who answered it, or null
 * @param outcome   how its flow ended, or null while it runs
 * @param asStored  every field as kept (nested records as maps, times as dates), in plain Java types
 */
public record CallRecord(String id, Instant arrivalAt, String queue, String agent, String outcome, Map<String, Object> asStored) {

    static CallRecord of(Document call) {
        return new CallRecord(call.getString("_id"), call.get(CallUpdate.ARRIVAL_AT) instanceof Date at ? at.toInstant() : null,
                inner(call, "queue", "name"), inner(call, "agent", "id"), inner(call, "flow", "outcome"),
                plain(call));
    }

    /** A copy in plain Java maps and lists: no driver type leaves the store. */
    private static Map<String, Object> plain(Map<String, Object> document) {
        Map<String, Object> copy = new LinkedHashMap<>();
        document.forEach((key, value) -> copy.put(key, plainValue(value)));
        return Collections.unmodifiableMap(copy);
    }

    @SuppressWarnings("unchecked")
    private static Object plainValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            return plain((Map<String, Object>) map);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(CallRecord::plainValue).toList();
        }
        return value;
    }

    private static String inner(Document call, String field, String name) {
        return call.get(field) instanceof Document inner && inner.get(name) instanceof String value ? value : null;
    }
}
