package org.hotline.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A day's figures counted from audited calls, with the definitions the reports use (docs/figures.md), written
 * here a second time on purpose: the audit must not share the product's counting code, or it would agree with
 * any mistake in it. Names are those of {@code GET /api/reports}' figures.
 */
final class DayFigures {

    /** The figures the audit can know from CEL, in the order they are shown. */
    public static final List<String> NAMES = List.of("calls", "systemAnswered", "threeRingAnswer", "queued",
            "agentAnswered", "agentThreeRingAnswer", "ringNoAnswer", "abandoned", "shortAbandoned", "asaSeconds",
            "talkWithin3Minutes", "talkOver5Minutes", "serviceLevel.answered", "serviceLevel.answeredAndAbandoned",
            "serviceLevel.queued");

    private DayFigures() {
    }

    public static Map<String, FigureValue> of(List<AuditedCall> calls, AuditRules rules) {
        long systemAnswered = 0, withinRings = 0, queued = 0, agentAnswered = 0, offers = 0, offersWithin = 0;
        long ringNoAnswer = 0, abandoned = 0, shortAbandoned = 0, talks = 0, talkWithin = 0, talkOver = 0;
        long answeredWithinT = 0, abandonedWithinT = 0, leftWithinT = 0;
        Duration waited = Duration.ZERO;
        for (AuditedCall call : calls) {
            if (call.answeredAt() != null) {
                systemAnswered++;
                if (within(call.arrivalAt(), call.answeredAt(), rules.answer().limit())) {
                    withinRings++;
                }
            }
            for (Offer offer : call.offers()) {
                if (offer.outcome() == null || !offer.outcome().counts()) {
                    continue;
                }
                offers++;
                if (offer.outcome() == OfferOutcome.ANSWERED
                        && within(offer.ringStartedAt(), offer.ringEndedAt(), rules.agentRing().ringFor())) {
                    offersWithin++;
                }
                if (offer.outcome() == OfferOutcome.NO_ANSWER) {
                    ringNoAnswer++;
                }
            }
            Optional<Duration> talk = call.talk();
            if (talk.isPresent()) {
                talks++;
                talkWithin += rules.talkTime().withinTarget(talk.get()) ? 1 : 0;
                talkOver += rules.talkTime().overLimit(talk.get()) ? 1 : 0;
            }
            if (!call.queued()) {
                continue;
            }
            queued++;
            Instant left = leftQueueAt(call);
            boolean leftWithin = left != null && within(call.enqueuedAt(), left, rules.serviceLevel());
            leftWithinT += leftWithin ? 1 : 0;
            if (call.agentAnsweredAt() != null) {
                agentAnswered++;
                waited = waited.plus(nonNegative(Duration.between(call.enqueuedAt(), call.agentAnsweredAt())));
                answeredWithinT += leftWithin ? 1 : 0;
            } else if (call.abandonedAt().isPresent()) {
                if (within(call.enqueuedAt(), call.abandonedAt().get(), rules.shortAbandon())) {
                    shortAbandoned++;
                } else {
                    abandoned++;
                    abandonedWithinT += leftWithin ? 1 : 0;
                }
            }
        }
        Map<String, FigureValue> figures = new LinkedHashMap<>();
        figures.put("calls", new FigureValue.Count(calls.size()));
        figures.put("systemAnswered", new FigureValue.Count(systemAnswered));
        figures.put("threeRingAnswer", new FigureValue.Share(withinRings, systemAnswered));
        figures.put("queued", new FigureValue.Count(queued));
        figures.put("agentAnswered", new FigureValue.Count(agentAnswered));
        figures.put("agentThreeRingAnswer", new FigureValue.Share(offersWithin, offers));
        figures.put("ringNoAnswer", new FigureValue.Count(ringNoAnswer));
        figures.put("abandoned", new FigureValue.Count(abandoned));
        figures.put("shortAbandoned", new FigureValue.Count(shortAbandoned));
        figures.put("asaSeconds", new FigureValue.Mean(agentAnswered == 0 ? Optional.empty()
                : Optional.of(waited.dividedBy(agentAnswered))));
        figures.put("talkWithin3Minutes", new FigureValue.Share(talkWithin, talks));
        figures.put("talkOver5Minutes", new FigureValue.Count(talkOver));
        figures.put("serviceLevel.answered", new FigureValue.Share(answeredWithinT, agentAnswered));
        figures.put("serviceLevel.answeredAndAbandoned",
                new FigureValue.Share(answeredWithinT + abandonedWithinT, agentAnswered + abandoned));
        figures.put("serviceLevel.queued", new FigureValue.Share(leftWithinT, queued));
        return figures;
    }

    /**
     * When the caller left the queue: an agent answered, they hung up, or the hotline ended the wait (a
     * callback asked for, the longest wait reached; CEL cannot tell those apart, and both leave the queue).
     */
    private static Instant leftQueueAt(AuditedCall call) {
        if (call.agentAnsweredAt() != null) {
            return call.agentAnsweredAt();
        }
        return call.callerHungUpAt() != null ? call.callerHungUpAt() : call.endedAt();
    }

    /** Exactly at the limit counts as within. */
    private static boolean within(Instant from, Instant to, Duration limit) {
        return from != null && to != null && Duration.between(from, to).compareTo(limit) <= 0;
    }

    private static Duration nonNegative(Duration duration) {
        return duration.isNegative() ? Duration.ZERO : duration;
    }
}
