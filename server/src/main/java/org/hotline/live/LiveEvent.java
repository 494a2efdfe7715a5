package org.hotline.live;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Something that happened, for the screens watching the floor.
 *
 * @param type  what happened, e.g. {@code agent-state}, {@code offered}: lower-case letters, digits, '-' or '.'
 * @param agent the agent it is for, or null when it is for everyone
 * @param data  the details, JSON-compatible values only (String, Number, Boolean, null, and Lists and
 *              Maps with String keys of those); copied, so the publisher may reuse its map
 * @param at    when it happened
 */
public record LiveEvent(String type, String agent, Map<String, Object> data, Instant at) {

    // The type becomes an "event:" line of the stream, so it must be a plain word.
    private static final Pattern TYPE = Pattern.compile("[a-z0-9][a-z0-9.-]{0,63}");
    /** Keys the channel writes itself beside the data. */
    public static final Set<String> RESERVED = Set.of("type", "agent", "at");

    public LiveEvent {
        if (type == null || !TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("event type: expected a lower-case word like agent-state, got " + type);
        }
        if (agent != null && agent.isBlank()) {
            throw new IllegalArgumentException("agent: blank (use null for an event for everyone)");
        }
        Objects.requireNonNull(at, "at");
        Map<String, Object> copy = data == null ? Map.of() : copyMap(data, "data");
        for (String key : RESERVED) {
            if (copy.containsKey(key)) {
                throw new IllegalArgumentException("data." + key + ": reserved, the channel sets it");
            }
        }
        data = copy;
    }

    public static LiveEvent forAgent(String type, String agent, Map<String, Object> data, Instant at) {
        return new LiveEvent(type, Objects.requireNonNull(agent, "agent"), data, at);
    }

    public static LiveEvent forEveryone(String type, Map<String, Object> data, Instant at) {
        return new LiveEvent(type, null, data, at);
    }

    // Copies deeply and checks as it goes: a bad value fails in the publisher's hands, not later on
    // the event loop where nobody would hear of it.
    private static Map<String, Object> copyMap(Map<?, ?> map, String path) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> {
            if (!(key instanceof String name)) {
                throw new IllegalArgumentException(path + ": keys must be strings, got " + key);
            }
            copy.put(name, copyValue(value, path + "." + name));
        });
        return Collections.unmodifiableMap(copy);
    }

    private static Object copyValue(Object value, String path) {
        if (value == null || value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Number number) {
            if ((number instanceof Double || number instanceof Float) && !Double.isFinite(number.doubleValue())) {
                throw new IllegalArgumentException(path + ": " + number + " is not a JSON number");
            }
            return number;
        }
        if (value instanceof Map<?, ?> map) {
            return copyMap(map, path);
        }
        if (value instanceof Collection<?> items) {
            List<Object> copy = new ArrayList<>(items.size());
            int i = 0;
            for (Object item : items) {
                copy.add(copyValue(item, path + "[" + i++ + "]"));
            }
            return Collections.unmodifiableList(copy);
        }
        throw new IllegalArgumentException(path + ": " + value.getClass().getSimpleName()
                + " is not JSON-compatible (String, Number, Boolean, null, List, Map)");
    }
}
