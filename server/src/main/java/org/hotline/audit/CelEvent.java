package org.hotline.audit;

import java.time.Instant;

/**
 * One line of Asterisk's channel event log, in the columns {@code config/asterisk/cel_custom.conf} writes.
 *
 * @param type        CHAN_START, ANSWER, HANGUP, BRIDGE_ENTER, USER_DEFINED, … (the event's enum name)
 * @param time        Asterisk's clock, to the microsecond
 * @param uniqueId    the channel's unique id (a hotline call's id is its caller channel's)
 * @param linkedId    shared by every channel of one call: the caller's and the agents' legs
 * @param extra       the event's extra JSON (a hang-up's cause, a user event's text), or empty
 */
public record CelEvent(String type, Instant time, String uniqueId, String linkedId, String channel, String context,
                       String exten, String callerNumber, String appName, String appData, String peer, String userDefType,
                       String extra) {

    static final String CHAN_START = "CHAN_START";
    static final String ANSWER = "ANSWER";
    static final String HANGUP = "HANGUP";
    static final String BRIDGE_ENTER = "BRIDGE_ENTER";
    static final String BRIDGE_EXIT = "BRIDGE_EXIT";
    static final String USER_DEFINED = "USER_DEFINED";

    /** The user event the inbound flow raises as a caller joins a queue: {@code CELGenUserEvent(HOTLINE_QUEUED,<queue>)}. */
    public static final String QUEUED_MARKER = "HOTLINE_QUEUED";
    /** The dialplan's mark of the front door's arrival stamp: {@code CELGenUserEvent(HOTLINE_ARRIVAL,<stamp>)}. */
    static final String ARRIVAL_MARKER = "HOTLINE_ARRIVAL";

    public CelEvent {
        if (type == null || time == null || uniqueId == null || linkedId == null || channel == null) {
            throw new IllegalArgumentException("a CEL event needs its type, time, unique id, linked id and channel");
        }
    }

    boolean is(String eventType) {
        return type.equals(eventType);
    }

    /** A hang-up's Q.850 cause from the extra JSON ({@code "hangupcause":16}), or -1 when it has none. */
    int hangupCause() {
        String value = jsonValue("hangupcause");
        return value != null && value.matches("\\d{1,3}") ? Integer.parseInt(value) : -1;
    }

    /** Who asked for the hang-up ({@code "hangupsource":"dialplan/builtin"}): empty when the other side did. */
    String hangupSource() {
        String value = jsonValue("hangupsource");
        return value == null ? "" : value;
    }

    /** The text of a marker event (the queue of a {@link #QUEUED_MARKER}): the text after the comma of its application data. */
    String markerText() {
        String fromExtra = jsonValue("extra");
        if (fromExtra != null) {
            return fromExtra;
        }
        int comma = appData == null ? -1 : appData.indexOf(',');
        return comma < 0 ? "" : appData.substring(comma + 1).strip();
    }

    /**
     * A value of Asterisk's flat extra JSON, e.g. {@code {"hangupcause":16,"hangupsource":"","dialstatus":"ANSWER"}}.
     * CEL writes only strings and numbers there, never nested objects; a full JSON parser is not needed.
     */
    private String jsonValue(String key) {
        if (extra == null) {
            return null;
        }
        String quoted = "\"" + key + "\":";
        int at = extra.indexOf(quoted);
        if (at < 0) {
            return null;
        }
        int start = at + quoted.length();
        if (start < extra.length() && extra.charAt(start) == '"') {
            int end = extra.indexOf('"', start + 1);
            return end < 0 ? null : extra.substring(start + 1, end);
        }
        int end = start;
        while (end < extra.length() && extra.charAt(end) != ',' && extra.charAt(end) != '}') {
            end++;
        }
        return extra.substring(start, end).strip();
    }
}
