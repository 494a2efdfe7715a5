package org.hotline.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import org.hotline.report.Figures;
import org.hotline.report.Ratio;

/** A report's figures as JSON: every share with its parts, "no data" as null, durations in seconds. */
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
        return new JsonObject()
                .put("calls", f.calls())
                .put("systemAnswered", f.systemAnswered())
                .put("queued", f.queued())
                .put("agentAnswered", f.agentAnswered())
                .put("abandoned", f.abandoned())
                .put("shortAbandoned", f.shortAbandoned())
                .put("callbackRequested", f.callbackRequested())
                .put("afterHours", f.afterHours())
                .put("threeRingAnswer", ratio(f.threeRings()))
                .put("apology", ratio(f.apology()))
                .put("agentThreeRingAnswer", ratio(f.agentRings()))
                .put("ringNoAnswer", f.ringNoAnswer())
                .put("serviceLevel", new JsonObject()
                        .put("answered", ratio(f.serviceLevelAnswered()))
                        .put("answeredAndAbandoned", ratio(f.serviceLevelOffered()))
                        .put("queued", ratio(f.serviceLevelQueued())))
                .put("asaSeconds", seconds(f.averageSpeedOfAnswer()))
                .put("ahtSeconds", seconds(f.averageHandlingTime()))
                .put("abandonment", ratio(f.abandonment()))
                .put("talkWithin3Minutes", ratio(f.talkWithinTarget()))
                .put("talkOver5Minutes", f.talkOverLimit())
                .put("callbacksWithinDeadline", ratio(f.callbacksWithinDeadline()))
                .put("casesRepliedWithinDeadline", cases == null ? null : ratio(cases))
                .put("csat", new JsonObject()
                        .put("average", value(f.csat()))
                        .put("atLeast4", ratio(f.csatAtLeast4()))
                        .put("distribution", new JsonArray(f.csatDistribution()))
                        .put("responseRate", ratio(f.surveyResponse())))
                .put("occupancy", ratio(f.occupancy()))
                .put("pausedSeconds", paused(f));
    }

    private static JsonObject paused(Figures f) {
        JsonObject paused = new JsonObject();
        new java.util.TreeMap<>(f.paused()).forEach((reason, time) -> paused.put(reason, time.toMillis() / 1000.0));
        return paused;
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
