package org.hotline.http.reports;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import org.hotline.report.Figure;
import org.hotline.report.Figures;
import org.hotline.report.Ratio;

/**
 * A report's figures as JSON, each under its {@link Figure#id()} (dotted ids nest:
 * {@code serviceLevel.answered}): every share with its parts, "no data" as null, times in seconds.
 */
final class FiguresJson {

    private FiguresJson() {
    }

    static JsonObject of(Figures f) {
        return of(f, null);
    }

    /**
     * @param cases customers answered by the deadline ÷ cases due in the period and decided; null where the
     *              case file has no figure (no case file, or a row of a queue: cases have none)
     */
    static JsonObject of(Figures f, Ratio cases) {
        JsonObject json = new JsonObject();
        put(json, Figure.CALLS, f.calls());
        put(json, Figure.SYSTEM_ANSWERED, f.systemAnswered());
        put(json, Figure.QUEUED, f.queued());
        put(json, Figure.AGENT_ANSWERED, f.agentAnswered());
        put(json, Figure.AGENT_ANSWER_TIME_UNKNOWN, f.agentAnswerTimeUnknown());
        put(json, Figure.ABANDONED, f.abandoned());
        put(json, Figure.SHORT_ABANDONED, f.shortAbandoned());
        put(json, Figure.CALLBACK_REQUESTED, f.callbackRequested());
        put(json, Figure.AFTER_HOURS, f.afterHours());
        put(json, Figure.THREE_RING_ANSWER, ratio(f.threeRings()));
        put(json, Figure.APOLOGY, ratio(f.apology()));
        put(json, Figure.AGENT_THREE_RING_ANSWER, ratio(f.agentRings()));
        put(json, Figure.RING_NO_ANSWER, f.ringNoAnswer());
        put(json, Figure.SERVICE_LEVEL_ANSWERED, ratio(f.serviceLevelAnswered()));
        put(json, Figure.SERVICE_LEVEL_ANSWERED_AND_ABANDONED, ratio(f.serviceLevelOffered()));
        put(json, Figure.SERVICE_LEVEL_QUEUED, ratio(f.serviceLevelQueued()));
        put(json, Figure.ASA, seconds(f.averageSpeedOfAnswer()));
        put(json, Figure.AHT, seconds(f.averageHandlingTime()));
        put(json, Figure.ABANDONMENT, ratio(f.abandonment()));
        put(json, Figure.TALK_WITHIN_TARGET, ratio(f.talkWithinTarget()));
        put(json, Figure.TALK_OVER_LIMIT, f.talkOverLimit());
        put(json, Figure.CALLBACKS_WITHIN_DEADLINE, ratio(f.callbacksWithinDeadline()));
        put(json, Figure.CASES_REPLIED_WITHIN_DEADLINE, cases == null ? null : ratio(cases));
        put(json, Figure.CSAT_AVERAGE, value(f.csat()));
        put(json, Figure.CSAT_AT_LEAST_4, ratio(f.csatAtLeast4()));
        put(json, Figure.CSAT_DISTRIBUTION, new JsonArray(f.csatDistribution()));
        put(json, Figure.SURVEY_RESPONSE_RATE, ratio(f.surveyResponse()));
        put(json, Figure.OCCUPANCY, ratio(f.occupancy()));
        for (Figure pause : Figures.PAUSES) {
            put(json, pause, seconds(Optional.of(f.paused().get(Figures.pauseReason(pause)))));
        }
        return json;
    }

    /** Puts a figure's value at its id, making the objects a dotted id goes through. */
    private static void put(JsonObject json, Figure figure, Object value) {
        String[] path = figure.id().split("\\.");
        JsonObject at = json;
        for (int i = 0; i < path.length - 1; i++) {
            if (at.getJsonObject(path[i]) == null) {
                at.put(path[i], new JsonObject());
            }
            at = at.getJsonObject(path[i]);
        }
        at.put(path[path.length - 1], value);
    }

    static JsonObject ratio(Ratio ratio) {
        return new JsonObject().put("part", ratio.part()).put("whole", ratio.whole()).put("value", value(ratio.value()));
    }

    private static Double value(OptionalDouble value) {
        return value.isPresent() ? value.getAsDouble() : null;
    }

    private static Double seconds(Optional<Duration> duration) {
        return duration.map(d -> d.toMillis() / 1000.0).orElse(null);
    }
}
