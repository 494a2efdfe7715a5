package org.hotline.it;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.asteriskjava.manager.event.AgiExecStartEvent;
import org.asteriskjava.manager.event.BridgeEnterEvent;
import org.asteriskjava.manager.event.BridgeLeaveEvent;
import org.asteriskjava.manager.event.DialBeginEvent;
import org.asteriskjava.manager.event.DialEndEvent;
import org.asteriskjava.manager.event.DtmfEndEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.HangupRequestEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.NewStateEvent;

/**
 * What Asterisk's own AMI events say happened on each call, read without the server under test:
 * its records are never looked at here. Times are Asterisk's event {@code Timestamp}s.
 *
 * <ul>
 *   <li>arrival: Newchannel of the hotline side of the call ({@code Local/...@hotline-xxxx;2}, the call id)</li>
 *   <li>the hotline's answer: its Newstate Up</li>
 *   <li>joining the queue: the AgiExecStart of {@code EXEC CELGenUserEvent HOTLINE_QUEUED,<queue>}; on a
 *       server without that marker, the first {@code SET MUSIC ON} after the caller's menu key (FALLBACK)</li>
 *   <li>each offer to an agent: DialBegin/DialEnd on the caller's channel (DestChannel PJSIP/agent-&lt;id&gt;-…);
 *       DialEnd ANSWER is the agent's answer</li>
 *   <li>the conversation: the caller channel's BridgeEnter/BridgeLeave; who ended it: whose HangupRequest came first</li>
 *   <li>the caller hanging up: HangupRequest on the caller's channel (the hotline's own hang-up is a SoftHangupRequest)</li>
 *   <li>prompts (greeting, menu, apology, survey): the AgiExecStart of their STREAM FILE, if the caller had not
 *       hung up yet (the survey is offered only to a caller still there); the survey's score:
 *       the caller's key (DtmfEnd) after the survey question started</li>
 * </ul>
 */
final class AsteriskTruth {

    /** How an offer ended, by the contract's names. */
    enum Outcome {
        ANSWERED("answered"), NO_ANSWER("no-answer"), BUSY("busy"), UNAVAILABLE("unavailable"),
        CALLER_ABANDONED("caller-abandoned"), WITHDRAWN("withdrawn");

        final String id;

        Outcome(String id) {
            this.id = id;
        }

        /** In the agents' three-ring figure: the agent could have answered it. */
        boolean countsForTheAgent() {
            return this != CALLER_ABANDONED && this != WITHDRAWN;
        }
    }

    /** How the moment the caller joined the queue was found. */
    enum EnqueueSource { MARKER, FALLBACK_FIRST_MUSIC_AFTER_CHOICE }

    /** One ring of an agent's phone for the call. */
    record Offer(String callId, String agent, String leg, Instant ringStartedAt, Instant ringEndedAt, String dialStatus,
                 Outcome outcome) {
        Duration ring() {
            return Duration.between(ringStartedAt, ringEndedAt);
        }
    }

    /** One call, as Asterisk saw it. Absent moments are null. */
    record Call(String id, String channel, Instant arrivalAt, Instant systemAnsweredAt, Instant greetingStartedAt,
                Instant menuStartedAt, String queue, Instant enqueuedAt, EnqueueSource enqueueSource, List<Offer> offers,
                Instant conversationStartedAt, Instant conversationEndedAt, String endedBy, Instant callerHungUpAt,
                Instant endedAt, Instant apologyAt, Instant surveyOfferedAt, Integer surveyScore) {

        boolean queued() {
            return enqueuedAt != null;
        }

        Optional<Offer> answeredOffer() {
            return offers.stream().filter(o -> o.outcome() == Outcome.ANSWERED).findFirst();
        }

        /** The agent who talked to the caller, or null. */
        String agent() {
            return answeredOffer().map(Offer::agent).orElse(null);
        }

        /** DialEnd ANSWER of the answered offer. */
        Instant agentAnsweredAt() {
            return answeredOffer().map(Offer::ringEndedAt).orElse(null);
        }

        boolean agentAnswered() {
            return queued() && agentAnsweredAt() != null;
        }

        /** Queued, never agent-answered, and the caller hung up after joining: when they did. */
        Instant abandonedAt() {
            return queued() && agentAnsweredAt() == null && callerHungUpAt != null && !callerHungUpAt.isBefore(enqueuedAt)
                    ? callerHungUpAt : null;
        }

        boolean abandonedDuringRing() {
            return abandonedAt() != null && offers.stream().anyMatch(o -> o.outcome() == Outcome.CALLER_ABANDONED);
        }

        Optional<Duration> waitForAgent() {
            return agentAnswered() ? Optional.of(Duration.between(enqueuedAt, agentAnsweredAt())) : Optional.empty();
        }

        Optional<Duration> waitBeforeAbandon() {
            return abandonedAt() == null ? Optional.empty() : Optional.of(Duration.between(enqueuedAt, abandonedAt()));
        }

        Optional<Duration> talk() {
            return conversationStartedAt == null || conversationEndedAt == null ? Optional.empty()
                    : Optional.of(Duration.between(conversationStartedAt, conversationEndedAt));
        }

        boolean surveyOffered() {
            return surveyOfferedAt != null;
        }
    }

    private static final Pattern PROMPT = Pattern.compile("STREAM FILE \"?hotline/[a-z]{2}/([a-z-]+)\"?(\\s|$)");
    private static final Pattern QUEUED_MARKER = Pattern.compile("CELGenUserEvent\"?\\s+\"?HOTLINE_QUEUED,([A-Za-z0-9_-]+)");
    private static final Pattern AGENT_LEG = Pattern.compile("PJSIP/agent-([0-9]+)-[0-9a-f]+");

    private AsteriskTruth() {
    }

    /**
     * @param events      every event the test's own AMI connection received
     * @param menuChoices the test script's menu key per call id, as the queue it names (for the fallback), or absent
     */
    static Map<String, Call> of(List<ManagerEvent> events, Map<String, String> menuChoices, Map<String, Character> keys) {
        Map<String, List<ManagerEvent>> byCall = new LinkedHashMap<>();
        for (ManagerEvent event : events) {
            if (event.getTimestamp() == null) {
                continue; // synthesised by asterisk-java (e.g. the legacy BridgeEvent): no Asterisk time
            }
            String id = switch (event) {
                case org.asteriskjava.manager.event.AbstractChannelEvent channel -> channel.getUniqueId();
                case org.asteriskjava.manager.event.AgiExecEvent agi -> agi.getUniqueId();
                case org.asteriskjava.manager.event.DtmfEvent dtmf -> dtmf.getUniqueId();
                case org.asteriskjava.manager.event.DialEvent dial -> dial.getUniqueId();
                case BridgeEnterEvent enter -> enter.getUniqueId();
                case BridgeLeaveEvent leave -> leave.getUniqueId();
                default -> null;
            };
            if (id != null) {
                byCall.computeIfAbsent(id, k -> new ArrayList<>()).add(event); // a call's events, or an agent leg's
            }
        }
        Map<String, Call> calls = new LinkedHashMap<>();
        for (Map.Entry<String, String> choice : menuChoices.entrySet()) {
            List<ManagerEvent> mine = new ArrayList<>(byCall.getOrDefault(choice.getKey(), List.of()));
            mine.sort(Comparator.comparing(AsteriskTruth::at));
            calls.put(choice.getKey(), call(choice.getKey(), mine, choice.getValue(), keys.get(choice.getKey()), byCall));
        }
        return calls;
    }

    private static Call call(String id, List<ManagerEvent> mine, String chosenQueue, Character key,
                             Map<String, List<ManagerEvent>> byLeg) {
        NewChannelEvent created = first(mine, NewChannelEvent.class, e -> true);
        if (created == null) {
            throw new AssertionError("call " + id + ": Asterisk sent no Newchannel for it");
        }
        NewStateEvent up = first(mine, NewStateEvent.class, e -> Integer.valueOf(6).equals(e.getChannelState()));
        HangupRequestEvent callerHangUp = first(mine, HangupRequestEvent.class, e -> true);
        Instant callerHungUpAt = callerHangUp == null ? null : at(callerHangUp);
        // A prompt counts when it started while the caller was still there (the script may go on a moment after a hang-up).
        Instant greeting = promptAt(mine, "greeting", callerHungUpAt);
        Instant menu = promptAt(mine, "menu", callerHungUpAt);
        Instant apology = promptAt(mine, "apology", callerHungUpAt);
        Instant survey = promptAt(mine, "survey", callerHungUpAt);
        HangupEvent hangup = first(mine, HangupEvent.class, e -> true);

        // Joining the queue: Asterisk's record of the server's marker; else the hold music after the menu key.
        String queue = null;
        Instant enqueuedAt = null;
        EnqueueSource source = null;
        for (ManagerEvent event : mine) {
            if (event instanceof AgiExecStartEvent start && start.getCommand() != null) {
                Matcher marker = QUEUED_MARKER.matcher(start.getCommand());
                if (marker.find()) {
                    queue = marker.group(1);
                    enqueuedAt = at(start);
                    source = EnqueueSource.MARKER;
                    break;
                }
            }
        }
        if (enqueuedAt == null && key != null && menu != null) {
            // FALLBACK (a server without the HOTLINE_QUEUED marker): the first SET MUSIC ON after the caller's menu key.
            DtmfEndEvent choice = first(mine, DtmfEndEvent.class, e -> !at(e).isBefore(menu)
                    && String.valueOf(key).equals(e.getDigit()) && !"Sent".equalsIgnoreCase(e.getDirection()));
            if (choice != null) {
                AgiExecStartEvent music = first(mine, AgiExecStartEvent.class, e -> !at(e).isBefore(at(choice))
                        && e.getCommand() != null && e.getCommand().startsWith("SET MUSIC ON"));
                if (music != null) {
                    queue = chosenQueue;
                    enqueuedAt = at(music);
                    source = EnqueueSource.FALLBACK_FIRST_MUSIC_AFTER_CHOICE;
                }
            }
        }

        List<Offer> offers = new ArrayList<>();
        for (ManagerEvent event : mine) {
            if (event instanceof DialBeginEvent begin && begin.getDestChannel() != null) {
                Matcher agent = AGENT_LEG.matcher(begin.getDestChannel());
                if (!agent.matches()) {
                    continue;
                }
                DialEndEvent end = first(mine, DialEndEvent.class, e -> begin.getDestUniqueId().equals(e.getDestUniqueId()));
                if (end == null) {
                    throw new AssertionError("call " + id + ": a DialBegin to " + begin.getDestChannel() + " without a DialEnd");
                }
                String status = end.getDialStatus();
                Outcome outcome = switch (status == null ? "" : status) {
                    case "ANSWER" -> Outcome.ANSWERED;
                    case "NOANSWER" -> Outcome.NO_ANSWER;
                    case "BUSY" -> Outcome.BUSY;
                    case "CANCEL" -> callerHungUpAt != null && !callerHungUpAt.isAfter(at(end))
                            ? Outcome.CALLER_ABANDONED : Outcome.WITHDRAWN;
                    default -> Outcome.UNAVAILABLE; // CHANUNAVAIL, CONGESTION
                };
                offers.add(new Offer(id, agent.group(1), begin.getDestUniqueId(), at(begin), at(end), status, outcome));
            }
        }

        BridgeEnterEvent enter = first(mine, BridgeEnterEvent.class, e -> true);
        Instant talkStart = enter == null ? null : at(enter);
        BridgeLeaveEvent leave = talkStart == null ? null
                : first(mine, BridgeLeaveEvent.class, e -> !at(e).isBefore(talkStart));
        String endedBy = null;
        if (leave != null) {
            Offer answered = offers.stream().filter(o -> o.outcome() == Outcome.ANSWERED).findFirst().orElse(null);
            Instant agentHangUp = answered == null ? null : byLeg.getOrDefault(answered.leg(), List.of()).stream()
                    .filter(HangupRequestEvent.class::isInstance).map(AsteriskTruth::at).min(Instant::compareTo).orElse(null);
            Instant conversationEnd = at(leave);
            boolean agentFirst = agentHangUp != null && !agentHangUp.isAfter(conversationEnd)
                    && (callerHungUpAt == null || agentHangUp.isBefore(callerHungUpAt));
            boolean callerFirst = callerHungUpAt != null && !callerHungUpAt.isAfter(conversationEnd) && !agentFirst;
            endedBy = agentFirst ? "agent" : callerFirst ? "caller" : "unknown";
        }
        Integer score = null;
        if (survey != null) {
            Instant until = callerHungUpAt != null ? callerHungUpAt : hangup == null ? Instant.MAX : at(hangup);
            DtmfEndEvent pressed = first(mine, DtmfEndEvent.class, e -> !at(e).isBefore(survey) && at(e).isBefore(until)
                    && e.getDigit() != null && e.getDigit().matches("[1-5]") && !"Sent".equalsIgnoreCase(e.getDirection()));
            score = pressed == null ? null : Integer.parseInt(pressed.getDigit());
        }
        return new Call(id, created.getChannel(), at(created), up == null ? null : at(up), greeting, menu, queue, enqueuedAt,
                source, List.copyOf(offers), talkStart, leave == null ? null : at(leave), endedBy, callerHungUpAt,
                hangup == null ? null : at(hangup), apology, survey, score);
    }

    private static Instant promptAt(List<ManagerEvent> events, String prompt, Instant callerGone) {
        AgiExecStartEvent start = first(events, AgiExecStartEvent.class, e -> {
            if (e.getCommand() == null || callerGone != null && !at(e).isBefore(callerGone)) {
                return false;
            }
            Matcher m = PROMPT.matcher(e.getCommand());
            return m.find() && m.group(1).equals(prompt);
        });
        return start == null ? null : at(start);
    }

    private static <T extends ManagerEvent> T first(List<ManagerEvent> events, Class<T> type, java.util.function.Predicate<T> test) {
        for (ManagerEvent event : events) {
            if (type.isInstance(event) && test.test(type.cast(event))) {
                return type.cast(event);
            }
        }
        return null;
    }

    static Instant at(ManagerEvent event) {
        return TestAmi.at(event);
    }
}
