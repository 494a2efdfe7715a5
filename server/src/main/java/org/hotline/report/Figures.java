package org.hotline.report;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A period's report figures, all computed from one tally by their definitions in {@link Figure}
 * (formula and edge rules are there, and in docs/figures.md).
 */
public record Figures(long calls, long systemAnswered, long agentAnswered, long queued, long abandoned, long shortAbandoned,
                      long callbackRequested, long afterHours, long ringNoAnswer, long talkOverLimit,
                      Ratio threeRings, Ratio apology, Ratio agentRings, Ratio serviceLevelAnswered,
                      Ratio serviceLevelOffered, Ratio serviceLevelQueued, Optional<Duration> averageSpeedOfAnswer,
                      Optional<Duration> averageHandlingTime, Ratio abandonment, Ratio talkWithinTarget,
                      Ratio callbacksWithinDeadline, OptionalDouble csat, Ratio csatAtLeast4, List<Long> csatDistribution,
                      Ratio surveyResponse, Ratio occupancy, Map<String, Duration> paused, long agentAnswerTimeUnknown) {

    /** The pause reasons' figures by reason (their ids' last part). */
    public static final List<Figure> PAUSES = List.of(Figure.PAUSED_BREAK, Figure.PAUSED_TRAINING, Figure.PAUSED_ADMIN,
            Figure.PAUSED_RING_NO_ANSWER);

    public Figures {
        csatDistribution = List.copyOf(csatDistribution);
        paused = Map.copyOf(paused);
    }

    public static Figures of(Tally t) {
        Map<String, Duration> paused = new LinkedHashMap<>();
        PAUSES.forEach(figure -> paused.put(pauseReason(figure), figure.duration(t).orElseThrow()));
        return new Figures(
                Figure.CALLS.count(t), Figure.SYSTEM_ANSWERED.count(t), Figure.AGENT_ANSWERED.count(t), Figure.QUEUED.count(t),
                Figure.ABANDONED.count(t), Figure.SHORT_ABANDONED.count(t), Figure.CALLBACK_REQUESTED.count(t),
                Figure.AFTER_HOURS.count(t), Figure.RING_NO_ANSWER.count(t), Figure.TALK_OVER_LIMIT.count(t),
                Figure.THREE_RING_ANSWER.ratio(t), Figure.APOLOGY.ratio(t), Figure.AGENT_THREE_RING_ANSWER.ratio(t),
                Figure.SERVICE_LEVEL_ANSWERED.ratio(t), Figure.SERVICE_LEVEL_ANSWERED_AND_ABANDONED.ratio(t),
                Figure.SERVICE_LEVEL_QUEUED.ratio(t), Figure.ASA.duration(t), Figure.AHT.duration(t),
                Figure.ABANDONMENT.ratio(t), Figure.TALK_WITHIN_TARGET.ratio(t), Figure.CALLBACKS_WITHIN_DEADLINE.ratio(t),
                Figure.CSAT_AVERAGE.average(t), Figure.CSAT_AT_LEAST_4.ratio(t), Figure.CSAT_DISTRIBUTION.counts(t),
                Figure.SURVEY_RESPONSE_RATE.ratio(t), Figure.OCCUPANCY.ratio(t), Map.copyOf(paused),
                Figure.AGENT_ANSWER_TIME_UNKNOWN.count(t));
    }

    /** {@code pausedSeconds.ring-no-answer} → {@code ring-no-answer}. */
    public static String pauseReason(Figure pause) {
        return pause.id().substring(pause.id().indexOf('.') + 1);
    }
}
