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
import org.hotline.store.BreachFinder;
import org.hotline.store.StoredReports;
import org.hotline.report.Measure;
import org.hotline.report.ReportKind;
import org.hotline.report.ReportSnapshot;
import org.hotline.store.PageCursor;
import org.hotline.report.ComplianceRule;

/**
 * {@code GET /api/reports}: the time-limit compliance figures of a period, from the hourly rollups.
 * <ul>
 *   <li>{@code period=day|week|month} with {@code date=2026-11-22} (a month: {@code 2026-11}), in
 *       the centre's time zone; or {@code from} and {@code to} (ISO date-times on whole hours);</li>
 *   <li>{@code queue=orders}, {@code agent=010} to narrow it; {@code by=queue|agent} for one row each;</li>
 *   <li>{@code format=csv} for a download.</li>
 * </ul>
 * {@code GET /api/reports/breaches?rule=three-rings&…}: the calls of the period that broke a rule
 * (same period and narrowing parameters, plus {@code limit} and {@code after} to page).
 * Every parameter is checked; a bad one gets a 400 naming it, and no request reads more than a year.
 */
public final class ReportsResource {

    private final Vertx vertx;
    private final HourlyRollups rollups;
    private final ZoneId zone;
    private final Set<String> queues;
    private final Predicate<AgentId> knownAgent;
    private final BreachFinder breaches;
    private final StoredReports stored;

    public ReportsResource(Vertx vertx, HourlyRollups rollups, StoredReports stored, BreachFinder breaches, ZoneId zone,
                           Set<String> queues, Predicate<AgentId> knownAgent) {
        this.vertx = vertx;
        this.rollups = rollups;
        this.stored = stored;
        this.breaches = breaches;
        this.zone = zone;
        this.queues = Set.copyOf(queues);
        this.knownAgent = knownAgent;
    }

    void mount(Router router) {
        router.get("/api/reports").handler(this::report);
        router.get("/api/reports/breaches").handler(this::breaches);
        router.get("/api/reports/stored").handler(this::storedList);
        router.get("/api/reports/stored/:id").handler(this::storedOne);
    }

    private void report(RoutingContext ctx) {
        ReportPeriod period;
        Optional<String> queue;
        Optional<String> agent;
        Optional<String> by;
        boolean csv;
        try {
            period = period(ctx);
            queue = queue(ctx);
            agent = agent(ctx);
            csv = csv(ctx);
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
            JsonArray rows = new JsonArray();
            if (by.isEmpty()) {
                body.put("figures", FiguresJson.of(Figures.of(done.result().getOrDefault("", Tally.ZERO))));
                rows.add(new JsonObject().put("from", period.from().toString()).put("to", period.to().toString())
                        .put("figures", body.getJsonObject("figures")));
            } else {
                for (Map.Entry<String, Tally> row : new java.util.TreeMap<>(done.result()).entrySet()) {
                    rows.add(new JsonObject().put(by.get(), row.getKey()).put("figures", FiguresJson.of(Figures.of(row.getValue()))));
                }
                body.put("by", by.get()).put("rows", rows);
            }
            if (csv) {
                CsvTable table = new CsvTable();
                rows.forEach(row -> table.add((JsonObject) row));
                table.send(ctx.response(), "report-" + period.from() + ".csv");
            } else {
                Responses.json(ctx.response(), 200, body);
            }
        });
    }

    private void breaches(RoutingContext ctx) {
        ComplianceRule rule;
        ReportPeriod period;
        Optional<String> queue;
        Optional<String> agent;
        int limit;
        PageCursor after;
        boolean csv;
        try {
            rule = param(ctx, "rule").flatMap(ComplianceRule::byId).orElseThrow(() -> ApiError.badParameter("rule",
                    "one of " + String.join(", ", java.util.Arrays.stream(ComplianceRule.values()).map(ComplianceRule::id).toList())));
            period = period(ctx);
            queue = queue(ctx);
            agent = agent(ctx);
            csv = csv(ctx);
            limit = param(ctx, "limit").map(text -> {
                if (!text.matches("\\d{1,3}") || Integer.parseInt(text) < 1 || Integer.parseInt(text) > 500) {
                    throw ApiError.badParameter("limit", "a whole number from 1 to 500");
                }
                return Integer.parseInt(text);
            }).orElse(100);
            after = param(ctx, "after").map(text -> {
                try {
                    return PageCursor.decode(text);
                } catch (IllegalArgumentException e) {
                    throw ApiError.badParameter("after", "not a cursor from a previous page");
                }
            }).orElse(null);
        } catch (ApiError error) {
            error.send(ctx.response());
            return;
        }
        vertx.executeBlocking(() -> breaches.find(rule, period.from(), period.to(), queue, agent, limit, after), false)
                .onComplete(done -> {
                    if (done.failed()) {
                        new ApiError(503, "call records unavailable: " + done.cause().getMessage()).send(ctx.response());
                        return;
                    }
                    JsonArray calls = new JsonArray();
                    done.result().breaches().forEach(breach -> calls.add(BreachJson.of(breach)));
                    if (csv) {
                        CsvTable table = new CsvTable();
                        calls.forEach(call -> table.add((JsonObject) call));
                        table.send(ctx.response(), rule.id() + "-" + period.from() + ".csv");
                        return;
                    }
                    PageCursor next = done.result().next();
                    Responses.json(ctx.response(), 200, new JsonObject()
                            .put("rule", rule.id())
                            .put("from", period.from().toString())
                            .put("to", period.to().toString())
                            .put("count", calls.size())
                            .put("calls", calls)
                            .put("read", done.result().read())
                            .put("next", next == null ? null : next.encode()));
                });
    }

    private void storedList(RoutingContext ctx) {
        ReportKind kind;
        try {
            kind = param(ctx, "kind").flatMap(text -> java.util.Arrays.stream(ReportKind.values())
                    .filter(k -> k.id().equals(text)).findFirst()).orElseThrow(() -> ApiError.badParameter("kind", "day, week or month"));
        } catch (ApiError error) {
            error.send(ctx.response());
            return;
        }
        vertx.executeBlocking(() -> stored.list(kind, StoredReports.MAX_LIST), false).onComplete(done -> {
            if (done.failed()) {
                new ApiError(503, "reports unavailable: " + done.cause().getMessage()).send(ctx.response());
                return;
            }
            JsonArray reports = new JsonArray();
            done.result().forEach(report -> reports.add(new JsonObject().put("id", report.id())
                    .put("from", report.period().from().toString()).put("to", report.period().to().toString())
                    .put("madeAt", report.madeAt().toString()).put("calls", report.total().get(Measure.CALLS))));
            Responses.json(ctx.response(), 200, new JsonObject().put("kind", kind.id()).put("reports", reports));
        });
    }

    private void storedOne(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        boolean csv;
        try {
            if (id == null || !id.matches("(day|week)-\\d{4}-\\d{2}-\\d{2}|month-\\d{4}-\\d{2}")) {
                throw ApiError.badParameter("id", "a report name like day-2026-11-22, week-2026-11-16 or month-2026-11");
            }
            csv = csv(ctx);
        } catch (ApiError error) {
            error.send(ctx.response());
            return;
        }
        vertx.executeBlocking(() -> stored.find(id), false).onComplete(done -> {
            if (done.failed()) {
                new ApiError(503, "reports unavailable: " + done.cause().getMessage()).send(ctx.response());
            } else if (done.result().isEmpty()) {
                new ApiError(404, "no report " + id).send(ctx.response());
            } else {
                ReportSnapshot report = done.result().get();
                JsonArray rows = new JsonArray().add(new JsonObject().put("part", "total")
                        .put("figures", FiguresJson.of(Figures.of(report.total()))));
                new java.util.TreeMap<>(report.byQueue()).forEach((queue, tally) -> rows.add(new JsonObject()
                        .put("part", "queue " + queue).put("figures", FiguresJson.of(Figures.of(tally)))));
                new java.util.TreeMap<>(report.byAgent()).forEach((agent, tally) -> rows.add(new JsonObject()
                        .put("part", "agent " + agent).put("figures", FiguresJson.of(Figures.of(tally)))));
                if (csv) {
                    CsvTable table = new CsvTable();
                    rows.forEach(row -> table.add((JsonObject) row));
                    table.send(ctx.response(), id + ".csv");
                    return;
                }
                Responses.json(ctx.response(), 200, new JsonObject().put("id", report.id()).put("kind", report.kind().id())
                        .put("from", report.period().from().toString()).put("to", report.period().to().toString())
                        .put("timeZone", zone.getId()).put("madeAt", report.madeAt().toString()).put("rows", rows));
            }
        });
    }

    private Optional<String> queue(RoutingContext ctx) {
        return param(ctx, "queue").map(name -> {
            if (!queues.contains(name)) {
                throw ApiError.badParameter("queue", "one of " + String.join(", ", new java.util.TreeSet<>(queues)));
            }
            return name;
        });
    }

    private Optional<String> agent(RoutingContext ctx) {
        return param(ctx, "agent").map(id -> {
            if (!AgentId.isValid(id) || !knownAgent.test(new AgentId(id))) {
                throw ApiError.badParameter("agent", "no such agent");
            }
            return id;
        });
    }

    private static boolean csv(RoutingContext ctx) {
        return param(ctx, "format").map(format -> {
            if (!format.equals("json") && !format.equals("csv")) {
                throw ApiError.badParameter("format", "json or csv");
            }
            return format.equals("csv");
        }).orElse(false);
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
