package org.hotline.http.users;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.hotline.access.Passwords;
import org.hotline.access.Role;
import org.hotline.access.Sessions;
import org.hotline.access.User;
import org.hotline.access.Users;
import org.hotline.http.ApiError;
import org.hotline.http.JsonBody;
import org.hotline.http.Responses;
import org.hotline.http.Viewers;
import org.hotline.shared.AgentId;

/**
 * Users, for administrators.
 *
 * <ul>
 * <li>{@code GET /api/users}: everyone who may log in (never their password hashes).</li>
 * <li>{@code POST /api/users} {@code {"name", "displayName", "role", "agent"?, "password"}}: 201.</li>
 * <li>{@code PUT /api/users/{name}} {@code {"displayName"?, "role"?, "agent"?, "disabled"?}}: the user's
 *     sessions end, so a new role or a disabled account counts from the next request.</li>
 * <li>{@code POST /api/users/{name}/password} {@code {"password"}}: a new password; sessions end.</li>
 * </ul>
 * The last administrator who can log in cannot be disabled or given another role (409).
 */
public final class UsersResource {

    public static final int BODY_LIMIT = 4096;

    private static final Set<String> NEW = Set.of("name", "displayName", "role", "agent", "password");
    private static final Set<String> CHANGE = Set.of("displayName", "role", "agent", "disabled");
    private static final Set<String> PASSWORD = Set.of("password");

    private final Vertx vertx;
    private final Users users;
    private final Passwords passwords;
    private final Sessions sessions;
    private final Predicate<AgentId> knownAgents;

    UsersResource(Vertx vertx, Users users, Passwords passwords, Sessions sessions, Predicate<AgentId> knownAgents) {
        this.vertx = vertx;
        this.users = users;
        this.passwords = passwords;
        this.sessions = sessions;
        this.knownAgents = knownAgents;
    }

    void mount(Router router) {
        BodyHandler body = BodyHandler.create().setBodyLimit(BODY_LIMIT);
        router.get("/api/users").handler(this::list);
        router.post("/api/users").handler(body).handler(this::create);
        router.put("/api/users/:name").handler(body).handler(this::change);
        router.post("/api/users/:name/password").handler(body).handler(this::password);
    }

    private void list(RoutingContext ctx) {
        blocking(ctx, 200, () -> {
            JsonArray all = new JsonArray();
            users.all().forEach(user -> all.add(json(user)));
            return new JsonObject().put("users", all);
        });
    }

    private void create(RoutingContext ctx) {
        JsonObject body;
        User user;
        String password;
        try {
            body = JsonBody.of(ctx, NEW, "{\"name\": \"li.na\", \"displayName\": \"Li Na\", \"role\": \"agent\", \"agent\": \"010\", \"password\": \"...\"}");
            password = JsonBody.text(body, "password");
            String problem = Passwords.problem(password);
            if (problem != null) {
                throw ApiError.badParameter("password", problem);
            }
            user = user(JsonBody.text(body, "name"), JsonBody.text(body, "displayName"), role(body, null), agent(body, null),
                    "pending", false);
        } catch (ApiError error) {
            error.send(ctx.response());
            return;
        }
        Viewers.audited(ctx, "/api/users/" + user.name());
        blocking(ctx, 201, () -> {
            User made = user.withPasswordHash(passwords.hash(password));
            try {
                users.add(made);
            } catch (Users.UserExists e) {
                throw new ApiError(409, e.getMessage());
            }
            return json(made);
        });
    }

    private void change(RoutingContext ctx) {
        String name = ctx.pathParam("name");
        JsonObject body;
        try {
            body = JsonBody.of(ctx, CHANGE, "{\"role\": \"supervisor\"} or {\"disabled\": true}");
        } catch (ApiError error) {
            error.send(ctx.response());
            return;
        }
        blocking(ctx, 200, () -> {
            User old = users.find(name).orElseThrow(() -> new ApiError(404, "no such user"));
            Object disabled = body.getValue("disabled", old.disabled());
            if (!(disabled instanceof Boolean)) {
                throw ApiError.badParameter("disabled", "true or false");
            }
            String displayName = body.containsKey("displayName") ? JsonBody.text(body, "displayName") : old.displayName();
            User changed = user(name, displayName, role(body, old.role()), agent(body, old.agent()), old.passwordHash(),
                    (Boolean) disabled);
            if (leavesNoAdministrator(old, changed)) {
                throw new ApiError(409, "the last administrator who can log in must stay one");
            }
            users.replace(changed);
            sessions.closeAllOf(name);
            return json(changed);
        });
    }

    private void password(RoutingContext ctx) {
        String name = ctx.pathParam("name");
        String password;
        try {
            password = JsonBody.text(JsonBody.of(ctx, PASSWORD, "{\"password\": \"...\"}"), "password");
            String problem = Passwords.problem(password);
            if (problem != null) {
                throw ApiError.badParameter("password", problem);
            }
        } catch (ApiError error) {
            error.send(ctx.response());
            return;
        }
        blocking(ctx, 200, () -> {
            User old = users.find(name).orElseThrow(() -> new ApiError(404, "no such user"));
            users.replace(old.withPasswordHash(passwords.hash(password)));
            sessions.closeAllOf(name);
            return json(old);
        });
    }

    private boolean leavesNoAdministrator(User old, User changed) {
        boolean wasAdmin = old.role() == Role.ADMIN && !old.disabled();
        boolean staysAdmin = changed.role() == Role.ADMIN && !changed.disabled();
        return wasAdmin && !staysAdmin
                && users.all().stream().noneMatch(u -> !u.name().equals(old.name()) && u.role() == Role.ADMIN && !u.disabled());
    }

    private static User user(String name, String displayName, Role role, AgentId agent, String hash, boolean disabled) {
        try {
            return new User(name, displayName, role, agent, hash, disabled);
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            int colon = message.indexOf(':');
            throw colon > 0 ? ApiError.badParameter(message.substring(0, colon), message.substring(colon + 2))
                    : ApiError.badParameter("body", message);
        }
    }

    private static Role role(JsonObject body, Role fallback) {
        if (!body.containsKey("role")) {
            return fallback;
        }
        return Role.of(JsonBody.text(body, "role")).orElseThrow(() -> ApiError.badParameter("role", "agent, supervisor or admin"));
    }

    private AgentId agent(JsonObject body, AgentId fallback) {
        if (!body.containsKey("agent")) {
            return fallback;
        }
        String id = JsonBody.text(body, "agent");
        if (id == null) {
            return null;
        }
        if (!AgentId.isValid(id) || !knownAgents.test(new AgentId(id))) {
            throw ApiError.badParameter("agent", "no such agent in the roster");
        }
        return new AgentId(id);
    }

    static JsonObject json(User user) {
        return new JsonObject()
                .put("name", user.name())
                .put("displayName", user.displayName())
                .put("role", user.role().id())
                .put("agent", user.agent() == null ? null : user.agent().value())
                .put("disabled", user.disabled());
    }

    private void blocking(RoutingContext ctx, int status, Callable<JsonObject> work) {
        vertx.executeBlocking(work, false).onComplete(done -> {
            if (done.succeeded()) {
                Responses.json(ctx, status, done.result());
            } else if (done.cause() instanceof ApiError error) {
                error.send(ctx.response());
            } else {
                new ApiError(503, "users unavailable; try again").send(ctx.response());
            }
        });
    }
}
