package org.hotline.telephony.ami;

import java.util.List;

/**
 * The events the server reads, asked of Asterisk as the session's filter after every login: the
 * rest (device and extension states, connected lines, bridges made and destroyed, music on hold,
 * every AGI command but the greeting's, key presses begun) were parsed and thrown away, a sixth of
 * the server's work under load. Responses to the server's own actions (channel lists, contacts,
 * statuses) are never filtered. {@code EventsReadTest} keeps the list on every event class the
 * server's code reads.
 */
final class EventsRead {

    /** Asterisk's event names, each read somewhere in the server. */
    static final List<String> NAMES = List.of(
            "Newchannel", "NewCallerid", "Newstate", "Hangup", "HangupRequest", "SoftHangupRequest",
            "DialBegin", "DialEnd", "BridgeEnter", "BridgeLeave", "DTMFEnd", "UserEvent",
            "OriginateResponse", "ContactStatus", "Shutdown", "FullyBooted", "AttendedTransfer", "BlindTransfer",
            "MixMonitorStart", "MixMonitorStop", "MixMonitorMute");

    /** The AGI commands read: the greeting's start and end (its prompts are under hotline/LANG/greeting). */
    static final String GREETING_COMMAND = "/greeting";

    private EventsRead() {
    }

    /** The filter actions that ask Asterisk for these events alone. */
    static List<FilterEventsAction> filters() {
        List<FilterEventsAction> named = NAMES.stream().map(FilterEventsAction::include).toList();
        return java.util.stream.Stream.concat(named.stream(), java.util.stream.Stream.of(
                FilterEventsAction.include("AGIExecStart", "Command", GREETING_COMMAND),
                FilterEventsAction.include("AGIExecEnd", "Command", GREETING_COMMAND))).toList();
    }
}
