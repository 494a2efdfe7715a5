package org.hotline.http.agents;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.hotline.floor.Floor;
import org.hotline.http.ApiError;
import org.hotline.http.JsonBody;
import org.hotline.http.Resource;
import org.hotline.http.Responses;
import org.hotline.http.Viewers;
import org.hotline.routing.UnknownAgent;
import org.hotline.shared.AgentId;
import org.hotline.shared.Printable;
import org.hotline.shared.Skill;
import org.hotline.store.MongoAgentSkills;

/**
 * {@code PUT /api/agents/{id}/skills} {@code {"skills": {"orders": 3, "agent": 2}}}: a supervisor moves
 * an agent to other queues, at levels from 1 (can) to 5 (expert). Counts from the next offer and is
 * kept across restarts; a call already ringing the agent stays theirs.
 */
public final class AgentSkillsResource implements Resource {

    public static final int BODY_LIMIT = 4096;
    private static final String EXAMPLE = "{\"skills\": {\"orders\": 3, \"agent\": 2}}";

    private final Vertx vertx;
    private final Floor floor;
    private final Set<Skill> queues;
    private final MongoAgentSkills saved;
    private final Clock clock;

    public AgentSkillsResource(Vertx vertx, Floor floor, Set<Skill> queues, MongoAgentSkills saved, Clock clock) {
        this.vertx = vertx;
        this.floor = floor;
        this.queues = Set.copyOf(queues);
        this.saved = saved;
        this.clock = clock;
    }

    @Override
    public void mount(Router router) {
        router.put("/api/agents/:id/skills").handler(BodyHandler.create().setBodyLimit(BODY_LIMIT)).handler(this::change);
    }

    private void change(RoutingContext ctx) {
        String text = ctx.pathParam("id");
        if (!AgentId.isValid(text)) {
            new ApiError(404, "no agent with that ID").send(ctx.response());
            return;
        }
        AgentId id = new AgentId(text);
        Map<Skill, Integer> skills;
        try {
            skills = skills(JsonBody.of(ctx, Set.of("skills"), EXAMPLE));
        } catch (ApiError error) {
            error.send(ctx.response());
            return;
        }
        String by = Viewers.of(ctx).map(viewer -> viewer.user()).orElse("?");
        floor.agent(id).compose(known -> vertx.executeBlocking(() -> {
            saved.save(id, skills, by, clock.instant()); // kept first: the floor must not change what a restart forgets
            return null;
        }, false)).compose(kept -> floor.changeSkills(id, skills)).onComplete(done -> {
            if (done.succeeded()) {
                Responses.json(ctx, 200, AgentsResource.json(done.result()));
            } else if (done.cause() instanceof UnknownAgent unknown) {
                new ApiError(404, unknown.getMessage()).send(ctx.response());
            } else {
                new ApiError(503, "skills not saved: the store is unavailable; nothing changed").send(ctx.response());
            }
        });
    }

    private Map<Skill, Integer> skills(JsonObject body) {
        if (!(body.getValue("skills") instanceof JsonObject given) || given.isEmpty()) {
            throw ApiError.badParameter("skills", "at least one queue with a level, like " + EXAMPLE
                    + " (to keep an agent from calls, pause them)");
        }
        Map<Skill, Integer> skills = new TreeMap<>();
        for (String name : given.fieldNames()) {
            Skill skill = queues.stream().filter(queue -> queue.name().equals(name)).findFirst().orElseThrow(() ->
                    ApiError.badParameter("skills." + Printable.of(name), "not a queue (" + String.join(", ",
                            queues.stream().map(Skill::name).sorted().toList()) + ")"));
            if (!(given.getValue(name) instanceof Integer level) || level < 1 || level > 5) {
                throw ApiError.badParameter("skills." + name, "a level from 1 (can) to 5 (expert)");
            }
            skills.put(skill, level);
        }
        return skills;
    }
}
