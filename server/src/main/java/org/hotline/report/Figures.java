package org.hotline.report;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A period's report figures, all computed from one tally (see {@link Measure}).
 *
 * @param threeRings             hotline answers within three rings ÷ hotline answers
 * @param apology                apologised ÷ callers who waited past five rings
 * @param agentRings             offers answered within three rings ÷ offers
 * @param serviceLevelAnswered   answered within T ÷ answered
 * @param serviceLevelOffered    (answered + abandoned) within T ÷ (answered + abandoned, short abandons included)
 * @param serviceLevelQueued     left the queue within T (answered, abandoned, callback asked) ÷ queued
 * @param averageSpeedOfAnswer   mean wait from joining the queue to an agent's answer
 * @param averageHandlingTime    mean talk + wrap-up (hold is not used by the hotline)
 * @param abandonment            abandons ÷ queued calls, short abandons left out of both
 * @param talkWithinTarget       conversations of at most three minutes ÷ conversations
 * @param callbacksWithinDeadline customers reached by their deadline ÷ callback requests
 * @param csat                   mean survey score (1–5)
 * @param csatDistribution       how many answered 1, 2, 3, 4, 5
 * @param surveyResponse         surveys answered ÷ calls an agent answered
 * @param occupancy              agents' time on calls and in wrap-up ÷ their time at work and not paused (ms)
 * @param paused                 agents' paused time by reason: break, training, admin, ring-no-answer
 */
public record Figures(long calls, long systemAnswered, long agentAnswered, long queued, long abandoned, long shortAbandoned,
                      long callbackRequested, long afterHours, long ringNoAnswer, long talkOverLimit,
                      Ratio threeRings, Ratio apology, Ratio agentRings, Ratio serviceLevelAnswered,
                      Ratio serviceLevelOffered, Ratio serviceLevelQueued, Optional<Duration> averageSpeedOfAnswer,
                      Optional<Duration> averageHandlingTime, Ratio abandonment, Ratio talkWithinTarget,
                      Ratio callbacksWithinDeadline, OptionalDouble csat, Ratio csatAtLeast4, List<Long> csatDistribution,
                      Ratio surveyResponse, Ratio occupancy, java.util.Map<String, Duration> paused) {

    public static Figures of(Tally t) {
        long answered = t.get(Measure.AGENT_ANSWERED);
        long abandons = t.get(Measure.ABANDONED) + t.get(Measure.SHORT_ABANDONED);
        long surveys = t.get(Measure.SURVEYS);
        return new Figures(
                t.get(Measure.CALLS), t.get(Measure.SYSTEM_ANSWERED), answered, t.get(Measure.QUEUED),
                t.get(Measure.ABANDONED), t.get(Measure.SHORT_ABANDONED), t.get(Measure.CALLBACK_REQUESTED),
                t.get(Measure.AFTER_HOURS), t.get(Measure.RING_NO_ANSWER), t.get(Measure.TALK_OVER_LIMIT),
                new Ratio(t.get(Measure.SYSTEM_WITHIN_RINGS), t.get(Measure.SYSTEM_ANSWERED)),
                new Ratio(t.get(Measure.APOLOGY_GIVEN), t.get(Measure.APOLOGY_DUE)),
                new Ratio(t.get(Measure.OFFERS_ANSWERED_WITHIN_RINGS), t.get(Measure.OFFERS)),
                new Ratio(t.get(Measure.ANSWERED_WITHIN_SL), answered),
                new Ratio(t.get(Measure.ANSWERED_WITHIN_SL) + t.get(Measure.ABANDONED_WITHIN_SL), answered + abandons),
                new Ratio(t.get(Measure.REMOVED_WITHIN_SL), t.get(Measure.QUEUED)),
                mean(t.get(Measure.WAIT_MS), answered),
                mean(t.get(Measure.TALK_MS) + t.get(Measure.WRAP_UP_MS), t.get(Measure.TALKS)),
                new Ratio(t.get(Measure.ABANDONED), t.get(Measure.QUEUED) - t.get(Measure.SHORT_ABANDONED)),
                new Ratio(t.get(Measure.TALK_WITHIN_TARGET), t.get(Measure.TALKS)),
                new Ratio(t.get(Measure.CALLBACK_WITHIN_DEADLINE), t.get(Measure.CALLBACK_REQUESTED)),
                surveys == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) t.get(Measure.SURVEY_SCORE_SUM) / surveys),
                new Ratio(t.get(Measure.SURVEY_4) + t.get(Measure.SURVEY_5), surveys),
                List.of(t.get(Measure.SURVEY_1), t.get(Measure.SURVEY_2), t.get(Measure.SURVEY_3), t.get(Measure.SURVEY_4),
                        t.get(Measure.SURVEY_5)),
                new Ratio(Math.min(surveys, answered), answered),
                new Ratio(t.get(Measure.ON_CALL_MS) + t.get(Measure.AGENT_WRAP_UP_MS), t.get(Measure.READY_MS)
                        + t.get(Measure.OFFERED_MS) + t.get(Measure.ON_CALL_MS) + t.get(Measure.AGENT_WRAP_UP_MS)),
                java.util.Map.of("break", Duration.ofMillis(t.get(Measure.PAUSED_BREAK_MS)),
                        "training", Duration.ofMillis(t.get(Measure.PAUSED_TRAINING_MS)),
                        "admin", Duration.ofMillis(t.get(Measure.PAUSED_ADMIN_MS)),
                        "ring-no-answer", Duration.ofMillis(t.get(Measure.PAUSED_RING_NO_ANSWER_MS))));
    }

    private static Optional<Duration> mean(long totalMillis, long count) {
        return count == 0 ? Optional.empty() : Optional.of(Duration.ofMillis(Math.round((double) totalMillis / count)));
    }
}
