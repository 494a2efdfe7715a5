package org.hotline.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.hotline.call.HangupSide;

/**
 * The inbound calls of a stretch of CEL, each with what its record needs (see {@link CelCall}).
 * Checked on Asterisk 22: Playback after Playback on one channel gives one APP_START (with the
 * first prompt) and one APP_END (with the last), so the fallback's greeting shows as the start and
 * its closing notice as the end; a hang-up asked by the dialplan carries {@code hangupsource}
 * {@code dialplan/…}, one asked by an agent's phone that leg's channel name.
 */
public final class CelCalls {

    private static final Pattern GREETING = Pattern.compile("hotline/[a-z]{2}/greeting");
    private static final Pattern FALLBACK = Pattern.compile("hotline/[a-z]{2}/fallback");
    private static final Pattern AGENT_LEG = Pattern.compile("PJSIP/agent-[0-9A-Za-z]{1,16}-[0-9a-f]+");
    private static final String APP_START = "APP_START";
    private static final String APP_END = "APP_END";
    private static final String LINKEDID_END = "LINKEDID_END";
    private static final String PLAYBACK = "Playback";

    /** A hang-up this close to the end of a bridge is what ended it. */
    private static final Duration AT_ONCE = Duration.ofSeconds(1);

    private final CallReconstruction reconstruction;

    /** @see CallReconstruction#CallReconstruction */
    public CelCalls(String hotlineContext, Duration agentRings) {
        this.reconstruction = new CallReconstruction(hotlineContext, agentRings);
    }

    public List<CelCall> of(List<CelEvent> events) {
        Set<String> over = new HashSet<>();
        for (CelEvent event : events) {
            if (event.is(LINKEDID_END)) {
                over.add(event.linkedId());
            }
        }
        List<CelCall> calls = new ArrayList<>();
        for (AuditedCall call : reconstruction.calls(events)) {
            calls.add(facts(call, events, over));
        }
        return calls;
    }

    private static CelCall facts(AuditedCall call, List<CelEvent> events, Set<String> over) {
        CelEvent start = null;
        CelEvent hangup = null;
        CelEvent greetingStart = null;
        CelEvent greetingEnd = null;
        CelEvent fallback = null;
        String callerNumber = "";
        for (CelEvent event : events) {
            if (!event.uniqueId().equals(call.id())) {
                continue;
            }
            if (callerNumber.isEmpty() && event.callerNumber() != null) {
                callerNumber = event.callerNumber(); // a channel's start may come before its caller id is set
            }
            if (start == null && event.is(CelEvent.CHAN_START)) {
                start = event;
            } else if (hangup == null && event.is(CelEvent.HANGUP)) {
                hangup = event;
            } else if (PLAYBACK.equals(event.appName()) && (event.is(APP_START) || event.is(APP_END))) {
                String prompt = event.appData() == null ? "" : event.appData().strip();
                if (GREETING.matcher(prompt).matches()) {
                    if (event.is(APP_START) && greetingStart == null) {
                        greetingStart = event;
                    } else if (event.is(APP_END) && greetingEnd == null) {
                        greetingEnd = event;
                    }
                } else if (FALLBACK.matcher(prompt).matches() && fallback == null) {
                    fallback = event;
                }
            }
        }
        Offer answered = call.offers().stream().filter(offer -> offer.outcome() == OfferOutcome.ANSWERED)
                .findFirst().orElse(null);
        HangupSide side = side(hangup);
        Instant callerLeftAt = side != HangupSide.CALLER ? null
                : call.callerHungUpAt() != null ? call.callerHungUpAt() : hangup.time();
        return new CelCall(call, start.channel(), start.linkedId(), callerNumber,
                start.exten(), hangup == null ? -1 : hangup.hangupCause(), side, callerLeftAt,
                answered == null ? null : answered.agent(), answered == null ? null : answered.leg(),
                talkEndedBy(call, callerLeftAt, hangup, answered, events),
                greetingStart == null ? null : greetingStart.time(), greetingEnd == null ? null : greetingEnd.time(),
                fallback == null ? null : fallback.time(), over.contains(start.linkedId()));
    }

    /** Whose hang-up ended the conversation: the first to go within a moment of the caller leaving the bridge. */
    private static HangupSide talkEndedBy(AuditedCall call, Instant callerLeftAt, CelEvent hangup, Offer answered, List<CelEvent> events) {
        if (call.talkEndedAt() == null || answered == null) {
            return null;
        }
        Instant endBy = call.talkEndedAt().plus(AT_ONCE);
        if (callerLeftAt != null && !callerLeftAt.isAfter(endBy)) {
            return HangupSide.CALLER;
        }
        for (CelEvent event : events) {
            if (event.is(CelEvent.HANGUP) && event.uniqueId().equals(answered.leg()) && !event.time().isAfter(endBy)
                    && !event.hangupSource().startsWith("dialplan/")) {
                return HangupSide.AGENT;
            }
        }
        return hangup != null && !hangup.time().isAfter(endBy) ? HangupSide.HOTLINE : HangupSide.UNKNOWN;
    }

    /**
     * Who asked for the caller channel's hang-up, by its own {@code hangupsource}: the dialplan,
     * an agent's phone, or the caller (nobody, for a Local call's half; the channel itself, for a
     * SIP caller's BYE). Not by the order of a
     * Local call's two halves: Asterisk 22 may log the ;1 half's hang-up microseconds before the
     * ;2 half's that caused it.
     */
    private static HangupSide side(CelEvent hangup) {
        if (hangup == null) {
            return HangupSide.UNKNOWN;
        }
        String source = hangup.hangupSource();
        if (source.startsWith("dialplan/") || source.startsWith("AGI")) {
            return HangupSide.HOTLINE;
        }
        if (AGENT_LEG.matcher(source).matches()) {
            return HangupSide.AGENT;
        }
        // a SIP caller's BYE names their own channel
        return source.isEmpty() || source.equals(hangup.channel()) ? HangupSide.CALLER : HangupSide.UNKNOWN;
    }
}
