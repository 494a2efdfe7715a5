package org.hotline.http.reports;

import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.hotline.http.ApiError;
import org.hotline.report.ReportPeriod;
import org.hotline.shared.AgentId;
import org.hotline.shared.PageCursor;

/**
 * The parameters every reports path shares, checked: the period ({@code period=day|week|month} and
 * {@code date}, or {@code from} and {@code to} on whole hours), {@code queue}, {@code agent} and
 * {@code format}. A bad one is an {@link ApiError} naming it.
 */
final class ReportQuery {

    private final ZoneId zone;
    private final Set<String> queues;
    private final Predicate<AgentId> knownAgent;

    ReportQuery(ZoneId zone, Set<String> queues, Predicate<AgentId> knownAgent) {
        this.zone = zone;
        this.queues = Set.copyOf(queues);
        this.knownAgent = knownAgent;
    }

    ZoneId zone() {
        return zone;
    }

    ReportPeriod period(RoutingContext ctx) {
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

    Optional<String> queue(RoutingContext ctx) {
        return param(ctx, "queue").map(name -> {
            if (!queues.contains(name)) {
                throw ApiError.badParameter("queue", "one of " + String.join(", ", new java.util.TreeSet<>(queues)));
            }
            return name;
        });
    }

    Optional<String> agent(RoutingContext ctx) {
        return param(ctx, "agent").map(id -> {
            if (!AgentId.isValid(id) || !knownAgent.test(new AgentId(id))) {
                throw ApiError.badParameter("agent", "no such agent");
            }
            return id;
        });
    }

    static boolean csv(RoutingContext ctx) {
        return param(ctx, "format").map(format -> {
            if (!format.equals("json") && !format.equals("csv")) {
                throw ApiError.badParameter("format", "json or csv");
            }
            return format.equals("csv");
        }).orElse(false);
    }

    /** The language of a CSV's headings: {@code en} (when not given) or {@code zh}. */
    static String language(RoutingContext ctx) {
        return param(ctx, "lang").map(language -> {
            if (!language.equals("en") && !language.equals("zh")) {
                throw ApiError.badParameter("lang", "en or zh");
            }
            return language;
        }).orElse("en");
    }

    /** A drill-down's page size: 1 to 500, 100 when not given. */
    static int limit(RoutingContext ctx) {
        return param(ctx, "limit").map(text -> {
            if (!text.matches("\\d{1,3}") || Integer.parseInt(text) < 1 || Integer.parseInt(text) > 500) {
                throw ApiError.badParameter("limit", "a whole number from 1 to 500");
            }
            return Integer.parseInt(text);
        }).orElse(100);
    }

    /** Where a drill-down goes on: the {@code next} of its previous page, or null for the first. */
    static PageCursor after(RoutingContext ctx) {
        return param(ctx, "after").map(text -> {
            try {
                return PageCursor.decode(text);
            } catch (IllegalArgumentException e) {
                throw ApiError.badParameter("after", "not a cursor from a previous page");
            }
        }).orElse(null);
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

    static Optional<String> param(RoutingContext ctx, String name) {
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
