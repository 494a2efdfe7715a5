package org.hotline.call;

import org.hotline.shared.CallId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Follows the calls in progress: merges what the AMI stream and the inbound flow report about
 * each call, derives the ring rule's verdict once arrival and answer are both known, decides who
 * hung up, and hands every event to the journal. The agents' legs are Asterisk's alone: each
 * offer's ring, the agent's answer and the conversation are put together here from Asterisk's
 * dial, bridge and hang-up events, with their timestamps. Not thread-safe: the caller runs it on
 * one thread (apart from {@link #arrivalOf}, which any thread may read).
 */
public final class CallTracker implements CallEventSink {

    /** Bounds memory if hang-ups are missed (e.g. while AMI was down); resync clears such calls. */
    private static final int MAX_LIVE = 10_000;
    private static final int MAX_RECENTLY_ENDED = 2_000;
    /**
     * Asterisk hangs its channels up as it shuts down and announces the shutdown only after:
     * calls that ended this shortly before its announcement were cut by it.
     */
    private static final java.time.Duration CUT_BY_SHUTDOWN = java.time.Duration.ofSeconds(3);
    /** Channels whose events are kept while adoptions are pending (start-up only). */
    private static final int MAX_UNCLAIMED = 5_000;

    private final RingPolicy rings;
    private final CallJournal journal;
    private final Map<CallId, LiveCall> live = new HashMap<>();
    /** Agent legs (Asterisk channel ids) of the calls in progress, to the call they ring for. */
    private final Map<String, CallId> legs = new HashMap<>();
    private final Map<CallId, Instant> arrivals = new ConcurrentHashMap<>();
    /**
     * Calls whose channel is gone, for the flow's last words: Asterisk ends the FastAGI session
     * the moment a channel hangs up (AGIEXITONHANGUP, which its deadline to answer needs), so the
     * flow's closing events (outcome, abandon) can come after Asterisk's hang-up. Each keeps its
     * end as recorded as well: a shutdown announced just after may claim it.
     */
    private final Map<CallId, EndedCall> recentlyEnded = new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<CallId, EndedCall> eldest) {
            return size() > MAX_RECENTLY_ENDED;
        }
    };
    /**
     * Events of channels the tracker does not follow, kept from start-up until the calls an
     * earlier run left are adopted: a call that ends while it is being adopted keeps its end.
     */
    private Map<String, List<CallEvent>> unclaimed = new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<CallEvent>> eldest) {
            return size() > MAX_UNCLAIMED;
        }
    };

    public CallTracker(RingPolicy rings, CallJournal journal) {
        this.rings = rings;
        this.journal = journal;
    }

    @Override
    public void publish(CallId id, CallEvent event) {
        LiveCall call = live.get(id);
        if (call == null && recentlyEnded.containsKey(id)) {
            afterEnd(id, recentlyEnded.get(id).call, event);
            return;
        }
        if (call == null) {
            CallId owner = legs.get(id.value());
            if (owner != null) {
                onAgentLeg(owner, live.get(owner), id.value(), event);
                return;
            }
            if (!opensCall(event) || live.size() >= MAX_LIVE) {
                keepUnclaimed(id, event);
                return; // not a hotline call (e.g. the other half of a Local channel), or already over
            }
            call = new LiveCall();
            live.put(id, call);
        }
        switch (event) {
            case CallEvent.FlowStarted ignored -> {
                // An adopted call taken back by this server's flow: the flow owns it again, and its
                // outcome is the call's (no second one from the adoption at the end).
                call.adopted = false;
            }
            case CallEvent.Arrived arrived -> {
                if (call.node == null) {
                    call.node = arrived.node();
                }
                if (call.arrival != null) {
                    return; // a call arrives once: the first arrival Asterisk reported stands
                }
                call.arrival = arrived.at();
                arrivals.put(id, arrived.at());
            }
            case CallEvent.ArrivalStamped stamped -> {
                if (call.arrival == null || call.stamped) {
                    return; // the channel's own arrival was missed, or the call has its stamp already
                }
                Optional<String> refusal = call.answer != null
                        ? Optional.of("reported after the answer")
                        : ArrivalStampRule.STANDARD.refusal(stamped.at(), call.arrival);
                if (refusal.isPresent()) {
                    event = new CallEvent.ArrivalStampRefused(stamped.reportedAt(), stamped.at(), refusal.get());
                } else {
                    // the call reached the centre when the front door saw it, not when Asterisk got round to it
                    call.stamped = true;
                    call.arrival = stamped.at();
                    arrivals.put(id, stamped.at());
                }
            }
            case CallEvent.Answered answered -> {
                if (call.answer != null) {
                    return; // a channel goes up once; repeats carry nothing new
                }
                call.answer = answered.at();
                if (call.fallbackAnswering) {
                    journal.append(id, answered);
                    event = new CallEvent.AnsweredByFallback(answered.at());
                }
            }
            case CallEvent.FallbackAnswering ignored -> {
                // Asterisk's events come in order: the fallback's Answer goes up next, unless the
                // server answered first (then the fallback's Answer changes nothing).
                call.fallbackAnswering = call.answer == null;
                return;
            }
            case CallEvent.HangupRequested ignored -> call.hungUpByHotline = true;
            case CallEvent.AgentRingStarted ring -> {
                ringStarted(id, call, ring);
                return;
            }
            case CallEvent.AgentRingEnded ring -> {
                ringEnded(id, call, ring);
                return;
            }
            case CallEvent.HangupAsked asked -> {
                if (call.callerLeftAt != null || call.cutByAsteriskAt != null) {
                    // the second of two, or Asterisk hanging up its channels as it goes away: not the caller's doing
                    return;
                }
                call.callerLeftAt = asked.at();
                event = new CallEvent.CallerLeft(asked.at());
            }
            case CallEvent.BridgeEntered entered -> {
                if (call.answeredBy == null || call.talkingSince != null) {
                    return; // not a conversation with an agent the tracker saw answer
                }
                call.talkingSince = entered.at();
                call.talked = true;
                event = new CallEvent.ConversationStarted(entered.at(), call.answeredBy.agent);
            }
            case CallEvent.BridgeLeft left -> {
                if (call.talkingSince == null) {
                    return;
                }
                event = conversationEnded(call, left.at());
            }
            case CallEvent.Abandoned abandoned -> {
                if (call.callerLeftAt == null) {
                    call.heldAbandon = abandoned; // Asterisk's hang-up time is on its way: it is the abandon's time
                    return;
                }
                event = new CallEvent.Abandoned(call.callerLeftAt, abandoned.position(), abandoned.duringRing());
            }
            case CallEvent.Ended ended -> {
                closeLeftovers(id, call, ended.at());
                if (call.cutByAsteriskAt != null) {
                    journal.append(id, new CallEvent.FlowEnded(ended.at(), FlowOutcome.LOST_WITH_ASTERISK));
                    journal.append(id, new CallEvent.Settled(ended.at(), Settlement.LOST_WITH_ASTERISK));
                    event = ended.withSide(HangupSide.ASTERISK);
                } else if (call.adopted) {
                    journal.append(id, new CallEvent.FlowEnded(ended.at(),
                            call.talked ? FlowOutcome.CONNECTED : FlowOutcome.FAILED));
                    event = ended.side() != null ? ended : ended.withSide(call.callerLeftAt != null ? HangupSide.CALLER
                            : call.agentLeftAt != null ? HangupSide.AGENT : HangupSide.HOTLINE);
                } else if (ended.side() == null) {
                    event = ended.withSide(call.hungUpByHotline ? HangupSide.HOTLINE : HangupSide.CALLER);
                }
                live.remove(id);
                arrivals.remove(id);
                recentlyEnded.put(id, new EndedCall(call, (CallEvent.Ended) event));
            }
            default -> {
            }
        }
        journal.append(id, event);
        if (event instanceof CallEvent.CallerLeft && call.heldAbandon != null) {
            CallEvent.Abandoned held = call.heldAbandon;
            call.heldAbandon = null;
            journal.append(id, new CallEvent.Abandoned(call.callerLeftAt, held.position(), held.duringRing()));
        }
        if (!call.measured && call.arrival != null && call.answer != null) {
            call.measured = true;
            journal.append(id, new CallEvent.AnswerMeasured(call.answer, rings.measure(call.arrival, call.answer)));
        }
    }

    /** The flow's events that come after Asterisk's hang-up; anything Asterisk says of a gone channel is stale. */
    private void afterEnd(CallId id, LiveCall call, CallEvent event) {
        switch (event) {
            case CallEvent.Abandoned abandoned -> journal.append(id, new CallEvent.Abandoned(
                    call.callerLeftAt != null ? call.callerLeftAt : abandoned.at(), abandoned.position(), abandoned.duringRing()));
            case CallEvent.FlowEnded ended -> journal.append(id, ended);
            case CallEvent.CallbackRequested requested -> journal.append(id, requested);
            case CallEvent.MessageLeft left -> journal.append(id, left); // most messages end with the caller's hang-up
            case CallEvent.SurveyOffered offered -> journal.append(id, offered);
            case CallEvent.SurveyAnswered answered -> journal.append(id, answered);
            case CallEvent.LeftQueue left -> journal.append(id, left);
            case CallEvent.ChoiceMade choice -> journal.append(id, choice);
            case CallEvent.NoInput noInput -> journal.append(id, noInput);
            case CallEvent.InvalidKey invalid -> journal.append(id, invalid);
            // the agent's leg and its recording close after the caller's hang-up
            case CallEvent.RecordingEnded ended -> journal.append(id, ended);
            case CallEvent.RecordingStarted started -> journal.append(id, started);
            case CallEvent.RecordingPaused paused -> journal.append(id, paused);
            case CallEvent.RecordingResumed resumed -> journal.append(id, resumed);
            default -> {
            }
        }
    }

    private void ringStarted(CallId id, LiveCall call, CallEvent.AgentRingStarted ring) {
        if (ring.leg() == null || call.ringing.containsKey(ring.leg())) {
            return;
        }
        call.ringing.put(ring.leg(), new Ring(ring.agent(), ring.at()));
        legs.put(ring.leg(), id);
        journal.append(id, new CallEvent.Offered(ring.at(), ring.agent()));
    }

    private void ringEnded(CallId id, LiveCall call, CallEvent.AgentRingEnded end) {
        Ring ring = call.ringing.remove(end.leg());
        if (ring == null) {
            return;
        }
        AgentLeg.Outcome outcome = AgentLeg.Outcome.ofDialStatus(end.dialStatus(), call.callerLeftAt != null);
        journal.append(id, new CallEvent.OfferEnded(end.at(), ring.agent, ring.startedAt, outcome, end.leg(), end.dialStatus()));
        if (outcome == AgentLeg.Outcome.ANSWERED) {
            call.answeredBy = ring;
            call.answeredLeg = end.leg();
            call.agentLeftAt = null;
            journal.append(id, new CallEvent.AgentAnswered(end.at(), ring.agent));
        } else {
            legs.remove(end.leg());
        }
    }

    /** Asterisk's events of an agent's leg: only its hang-up request matters (who ended the conversation). */
    private void onAgentLeg(CallId owner, LiveCall call, String leg, CallEvent event) {
        if (event instanceof CallEvent.HangupAsked asked && call != null && leg.equals(call.answeredLeg)
                && call.agentLeftAt == null) {
            call.agentLeftAt = asked.at();
        } else if (event instanceof CallEvent.Ended) {
            legs.remove(leg);
        }
    }

    private CallEvent.ConversationEnded conversationEnded(LiveCall call, Instant at) {
        HangupSide side = call.agentLeftAt != null ? HangupSide.AGENT
                : call.callerLeftAt != null ? HangupSide.CALLER : HangupSide.UNKNOWN;
        CallEvent.ConversationEnded ended = new CallEvent.ConversationEnded(at, call.answeredBy.agent, side);
        call.talkingSince = null;
        call.answeredBy = null;
        legs.remove(call.answeredLeg);
        call.answeredLeg = null;
        return ended;
    }

    /** The caller's channel is gone: a ring or conversation Asterisk did not close yet ends now. */
    private void closeLeftovers(CallId id, LiveCall call, Instant at) {
        call.ringing.forEach((leg, ring) -> {
            legs.remove(leg);
            journal.append(id, new CallEvent.OfferEnded(at, ring.agent, ring.startedAt,
                    call.callerLeftAt != null ? AgentLeg.Outcome.CALLER_ABANDONED : AgentLeg.Outcome.WITHDRAWN, leg, null));
        });
        call.ringing.clear();
        if (call.talkingSince != null) {
            journal.append(id, conversationEnded(call, at));
        }
        if (call.heldAbandon != null) {
            CallEvent.Abandoned held = call.heldAbandon;
            call.heldAbandon = null;
            journal.append(id, new CallEvent.Abandoned(call.callerLeftAt != null ? call.callerLeftAt : held.at(),
                    held.position(), held.duringRing()));
        }
        if (call.answeredLeg != null) {
            legs.remove(call.answeredLeg);
        }
    }

    /** The call's arrival as Asterisk reported it (or the front door stamped it), if it has been seen. */
    public Optional<Instant> arrivalOf(CallId id) {
        return Optional.ofNullable(arrivals.get(id));
    }

    /** Whether this call is still in progress, as far as the tracker knows. */
    public boolean isLive(CallId id) {
        return live.containsKey(id);
    }

    /** Calls in progress as far as the tracker knows. */
    public Set<CallId> liveCalls() {
        return Set.copyOf(live.keySet());
    }

    /** The calls in progress on one node (as far as the tracker knows). */
    public Set<CallId> liveCalls(NodeCalls node) {
        Set<CallId> on = new java.util.HashSet<>();
        live.forEach((id, call) -> {
            if (node.holds(call.node)) {
                on.add(id);
            }
        });
        return on;
    }

    /** Notes the node of a call taken over from an earlier run (its channel was found there). */
    public void placeOn(CallId id, String node) {
        LiveCall call = live.get(id);
        if (call != null && call.node == null) {
            call.node = node;
        }
    }

    /**
     * A node's link is back (or the node is lost): its calls the tracker follows and the node no longer
     * has ({@code liveUniqueIds}) were missed hang-ups, noticed {@code now}; or, when the node went away
     * in between ({@code nodeLostAt} not null, when its link dropped), calls cut by it. Other nodes' calls
     * are not its to close. The hang-ups it reported before its link dropped stand: an orderly stop
     * announced itself then ({@link #asteriskGoingAway(NodeCalls, Instant)}); a crash hangs nobody up.
     */
    public void reconcile(NodeCalls node, Set<String> liveUniqueIds, Instant nodeLostAt, Instant now) {
        for (CallId id : liveCalls(node)) {
            if (!liveUniqueIds.contains(id.value())) {
                if (nodeLostAt != null) {
                    lostWithAsterisk(id, nodeLostAt);
                } else {
                    lost(id, now);
                }
            }
        }
    }

    /**
     * A node is lost (its link dropped and stayed down: killed, its machine gone): its calls in progress
     * were cut by it when the link dropped. The hang-ups it reported before were the callers' own: a node
     * that goes in an orderly way announces it ({@link #asteriskGoingAway(NodeCalls, Instant)}), a killed
     * one hangs nobody up.
     */
    public void nodeLost(NodeCalls node, Instant droppedAt) {
        for (CallId id : liveCalls(node)) {
            lostWithAsterisk(id, droppedAt);
        }
    }

    /** Closes a call whose hang-up was missed (seen gone after an AMI reconnect). */
    public void lost(CallId id, Instant noticedAt) {
        if (live.containsKey(id)) {
            publish(id, new CallEvent.Ended(noticedAt, 0, "gone while the AMI link was down", HangupSide.UNKNOWN));
        }
    }

    /**
     * Asterisk is going away (its shutdown, or a restart seen afterwards): the calls followed now
     * are cut by it, whatever hang-ups it reports for them from here on.
     */
    public void asteriskGoingAway(Instant at) {
        asteriskGoingAway(NodeCalls.EVERY, at);
    }

    /** One node is going away: only its calls are cut by it. */
    public void asteriskGoingAway(NodeCalls node, Instant at) {
        live.values().forEach(call -> {
            if (call.cutByAsteriskAt == null && node.holds(call.node)) {
                call.cutByAsteriskAt = at;
            }
        });
        Instant from = at.minus(CUT_BY_SHUTDOWN);
        for (Map.Entry<CallId, EndedCall> recent : recentlyEnded.entrySet()) {
            CallEvent.Ended ended = recent.getValue().end;
            if (ended != null && node.holds(recent.getValue().call.node) && !ended.at().isBefore(from) && !ended.at().isAfter(at) && ended.side() != HangupSide.HOTLINE
                    && ended.side() != HangupSide.ASTERISK) {
                // recorded a moment ago as someone hanging up: it was Asterisk hanging up as it went
                journal.append(recent.getKey(), new CallEvent.FlowEnded(ended.at(), FlowOutcome.LOST_WITH_ASTERISK));
                journal.append(recent.getKey(), new CallEvent.Settled(at, Settlement.LOST_WITH_ASTERISK));
                journal.append(recent.getKey(), ended.withSide(HangupSide.ASTERISK));
                recent.getValue().end = null;
            }
        }
    }

    /** Closes a call Asterisk lost in a restart or crash, at the last moment it was known alive. */
    public void lostWithAsterisk(CallId id, Instant lastKnownAt) {
        LiveCall call = live.get(id);
        if (call != null) {
            if (call.cutByAsteriskAt == null) {
                call.cutByAsteriskAt = lastKnownAt;
            }
            publish(id, new CallEvent.Ended(lastKnownAt, 0, "Asterisk went away with the call", HangupSide.ASTERISK));
        }
    }

    /**
     * Takes over a call an earlier run of the server was following and Asterisk still has: its
     * events from here on (and those that came while start-up settled it) close it at its true end.
     */
    public void adopt(CallId id, AdoptedCall facts) {
        if (live.containsKey(id) || live.size() >= MAX_LIVE) {
            return;
        }
        LiveCall call = new LiveCall();
        call.adopted = true;
        call.arrival = facts.arrival();
        call.answer = facts.answer();
        call.measured = facts.measured();
        call.callerLeftAt = facts.callerLeftAt();
        if (facts.agent() != null) {
            call.answeredBy = new Ring(facts.agent(), null);
            call.answeredLeg = facts.agentLeg();
            call.talkingSince = facts.talkingSince();
            call.talked = facts.talkingSince() != null;
            if (facts.agentLeg() != null) {
                legs.put(facts.agentLeg(), id);
            }
        }
        live.put(id, call);
        if (facts.arrival() != null) {
            arrivals.put(id, facts.arrival());
        }
        if (unclaimed != null) {
            replay(facts.agentLeg());
            replay(id.value());
        }
    }

    /** Start-up has adopted what it will: events of channels nobody follows are no longer kept. */
    public void adoptionsDone() {
        unclaimed = null;
    }

    private void replay(String channel) {
        List<CallEvent> kept = channel == null ? null : unclaimed.remove(channel);
        if (kept != null && CallId.isValid(channel)) {
            kept.forEach(event -> publish(new CallId(channel), event));
        }
    }

    private void keepUnclaimed(CallId id, CallEvent event) {
        if (unclaimed != null && !(event instanceof CallEvent.Arrived)) {
            unclaimed.computeIfAbsent(id.value(), key -> new ArrayList<>(4)).add(event);
        }
    }

    private static boolean opensCall(CallEvent event) {
        return event instanceof CallEvent.Arrived || event instanceof CallEvent.FlowStarted;
    }

    private record Ring(String agent, Instant startedAt) {
    }

    /** A call that ended, and its end as recorded until a shutdown claims it (then null). */
    private static final class EndedCall {
        final LiveCall call;
        CallEvent.Ended end;

        EndedCall(LiveCall call, CallEvent.Ended end) {
            this.call = call;
            this.end = end;
        }
    }

    private static final class LiveCall {
        Instant arrival;
        /** The arrival is the front door's stamp. */
        boolean stamped;
        Instant answer;
        boolean fallbackAnswering;
        boolean measured;
        boolean hungUpByHotline;
        Instant callerLeftAt;
        final Map<String, Ring> ringing = new HashMap<>(2);
        Ring answeredBy;
        String answeredLeg;
        Instant agentLeftAt;
        Instant talkingSince;
        boolean talked;
        CallEvent.Abandoned heldAbandon;
        /** Taken over from an earlier run: no flow of this server runs it. */
        boolean adopted;
        Instant cutByAsteriskAt;
        /** The telephony node the call is on, once known. */
        String node;
    }
}
