package org.hotline.http;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.hotline.report.Figures;
import org.hotline.report.ReportPeriod;
import org.hotline.report.Tally;
import org.hotline.routing.AgentId;
import org.hotline.store.HourlyRollups;

/**
 * {@code GET /api/reports}: the time-limit compliance figures of a period, from the hourly rollups.
 * <ul>
 *   <li>{@code period=day|week|month} with {@code date=2026-11-22} (a month: {@code 2026-11}), in
 *       the centre's time zone; or {@code from} and {@code to} (ISO date-times on whole hours);</li>
 *   <li>{@code queue=orders}, {@code agent=010} to narrow it; {@code by=queue|agent} for one row each.</li>
 * </ul>
 * Every parameter is checked; a bad one gets a 400 naming it, and no request reads more than a year.
 */
public final class ReportsResource {

    private final Vertx vertx;
    private final HourlyRollups rollups;
    private final ZoneId zone;
    private final Set<String> queues;
    private final Predicate<AgentId> knownAgent;

    public ReportsResource(Vertx vertx, HourlyRollups rollups, ZoneId zone, Set<String> queues, Predicate<AgentId> knownAgent) {
        this.vertx = vertx;
        this.rollups = rollups;
        this.zone = zone;
        this.queues = Set.copyOf(queues);
        this.knownAgent = knownAgent;
    }

    void mount(Router router) {
        router.get("/api/reports").handler(this::report);
    }

    private void report(RoutingContext ctx) {
        ReportPeriod period;
        Optional<String> queue;
        Optional<String> agent;
        Optional<String> by;
        try {
            period = period(ctx);
            queue = param(ctx, "queue").map(name -> {
                if (!queues.contains(name)) {
                    throw ApiError.badParameter("queue", "one of " + String.join(", ", new java.util.TreeSet<>(queues)));
                }
                return name;
            });
            agent = param(ctx, "agent").map(id -> {
                if (!AgentId.isValid(id) || !knownAgent.test(new AgentId(id))) {
                    throw ApiError.badParameter("agent", "no such agent");
                }
                return id;
            });
            by = param(ctx, "by").map(field -> {
                if (!field.equals("queue") && !field.equals("agent")) {
                    throw ApiError.badParameter("by", "queue or agent");
                }
                return field;
            });
        } catch (ApiError error) {
            error.send(ctx.response());
            return;
        }
        vertx.executeBlocking(() -> rollups.sum(period.from(), period.to(), queue, agent, by), false).onComplete(done -> {
            if (done.failed()) {
                new ApiError(503, "reports unavailable: " + done.cause().getMessage()).send(ctx.response());
                return;
            }
            JsonObject body = new JsonObject()
                    .put("from", period.from().toString())
                    .put("to", period.to().toString())
                    .put("timeZone", zone.getId())
                    .put("queue", queue.orElse(null))
                    .put("agent", agent.orElse(null));
            if (by.isEmpty()) {
                body.put("figures", FiguresJson.of(Figures.of(done.result().getOrDefault("", Tally.ZERO))));
            } else {
                JsonArray rows = new JsonArray();
                for (Map.Entry<String, Tally> row : new java.util.TreeMap<>(done.result()).entrySet()) {
                    rows.add(new JsonObject().put(by.get(), row.getKey()).put("figures", FiguresJson.of(Figures.of(row.getValue()))));
                }
                body.put("by", by.get()).put("rows", rows);
            }
            Responses.json(ctx.response(), 200, body);
        });
    }

    private ReportPeriod period(RoutingContext ctx) {
        Optional<String> kind = param(ctx, "period");
        if (kind.isPresent()) {
            String date = param(ctx, "date").orElseThrow(() -> ApiError.badParameter("date", "required with 'period'"));
            try {
                return switch (kind.get()) {
                    case "day" -> ReportPeriod.day(LocalDate.parse(date), zone);
                    case "week" -> ReportPeriod.week(LocalDate.parse(date), zone);
                    case "month" -> ReportPeriod.month(YearMonth.parse(date), zone);
                    default -> throw ApiError.badParameter("period", "day, week or month");
                };
            } catch (DateTimeParseException e) {
                throw ApiError.badParameter("date", kind.get().equals("month") ? "expected a month like 2026-11"
                        : "expected a date like 2026-11-22");
            }
        }
        OffsetDateTime from = dateTime(ctx, "from");
        OffsetDateTime to = dateTime(ctx, "to");
        try {
            return new ReportPeriod(from.toInstant(), to.toInstant());
        } catch (IllegalArgumentException e) {
            throw ApiError.badParameter("to", e.getMessage());
        }
    }

    private static OffsetDateTime dateTime(RoutingContext ctx, String name) {
        String text = param(ctx, name).orElseThrow(() -> ApiError.badParameter(name,
                "required (or use period=day|week|month with date)"));
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiError.badParameter(name, "expected an ISO-8601 date-time on a whole hour, e.g. 2026-11-22T09:00:00+08:00");
        }
    }

    private static Optional<String> param(RoutingContext ctx, String name) {
        String value = ctx.queryParams().get(name);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        if (value.length() > 40) {
            throw ApiError.badParameter(name, "too long");
        }
        return Optional.of(value.strip());
    }
}
