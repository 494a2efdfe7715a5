package org.hotline.shared;

import java.util.regex.Pattern;

/** The agent's ID (工号), the number they say on outbound calls, e.g. "010". */
public record AgentId(String value) implements Comparable<AgentId> {

    private static final Pattern SHAPE = Pattern.compile("[0-9A-Za-z]{1,16}");

    public AgentId {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("not an agent ID: " + Printable.of(value) + " (1-16 letters or digits)");
        }
    }

    public static boolean isValid(String value) {
        return value != null && SHAPE.matcher(value).matches();
    }

    @Override
    public int compareTo(AgentId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
