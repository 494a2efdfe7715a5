package org.hotline.report;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How one call counts in the reports. The call's own measures go to the agent who talked to the
 * caller (or to no agent); each ring of an agent's phone counts for that agent. Summed over agents,
 * every call is counted once.
 */
public final class CallTally {

    /** The key of measures that belong to no agent (calls nobody answered). */
    public static final String NO_AGENT = "";

    private CallTally() {
    }

    /**
     * A callback request not reached yet counts as not (yet) within its deadline; when it is reached,
     * the call's facts change and its tally is replaced.
     */
    public static Map<String, Tally> of(CallFacts call, ReportRules rules) {
        Map<String, Tally.Builder> byAgent = new LinkedHashMap<>();
        Tally.Builder own = byAgent.computeIfAbsent(call.agent() == null ? NO_AGENT : call.agent(), a -> new Tally.Builder());
        countCall(call, rules, own);
        for (CallFacts.OfferFacts offer : call.offers()) {
            if (!offer.outcome().agentsToAnswer()) {
                continue; // the caller hung up or the hotline stopped the ring: not the agent's to answer
            }
            Tally.Builder agent = byAgent.computeIfAbsent(offer.agent(), a -> new Tally.Builder());
            agent.count(Measure.OFFERS);
            if (offer.answered()) {
                agent.count(Measure.OFFERS_ANSWERED);
                agent.countIf(offer.rang().filter(rules.agentRing()::kept).isPresent(),
                        Measure.OFFERS_ANSWERED_WITHIN_RINGS);
            } else if (offer.outcome() == CallFacts.OfferOutcome.NO_ANSWER) {
                agent.count(Measure.RING_NO_ANSWER);
            }
        }
        Map<String, Tally> tallies = new LinkedHashMap<>();
        byAgent.forEach((agent, builder) -> tallies.put(agent, builder.build()));
        return tallies;
    }

    private static void countCall(CallFacts call, ReportRules rules, Tally.Builder tally) {
        tally.count(Measure.CALLS);
        tally.countIf(call.afterHours(), Measure.AFTER_HOURS);
        if (call.systemAnsweredAt() != null) {
            tally.count(Measure.SYSTEM_ANSWERED);
            tally.countIf(call.withinRings(), Measure.SYSTEM_WITHIN_RINGS);
        }
        if (apologyDue(call, rules)) {
            tally.count(Measure.APOLOGY_DUE);
            tally.countIf(call.apologyPlayedAt() != null, Measure.APOLOGY_GIVEN);
        }
        if (call.queued()) {
            countQueue(call, rules, tally);
        }
        call.talk().ifPresent(talk -> {
            tally.count(Measure.TALKS).add(Measure.TALK_MS, talk.toMillis());
            tally.countIf(rules.talkTime().withinTarget(talk), Measure.TALK_WITHIN_TARGET);
            tally.countIf(rules.talkTime().overLimit(talk), Measure.TALK_OVER_LIMIT);
        });
        call.wrapUp().ifPresent(wrapUp -> tally.count(Measure.WRAP_UPS).add(Measure.WRAP_UP_MS, wrapUp.toMillis()));
        if (call.callbackRequestedAt() != null) {
            tally.count(Measure.CALLBACK_REQUESTED);
            if (call.callbackReachedAt() != null) {
                tally.count(Measure.CALLBACK_REACHED);
                tally.countIf(call.callbackDeadline() == null || !call.callbackReachedAt().isAfter(call.callbackDeadline()),
                        Measure.CALLBACK_WITHIN_DEADLINE);
            }
        }
        tally.countIf(call.surveyOffered(), Measure.SURVEYS_OFFERED);
        if (call.surveyScore() != null) {
            tally.count(Measure.SURVEYS).add(Measure.SURVEY_SCORE_SUM, call.surveyScore())
                    .count(Measure.surveyScore(call.surveyScore()));
        }
    }

    private static void countQueue(CallFacts call, ReportRules rules, Tally.Builder tally) {
        tally.count(Measure.QUEUED);
        tally.countIf(call.agent() != null && call.agentAnsweredAt() == null && call.abandonedAt() == null,
                Measure.AGENT_ANSWER_TIME_UNKNOWN);
        Optional<Duration> answeredAfter = call.waitForAgent();
        answeredAfter.ifPresent(wait -> {
            tally.count(Measure.AGENT_ANSWERED).add(Measure.WAIT_MS, wait.toMillis());
            tally.countIf(within(wait, rules.serviceLevel()), Measure.ANSWERED_WITHIN_SL);
            tally.countIf(within(wait, rules.serviceLevel()), Measure.REMOVED_WITHIN_SL);
        });
        call.waitBeforeAbandon().filter(wait -> answeredAfter.isEmpty()).ifPresent(wait -> {
            tally.count(within(wait, rules.shortAbandon()) ? Measure.SHORT_ABANDONED : Measure.ABANDONED);
            tally.countIf(within(wait, rules.serviceLevel()), Measure.ABANDONED_WITHIN_SL);
            tally.countIf(within(wait, rules.serviceLevel()), Measure.REMOVED_WITHIN_SL);
        });
        call.waitBeforeCallback().filter(wait -> answeredAfter.isEmpty())
                .ifPresent(wait -> tally.countIf(within(wait, rules.serviceLevel()), Measure.REMOVED_WITHIN_SL));
    }

    /** Past five rings for the hotline to answer, or for a person once in the queue. */
    static boolean apologyDue(CallFacts call, ReportRules rules) {
        if (call.apologyDue()) {
            return true;
        }
        if (!call.queued()) {
            return false;
        }
        Instant waitEnded = firstOf(call.agentAnsweredAt(), call.abandonedAt(), call.callbackRequestedAt());
        return waitEnded == null || rules.apology().due(Duration.between(call.enqueuedAt(), waitEnded));
    }

    private static boolean within(Duration wait, Duration threshold) {
        return wait.compareTo(threshold) <= 0;
    }

    private static Instant firstOf(Instant... times) {
        Instant first = null;
        for (Instant time : times) {
            if (time != null && (first == null || time.isBefore(first))) {
                first = time;
            }
        }
        return first;
    }
}
