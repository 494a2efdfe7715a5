package org.hotline.http.agents;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.hotline.http.ApiError;
import org.hotline.http.JsonBody;
import org.hotline.http.Resource;
import org.hotline.http.Responses;
import org.hotline.http.Viewers;
import org.hotline.routing.Agent;
import org.hotline.routing.Tier;
import org.hotline.routing.UnknownAgent;
import org.hotline.routing.roster.AddAgent;
import org.hotline.routing.roster.AgentConflict;
import org.hotline.routing.roster.BadAgent;
import org.hotline.routing.roster.ChangeAgent;
import org.hotline.routing.roster.DisableAgent;
import org.hotline.routing.roster.EnableAgent;
import org.hotline.routing.roster.NewAgent;
import org.hotline.routing.roster.NewPhonePassword;
import org.hotline.routing.roster.RemoveAgent;
import org.hotline.routing.roster.Roster;
import org.hotline.routing.roster.RosterAgent;
import org.hotline.shared.AgentId;
import org.hotline.shared.Printable;
import org.hotline.shared.Skill;

/**
 * The roster from the admin page: {@code GET /api/roster}; {@code POST /api/agents} (the answer carries the
 * first passwords, once); {@code PUT /api/agents/{id}}; {@code POST /api/agents/{id}/disable} and
 * {@code /enable}; {@code POST /api/agents/{id}/phone-password} (a new one, answered once); {@code DELETE /api/agents/{id}}. Each change is live: the floor and Asterisk's accounts at once.
 */
public final class RosterResource implements Resource {

    public static final int BODY_LIMIT = 4096;
    private static final Set<String> FIELDS = Set.of("id", "name", "tier", "teamLead", "skills");
    private static final String EXAMPLE = "{\"id\": \"020\", \"name\": \"赵敏\", \"tier\": \"front-line\", \"teamLead\": \"001\", "
            + "\"skills\": {\"orders\": 3}}";

    /** The use cases behind the routes. */
    public record Cases(Roster roster, AddAgent add, ChangeAgent change, DisableAgent disable, EnableAgent enable,
                        RemoveAgent remove, NewPhonePassword phonePassword) {
    }

    private final Vertx vertx;
    private final Cases cases;

    public RosterResource(Vertx vertx, Cases cases) {
        this.vertx = vertx;
        this.cases = cases;
    }

    @Override
    public void mount(Router router) {
        router.get("/api/roster").handler(ctx -> blocking(ctx, 200, () -> {
            JsonArray agents = new JsonArray();
            cases.roster().all().forEach(agent -> agents.add(json(agent)));
            return new JsonObject().put("agents", agents);
        }));
        router.post("/api/agents").handler(BodyHandler.create().setBodyLimit(BODY_LIMIT)).handler(this::add);
        router.put("/api/agents/:id").handler(BodyHandler.create().setBodyLimit(BODY_LIMIT)).handler(this::change);
        router.post("/api/agents/:id/disable").handler(ctx -> withId(ctx, id -> blocking(ctx, 200,
                () -> json(cases.disable().disable(id)))));
        router.post("/api/agents/:id/enable").handler(ctx -> withId(ctx, id -> blocking(ctx, 200,
                () -> json(cases.enable().enable(id)))));
        router.post("/api/agents/:id/phone-password").handler(ctx -> withId(ctx, id -> blocking(ctx, 200,
                () -> new JsonObject().put("id", id.value()).put("phonePassword", cases.phonePassword().renew(id)))));
        router.delete("/api/agents/:id").handler(ctx -> withId(ctx, id -> blocking(ctx, 200,
                () -> json(cases.remove().remove(id)))));
    }

    private void add(RoutingContext ctx) {
        Agent agent;
        try {
            JsonObject body = JsonBody.of(ctx, FIELDS, EXAMPLE);
            String id = JsonBody.text(body, "id");
            if (!AgentId.isValid(id)) {
                throw ApiError.badParameter("id", "1 to 16 letters or digits (it names the agent's SIP account and is said on calls)");
            }
            agent = agent(new AgentId(id), body);
        } catch (ApiError error) {
            error.send(ctx.response());
            return;
        }
        Viewers.audited(ctx, "/api/agents/" + agent.id());
        blocking(ctx, 201, () -> {
            NewAgent made = cases.add().add(agent);
            return json(made.agent()).put("login", made.login()).put("firstPasswords", new JsonObject()
                    .put("phone", made.phonePassword()).put("desktop", made.deskPassword()));
        });
    }

    private void change(RoutingContext ctx) {
        withId(ctx, id -> {
            Agent agent;
            try {
                JsonObject body = JsonBody.of(ctx, FIELDS, EXAMPLE);
                if (body.containsKey("id") && !id.value().equals(body.getValue("id"))) {
                    throw ApiError.badParameter("id", "the ID stays; add a new agent for another");
                }
                agent = agent(id, body);
            } catch (ApiError error) {
                error.send(ctx.response());
                return;
            }
            blocking(ctx, 200, () -> json(cases.change().change(agent)));
        });
    }

    private static Agent agent(AgentId id, JsonObject body) {
        String name = JsonBody.text(body, "name");
        if (name == null || name.isBlank()) {
            throw ApiError.badParameter("name", "required");
        }
        String lead = JsonBody.text(body, "teamLead");
        if (lead != null && !lead.isEmpty() && !AgentId.isValid(lead)) {
            throw ApiError.badParameter("teamLead", "an agent ID (letters or digits), or null");
        }
        try {
            return new Agent(id, name.strip(), tier(JsonBody.text(body, "tier")), skills(body.getValue("skills")),
                    lead == null || lead.isEmpty() ? null : new AgentId(lead));
        } catch (IllegalArgumentException e) {
            throw ApiError.badParameter("agent", e.getMessage());
        }
    }

    private static Tier tier(String text) {
        if (text == null) {
            return Tier.FRONT_LINE;
        }
        for (Tier tier : Tier.values()) {
            if (dashed(tier.name()).equals(text)) {
                return tier;
            }
        }
        throw ApiError.badParameter("tier", "one of front-line, senior, team-lead");
    }

    private static Map<Skill, Integer> skills(Object value) {
        if (!(value instanceof JsonObject given) || given.isEmpty()) {
            throw ApiError.badParameter("skills", "at least one queue with a level, like {\"orders\": 3}");
        }
        Map<Skill, Integer> skills = new TreeMap<>();
        for (String name : given.fieldNames()) {
            Skill skill;
            try {
                skill = new Skill(name);
            } catch (IllegalArgumentException e) {
                throw ApiError.badParameter("skills." + Printable.of(name), "not a queue name");
            }
            if (!(given.getValue(name) instanceof Integer level) || level < 1 || level > 5) {
                throw ApiError.badParameter("skills." + name, "a level from 1 (can) to 5 (expert)");
            }
            skills.put(skill, level);
        }
        return skills;
    }

    private static void withId(RoutingContext ctx, java.util.function.Consumer<AgentId> then) {
        String text = ctx.pathParam("id");
        if (!AgentId.isValid(text)) {
            new ApiError(404, "no agent with that ID").send(ctx.response());
            return;
        }
        then.accept(new AgentId(text));
    }

    private void blocking(RoutingContext ctx, int status, Callable<JsonObject> work) {
        vertx.executeBlocking(work, false).onComplete(done -> {
            if (done.succeeded()) {
                // names no customer: sent as it is (a first password is not a number to mask)
                Responses.json(ctx.response(), status, done.result());
            } else if (done.cause() instanceof BadAgent bad) {
                ApiError.badParameter(bad.field(), bad.getMessage()).send(ctx.response());
            } else if (done.cause() instanceof AgentConflict conflict) {
                new ApiError(409, conflict.getMessage()).send(ctx.response());
            } else if (done.cause() instanceof UnknownAgent unknown) {
                new ApiError(404, unknown.getMessage()).send(ctx.response());
            } else {
                org.slf4j.LoggerFactory.getLogger(RosterResource.class).warn("roster not changed: {}", done.cause().toString());
                new ApiError(503, "the roster could not be read or changed now (the store or Asterisk did not answer); try again")
                        .send(ctx.response());
            }
        });
    }

    static JsonObject json(RosterAgent kept) {
        JsonObject skills = new JsonObject();
        kept.agent().skills().forEach((skill, level) -> skills.put(skill.name(), level));
        return new JsonObject()
                .put("id", kept.id().value())
                .put("name", kept.agent().name())
                .put("tier", dashed(kept.agent().tier().name()))
                .put("teamLead", kept.agent().teamLead() == null ? null : kept.agent().teamLead().value())
                .put("skills", skills)
                .put("standing", dashed(kept.standing().name()));
    }

    private static String dashed(String name) {
        return name.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
