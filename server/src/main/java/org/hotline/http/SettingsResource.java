package org.hotline.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import org.hotline.config.HotlineConfig;

/**
 * {@code GET /api/settings}: what the centre runs with, for the supervisors' console: company name
 * (the greeting), service hours, the IVR menu, the agents and their skills, the time limits. Read
 * only: the configuration files are the one place settings change, checked as the server starts.
 */
public final class SettingsResource {

    private final JsonObject settings;

    public SettingsResource(HotlineConfig config) {
        this.settings = settings(config);
    }

    void mount(Router router) {
        router.get("/api/settings").handler(ctx -> Responses.json(ctx, 200, settings));
    }

    private static JsonObject settings(HotlineConfig config) {
        JsonObject week = new JsonObject();
        for (java.time.DayOfWeek day : java.time.DayOfWeek.values()) {
            var hours = config.hours().week().get(day);
            week.put(day.name().toLowerCase(java.util.Locale.ROOT), hours == null ? "closed"
                    : hours.opens() + "-" + (hours.closes().equals(java.time.LocalTime.MIDNIGHT) ? "24:00" : hours.closes()));
        }
        JsonArray holidays = new JsonArray();
        config.hours().holidays().stream().sorted().forEach(day -> holidays.add(day.toString()));
        JsonObject menu = new JsonObject();
        config.ivr().menu().options().forEach((key, queue) -> menu.put(String.valueOf(key), queue));
        JsonArray agents = new JsonArray();
        config.agents().forEach(agent -> {
            JsonObject skills = new JsonObject();
            agent.skills().forEach((skill, level) -> skills.put(skill.name(), level));
            agents.add(new JsonObject().put("id", agent.id().value()).put("name", agent.name())
                    .put("tier", agent.tier().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
                    .put("teamLead", agent.teamLead() == null ? null : agent.teamLead().value())
                    .put("skills", skills));
        });
        return new JsonObject()
                .put("company", new JsonObject().put("name", config.company().name()).put("nameEn", config.company().nameEn()))
                .put("language", config.ivr().language().code())
                .put("timeZone", config.centre().timeZone().getId())
                .put("hours", new JsonObject().put("week", week).put("holidays", holidays))
                .put("menu", menu)
                .put("answer", new JsonObject().put("maxRings", config.rings().maxRings())
                        .put("ringSeconds", config.rings().ringLength().toSeconds()))
                .put("talk", new JsonObject().put("warningSeconds", config.routing().talkWarning().toSeconds())
                        .put("limitSeconds", config.routing().talkLimit().toSeconds()))
                .put("replyWithinDays", config.cases().replies().days())
                .put("agents", agents);
    }
}
