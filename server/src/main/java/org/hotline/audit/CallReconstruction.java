package org.hotline.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hotline.call.ArrivalStampRule;

/**
 * Rebuilds each hotline call from CEL alone, knowing nothing of Hotline's records: the caller channel is the
 * one that started in the hotline's context (not the {@code ;1} half of a Local channel: the {@code ;2} half
 * runs the hotline's dialplan), the agents' legs are the {@code PJSIP/agent-<id>-…} channels of its linked id.
 * Facts checked on Asterisk 22 are in docs/audit.md.
 */
public final class CallReconstruction {

    private static final Pattern AGENT_LEG = Pattern.compile("PJSIP/agent-([0-9A-Za-z]{1,16})-[0-9a-f]+");
    /** Q.850 causes a phone gives when it cannot ring at all, or refuses. */
    private static final int USER_BUSY = 17;
    private static final List<Integer> UNREACHABLE = List.of(3, 20, 27, 34, 38);
    /** A caller's hang-up this close after a ring's end is what ended the ring (Dial cancels at once). */
    private static final Duration CANCEL_WINDOW = Duration.ofSeconds(1);
    /** Dial's own timeout ends a ring a few ms after the agents' limit; a ring ended this close to it rang out. */
    private static final Duration RANG_OUT_SLACK = Duration.ofMillis(100);

    private final String hotlineContext;
    private final Duration agentRings;

    /**
     * @param hotlineContext the dialplan context inbound calls enter ({@code ivr.hotlineContext})
     * @param agentRings     how long an agent's phone rings before the hotline gives up (ring length × rings)
     */
    public CallReconstruction(String hotlineContext, Duration agentRings) {
        this.hotlineContext = hotlineContext;
        this.agentRings = agentRings;
    }

    public List<AuditedCall> calls(List<CelEvent> events) {
        Map<String, List<CelEvent>> byLinkedId = new LinkedHashMap<>();
        for (CelEvent event : events) {
            byLinkedId.computeIfAbsent(event.linkedId(), id -> new ArrayList<>()).add(event);
        }
        List<AuditedCall> calls = new ArrayList<>();
        for (List<CelEvent> group : byLinkedId.values()) {
            boolean legsTaken = false;
            for (CelEvent event : group) {
                if (event.is(CelEvent.CHAN_START) && hotlineContext.equals(event.context())
                        && !event.channel().endsWith(";1") && startsItsCall(event, group)) {
                    calls.add(call(event, group, !legsTaken));
                    legsTaken = true; // two callers in one linked id (never seen): the agents' legs go to the first
                }
            }
        }
        return calls;
    }

    private AuditedCall call(CelEvent start, List<CelEvent> group, boolean withLegs) {
        String id = start.uniqueId();
        CelEvent answer = first(group, CelEvent.ANSWER, id);
        CelEvent hangup = first(group, CelEvent.HANGUP, id);
        CelEvent queued = null;
        CelEvent stamped = null;
        CelEvent talkStart = null; // the hotline bridges a caller only with an agent (waiting is music, not a bridge)
        CelEvent talkEnd = null;
        for (CelEvent event : group) {
            if (!event.uniqueId().equals(id)) {
                continue;
            }
            if (queued == null && isMarker(event, CelEvent.QUEUED_MARKER)) {
                queued = event;
            } else if (stamped == null && isMarker(event, CelEvent.ARRIVAL_MARKER)) {
                stamped = event;
            } else if (talkStart == null && event.is(CelEvent.BRIDGE_ENTER)) {
                talkStart = event;
            } else if (talkStart != null && talkEnd == null && event.is(CelEvent.BRIDGE_EXIT)) {
                talkEnd = event;
            }
        }
        Instant callerHungUpAt = callerHungUpAt(start, group);
        List<Offer> offers = withLegs ? offers(group, callerHungUpAt) : List.of();
        Instant agentAnsweredAt = offers.stream().filter(offer -> offer.outcome() == OfferOutcome.ANSWERED)
                .map(Offer::ringEndedAt).findFirst().orElse(null);
        return new AuditedCall(id, arrival(start, stamped), answer == null ? null : answer.time(),
                queued == null ? null : queued.markerText(), queued == null ? null : queued.time(), offers, agentAnsweredAt,
                talkStart == null ? null : talkStart.time(), talkEnd == null ? null : talkEnd.time(), callerHungUpAt,
                hangup == null ? null : hangup.time());
    }

    /**
     * An inbound caller's channel is the first of its call: its own unique id is the linked id (a Local
     * channel's: its {@code ;1} half's). A channel the hotline dials out to a phone or trunk whose endpoint
     * context is the hotline's also starts there, but carries the linked id of the channel that dialled it.
     */
    private static boolean startsItsCall(CelEvent start, List<CelEvent> group) {
        if (start.uniqueId().equals(start.linkedId())) {
            return true;
        }
        if (!start.channel().endsWith(";2")) {
            return false;
        }
        String callerHalf = start.channel().substring(0, start.channel().length() - 1) + "1";
        for (CelEvent event : group) {
            if (event.is(CelEvent.CHAN_START) && event.channel().equals(callerHalf)) {
                return event.uniqueId().equals(start.linkedId());
            }
        }
        return false;
    }

    private static boolean isMarker(CelEvent event, String marker) {
        // cel_custom writes the event's enum name (USER_DEFINED); its EventType column would be the marker itself
        return (event.is(CelEvent.USER_DEFINED) || event.is(marker)) && marker.equals(event.userDefType());
    }

    /** The front door's stamp where the dialplan marked one that makes sense against the channel's start (as the records take it). */
    private static Instant arrival(CelEvent start, CelEvent stamped) {
        if (stamped == null) {
            return start.time();
        }
        return ArrivalStampRule.parse(stamped.markerText())
                .filter(stamp -> ArrivalStampRule.STANDARD.refusal(stamp, start.time()).isEmpty())
                .orElse(start.time());
    }

    /**
     * When the caller hung up, or null when the hotline or an agent did, by the caller channel's own
     * {@code hangupsource}: the dialplan or AGI ({@code dialplan/…}, {@code AGI…}), an agent's phone, or
     * nobody (the caller: a Local test call's {@code ;2} half hung up from its {@code ;1}) or the channel
     * itself (a SIP caller's BYE). Not by the order of a Local call's two halves: Asterisk 22 logs them
     * either way round.
     */
    private static Instant callerHungUpAt(CelEvent start, List<CelEvent> group) {
        CelEvent hangup = first(group, CelEvent.HANGUP, start.uniqueId());
        if (hangup == null) {
            return null;
        }
        String source = hangup.hangupSource();
        if (source.startsWith("dialplan/") || source.startsWith("AGI") || AGENT_LEG.matcher(source).matches()) {
            return null;
        }
        Instant at = hangup.time();
        if (start.channel().endsWith(";2")) {
            // the caller's moment is their own half's hang-up, logged just before or just after this one
            String callerHalf = start.channel().substring(0, start.channel().length() - 1) + "1";
            for (CelEvent event : group) {
                if (event.is(CelEvent.HANGUP) && event.channel().equals(callerHalf) && event.time().isBefore(at)) {
                    at = event.time();
                }
            }
        }
        return at;
    }

    private List<Offer> offers(List<CelEvent> group, Instant callerHungUpAt) {
        List<Offer> offers = new ArrayList<>();
        for (CelEvent event : group) {
            Matcher leg = AGENT_LEG.matcher(event.channel());
            if (event.is(CelEvent.CHAN_START) && leg.matches()) {
                offers.add(offer(leg.group(1), event, group, callerHungUpAt));
            }
        }
        return offers;
    }

    private Offer offer(String agent, CelEvent start, List<CelEvent> group, Instant callerHungUpAt) {
        CelEvent answer = first(group, CelEvent.ANSWER, start.uniqueId());
        if (answer != null) {
            return new Offer(agent, start.uniqueId(), start.time(), answer.time(), OfferOutcome.ANSWERED);
        }
        CelEvent hangup = first(group, CelEvent.HANGUP, start.uniqueId());
        if (hangup == null) {
            return new Offer(agent, start.uniqueId(), start.time(), null, null); // still ringing when the log ends
        }
        return new Offer(agent, start.uniqueId(), start.time(), hangup.time(), unanswered(start, hangup, callerHungUpAt));
    }

    private OfferOutcome unanswered(CelEvent start, CelEvent hangup, Instant callerHungUpAt) {
        int cause = hangup.hangupCause();
        Duration rang = Duration.between(start.time(), hangup.time());
        if (cause == USER_BUSY) {
            return OfferOutcome.BUSY;
        }
        // Dial's timeout leaves cause 0; the caller's leaving cancels the ring with 16 at once
        if (callerHungUpAt != null && cause != 0 && !callerHungUpAt.isAfter(hangup.time().plus(CANCEL_WINDOW))) {
            return OfferOutcome.CALLER_ABANDONED;
        }
        if (rang.compareTo(agentRings.minus(RANG_OUT_SLACK)) >= 0) {
            return OfferOutcome.NO_ANSWER;
        }
        if (UNREACHABLE.contains(cause)) {
            return OfferOutcome.UNAVAILABLE;
        }
        return OfferOutcome.WITHDRAWN;
    }

    private static CelEvent first(List<CelEvent> group, String type, String uniqueId) {
        for (CelEvent event : group) {
            if (event.is(type) && event.uniqueId().equals(uniqueId)) {
                return event;
            }
        }
        return null;
    }
}
