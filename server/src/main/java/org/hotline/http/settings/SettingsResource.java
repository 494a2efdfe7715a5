package org.hotline.http.settings;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.hotline.call.CentreHours;
import org.hotline.call.ServiceHours;
import org.hotline.config.HotlineConfig;
import org.hotline.http.ApiError;
import org.hotline.http.JsonBody;
import org.hotline.http.Resource;
import org.hotline.http.Responses;
import org.hotline.http.Viewers;
import org.hotline.store.MongoServiceHours;

/**
 * What the centre runs with, for the consoles.
 *
 * <ul>
 * <li>{@code GET /api/settings}: company name (the greeting), service hours as they stand, the IVR
 *     menu and its queues, the time limits. The agents and their skills, which change while the
 *     floor runs, are the agents API's.</li>
 * <li>{@code GET /api/settings/company}: the company name alone, to anyone (the login page names the
 *     company before anyone has logged in; it is what callers hear in the greeting anyway).</li>
 * <li>{@code PUT /api/settings/hours} {@code {"week": {"monday": "09:00-21:00" | "closed", ...},
 *     "holidays": ["2026-10-01"]}}: new service hours, from the next call on, kept across restarts
 *     (every weekday must be given). The rest stays in the configuration files, checked at start-up:
 *     the greeting is recorded audio that must match the company name.</li>
 * </ul>
 */
public final class SettingsResource implements Resource {

    public static final int BODY_LIMIT = 4096;
    private static final int MAX_HOLIDAYS = 366;

    private final Vertx vertx;
    private final HotlineConfig config;
    private final CentreHours hours;
    private final MongoServiceHours saved;
    private final Clock clock;

    public SettingsResource(Vertx vertx, HotlineConfig config, CentreHours hours, MongoServiceHours saved, Clock clock) {
        this.vertx = vertx;
        this.config = config;
        this.hours = hours;
        this.saved = saved;
        this.clock = clock;
    }

    @Override
    public void mount(Router router) {
        router.get("/api/settings").handler(ctx -> Responses.json(ctx, 200, settings()));
        router.get("/api/settings/company").handler(ctx -> Responses.json(ctx, 200, company()));
        router.put("/api/settings/hours").handler(BodyHandler.create().setBodyLimit(BODY_LIMIT)).handler(this::changeHours);
    }

    private void changeHours(RoutingContext ctx) {
        ServiceHours changed;
        try {
            changed = hours(JsonBody.of(ctx, Set.of("week", "holidays"),
                    "{\"week\": {\"monday\": \"09:00-21:00\", ..., \"sunday\": \"closed\"}, \"holidays\": [\"2026-10-01\"]}"));
        } catch (ApiError error) {
            error.send(ctx.response());
            return;
        }
        String by = Viewers.of(ctx).map(viewer -> viewer.user()).orElse("?");
        vertx.executeBlocking(() -> {
            saved.save(changed, by, clock.instant()); // kept first: what callers get must survive a restart
            return null;
        }, false).onComplete(done -> {
            if (done.failed()) {
                new ApiError(503, "settings not saved: the store is unavailable; nothing changed").send(ctx.response());
                return;
            }
            hours.change(changed);
            Responses.json(ctx, 200, settings());
        });
    }

    private ServiceHours hours(JsonObject body) {
        if (!(body.getValue("week") instanceof JsonObject week)) {
            throw ApiError.badParameter("week", "expected {\"monday\": \"09:00-21:00\", ...} with every day");
        }
        Map<DayOfWeek, ServiceHours.Hours> days = new EnumMap<>(DayOfWeek.class);
        for (String name : week.fieldNames()) {
            if (dayOf(name) == null) {
                throw ApiError.badParameter("week." + org.hotline.shared.Printable.of(name), "not a day (monday ... sunday)");
            }
        }
        for (DayOfWeek day : DayOfWeek.values()) {
            String key = day.name().toLowerCase(Locale.ROOT);
            if (!(week.getValue(key) instanceof String text)) {
                throw ApiError.badParameter("week." + key, "required: a time range like 09:00-21:00, or closed");
            }
            try {
                ServiceHours.Hours.parse(text).ifPresent(open -> days.put(day, open));
            } catch (IllegalArgumentException e) {
                throw ApiError.badParameter("week." + key, e.getMessage());
            }
        }
        Set<LocalDate> holidays = new HashSet<>();
        Object listed = body.getValue("holidays", new JsonArray());
        if (!(listed instanceof JsonArray dates) || dates.size() > MAX_HOLIDAYS) {
            throw ApiError.badParameter("holidays", "a list of at most " + MAX_HOLIDAYS + " dates like 2026-10-01");
        }
        for (Object date : dates) {
            try {
                holidays.add(LocalDate.parse((String) date));
            } catch (ClassCastException | NullPointerException | DateTimeException e) {
                throw ApiError.badParameter("holidays", "dates like 2026-10-01");
            }
        }
        return new ServiceHours(config.centre().timeZone(), days, holidays);
    }

    private static DayOfWeek dayOf(String name) {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().toLowerCase(Locale.ROOT).equals(name)) {
                return day;
            }
        }
        return null;
    }

    private JsonObject company() {
        return new JsonObject().put("name", config.company().name()).put("nameEn", config.company().nameEn());
    }

    private JsonObject settings() {
        ServiceHours now = hours.current();
        JsonObject week = new JsonObject();
        for (DayOfWeek day : DayOfWeek.values()) {
            ServiceHours.Hours open = now.week().get(day);
            week.put(day.name().toLowerCase(Locale.ROOT), open == null ? "closed" : open.text());
        }
        JsonArray holidays = new JsonArray();
        now.holidays().stream().sorted().forEach(day -> holidays.add(day.toString()));
        JsonObject menu = new JsonObject();
        config.ivr().menu().options().forEach((key, queue) -> menu.put(String.valueOf(key), queue));
        JsonArray queues = new JsonArray();
        config.queues().stream().map(skill -> skill.name()).sorted().forEach(queues::add);
        return new JsonObject()
                .put("company", company())
                .put("language", config.ivr().language().code())
                .put("timeZone", config.centre().timeZone().getId())
                .put("hours", new JsonObject().put("week", week).put("holidays", holidays))
                .put("menu", menu)
                .put("answer", new JsonObject().put("maxRings", config.rings().answer().within().count())
                        .put("ringSeconds", config.rings().ringLength().toSeconds()))
                .put("apology", new JsonObject().put("afterRings", config.rings().apology().after().count())
                        .put("ringSeconds", config.rings().ringLength().toSeconds()))
                .put("agentRing", new JsonObject().put("rings", config.routing().waiting().agentRing().given().count())
                        .put("ringSeconds", config.routing().waiting().agentRing().given().ringLength().toSeconds()))
                .put("talk", new JsonObject().put("warningSeconds", config.routing().talkTime().target().toSeconds())
                        .put("limitSeconds", config.routing().talkTime().limit().toSeconds()))
                .put("replyWithinDays", config.cases().replies().days())
                .put("queues", queues);
    }
}
