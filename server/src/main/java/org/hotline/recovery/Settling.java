package org.hotline.recovery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotline.audit.CelCall;
import org.hotline.call.AdoptedCall;
import org.hotline.call.CallEvent;
import org.hotline.call.FlowOutcome;
import org.hotline.call.HangupSide;
import org.hotline.call.Settlement;

/**
 * Decides, for each record an earlier run left open, how Asterisk's facts settle it: a call
 * Asterisk still has is adopted (followed to its end by its events); one already gone is closed
 * from CEL with its true end, side and cause (and its agent and conversation if it was talking);
 * one Asterisk has no end for is closed as lost with the server at the last moment it was known.
 */
final class Settling {

    /** What to do with one open record. */
    sealed interface Verdict {
        String id();

        /** Events to write to the record, in order. */
        List<CallEvent> events();
    }

    record Adopt(String id, AdoptedCall facts, List<CallEvent> events) implements Verdict {
    }

    record Close(String id, Settlement how, List<CallEvent> events) implements Verdict {
    }

    private Settling() {
    }

    /**
     * @param live the unique ids of the channels Asterisk has now
     * @param cel  the calls CEL tells of, by id
     * @param now  when the settling is done (the server's clock: it is the server's act, not a fact of the call)
     */
    static Verdict of(OpenRecord record, Set<String> live, Map<String, CelCall> cel, Instant now) {
        CelCall told = cel.get(record.id());
        if (live.contains(record.id())) {
            return adopt(record, told, now);
        }
        if (told != null && told.endedAt().isPresent()) {
            return closeFromCel(record, told, now);
        }
        return lost(record, now);
    }

    private static Adopt adopt(OpenRecord record, CelCall told, Instant now) {
        List<CallEvent> events = new ArrayList<>();
        String agent = record.agent();
        String leg = record.agentLeg();
        Instant talkingSince = record.talkEnded() ? null : record.talkStartedAt();
        if (told != null && told.agent() != null) {
            if (agent == null) {
                agent = told.agent();
                leg = told.agentLeg();
                events.add(new CallEvent.AgentAnswered(told.call().agentAnsweredAt(), agent));
            }
            if (record.talkStartedAt() == null && told.call().talkStartedAt() != null) {
                talkingSince = told.call().talkStartedAt();
                events.add(new CallEvent.ConversationStarted(talkingSince, agent));
            }
            if (talkingSince != null && told.call().talkEndedAt() != null) {
                events.add(new CallEvent.ConversationEnded(told.call().talkEndedAt(), agent, orUnknown(told.talkEndedBy())));
                talkingSince = null;
            }
        }
        events.add(new CallEvent.Settled(now, Settlement.ADOPTED_LIVE));
        return new Adopt(record.id(), new AdoptedCall(record.arrivalAt(), record.answeredAt(), record.measured(), agent,
                leg != null ? leg : told == null ? null : told.agentLeg(), talkingSince, record.callerLeftAt()), events);
    }

    private static Close closeFromCel(OpenRecord record, CelCall told, Instant now) {
        List<CallEvent> events = new ArrayList<>();
        Instant end = told.endedAt().orElseThrow();
        String agent = record.agent();
        if (told.agent() != null && agent == null) {
            agent = told.agent();
            events.add(new CallEvent.AgentAnswered(told.call().agentAnsweredAt(), agent));
        }
        Instant talkStart = told.call().talkStartedAt();
        if (agent != null && talkStart != null && record.talkStartedAt() == null) {
            events.add(new CallEvent.ConversationStarted(talkStart, agent));
        }
        if (agent != null && (talkStart != null || record.talkStartedAt() != null) && !record.talkEnded()) {
            Instant talkEnd = told.call().talkEndedAt() != null ? told.call().talkEndedAt() : end;
            events.add(new CallEvent.ConversationEnded(talkEnd, agent, orUnknown(told.talkEndedBy())));
        }
        if (told.callerLeftAt() != null && record.callerLeftAt() == null) {
            events.add(new CallEvent.CallerLeft(told.callerLeftAt()));
        }
        events.add(new CallEvent.FlowEnded(end, outcome(agent != null, told)));
        events.add(new CallEvent.Settled(now, Settlement.CLOSED_FROM_CEL));
        events.add(new CallEvent.Ended(end, Math.max(told.cause(), 0), "closed from Asterisk's CEL", told.side()));
        return new Close(record.id(), Settlement.CLOSED_FROM_CEL, events);
    }

    /** Talked to an agent; left before Asterisk's fallback said anything; or the fallback closed the call. */
    private static FlowOutcome outcome(boolean talked, CelCall told) {
        if (talked) {
            return FlowOutcome.CONNECTED;
        }
        return told.side() == HangupSide.CALLER && !told.fallbackSpoke() ? FlowOutcome.CALLER_HUNG_UP : FlowOutcome.FAILED;
    }

    private static Close lost(OpenRecord record, Instant now) {
        List<CallEvent> events = new ArrayList<>();
        Instant at = record.lastKnownAt();
        if (record.agent() != null && record.talkStartedAt() != null && !record.talkEnded()) {
            events.add(new CallEvent.ConversationEnded(at, record.agent(), HangupSide.UNKNOWN));
        }
        events.add(new CallEvent.FlowEnded(at, FlowOutcome.LOST_WITH_SERVER));
        events.add(new CallEvent.Settled(now, Settlement.LOST_WITH_SERVER));
        events.add(new CallEvent.Ended(at, 0, "lost with the server: Asterisk kept no trace of its end", HangupSide.UNKNOWN));
        return new Close(record.id(), Settlement.LOST_WITH_SERVER, events);
    }

    private static HangupSide orUnknown(HangupSide side) {
        return side == null ? HangupSide.UNKNOWN : side;
    }
}
