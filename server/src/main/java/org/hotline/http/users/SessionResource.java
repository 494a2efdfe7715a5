package org.hotline.http.users;

import io.vertx.core.Vertx;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.hotline.access.KnownUsers;
import org.hotline.access.LoginThrottle;
import org.hotline.access.Passwords;
import org.hotline.access.Session;
import org.hotline.access.Sessions;
import org.hotline.access.User;
import org.hotline.access.Users;
import org.hotline.http.ApiError;
import org.hotline.http.ClientAddress;
import org.hotline.http.JsonBody;
import org.hotline.http.Responses;
import org.hotline.http.Viewers;
import org.hotline.http.audit.AuditTrail;

/**
 * Logging in and out.
 *
 * <ul>
 * <li>{@code POST /api/session} {@code {"user", "password"}}: 200 with who is logged in and the CSRF
 *     token, and the session cookie (HttpOnly, SameSite=Strict, Secure over HTTPS); 401 for a wrong
 *     name or password (the same answer for both); 429 with {@code retryAfterSeconds} after repeated
 *     failures.</li>
 * <li>{@code GET /api/session}: the same answer for the session the cookie carries.</li>
 * <li>{@code DELETE /api/session}: logs out (204).</li>
 * <li>{@code POST /api/session/password} {@code {"current", "password"}}: a user changes their own
 *     password (the current one is asked again, so an unattended browser cannot); other sessions end.</li>
 * </ul>
 */
public final class SessionResource {

    public static final int BODY_LIMIT = 4096;

    private static final Set<String> FIELDS = Set.of("user", "password");

    private final Vertx vertx;
    private final Users users;
    private final KnownUsers known;
    private final Passwords passwords;
    private final LoginThrottle throttle;
    private final Sessions sessions;
    private final AuditTrail audit;
    private final boolean secureCookie;

    SessionResource(Vertx vertx, Users users, Passwords passwords, LoginThrottle throttle, Sessions sessions,
                    AuditTrail audit, boolean secureCookie) {
        this.vertx = vertx;
        this.users = users;
        this.known = new KnownUsers(users, sessions::storeAnswers);
        this.passwords = passwords;
        this.throttle = throttle;
        this.sessions = sessions;
        this.audit = audit;
        this.secureCookie = secureCookie;
    }

    void mount(Router router) {
        router.post("/api/session").handler(BodyHandler.create().setBodyLimit(BODY_LIMIT)).handler(this::login);
        router.get("/api/session").handler(this::current);
        router.delete("/api/session").handler(this::logout);
        router.post("/api/session/password").handler(BodyHandler.create().setBodyLimit(BODY_LIMIT)).handler(this::changePassword);
    }

    private void changePassword(RoutingContext ctx) {
        var viewer = Viewers.of(ctx).orElseThrow();
        String current;
        String password;
        try {
            JsonObject body = JsonBody.of(ctx, Set.of("current", "password"), "{\"current\": \"...\", \"password\": \"...\"}");
            current = JsonBody.text(body, "current");
            password = JsonBody.text(body, "password");
            String problem = Passwords.problem(password);
            if (current == null) {
                throw ApiError.badParameter("current", "is required");
            }
            if (problem != null) {
                throw ApiError.badParameter("password", problem);
            }
        } catch (ApiError error) {
            error.send(ctx.response());
            return;
        }
        String address = ClientAddress.of(ctx);
        if (throttle.attempt(viewer.user(), address).isPresent()) {
            new ApiError(429, "too many wrong passwords: try again later").send(ctx.response());
            return;
        }
        vertx.executeBlocking(() -> check(viewer.user(), current).map(user -> {
            users.replace(user.withPasswordHash(passwords.hash(password)));
            sessions.closeAllOf(viewer.user());
            return sessions.open(user);
        }), false).onComplete(done -> {
            if (done.failed()) {
                throttle.unchecked(viewer.user(), address);
                new ApiError(503, "users unavailable; try again").send(ctx.response());
            } else if (done.result().isEmpty()) {
                ApiError.badParameter("current", "not your current password").send(ctx.response());
            } else {
                throttle.succeeded(viewer.user(), address);
                Session session = done.result().get();
                audit.record(viewer.user(), "password.changed", null, null);
                ctx.response().addCookie(sessionCookie(session.token()));
                Responses.json(ctx.response(), 200, json(session));
            }
        });
    }

    private void login(RoutingContext ctx) {
        String name;
        String password;
        try {
            JsonObject body = JsonBody.of(ctx, FIELDS, "{\"user\": \"li.na\", \"password\": \"...\"}");
            name = JsonBody.text(body, "user");
            password = JsonBody.text(body, "password");
            if (name == null || password == null) {
                throw ApiError.badParameter(name == null ? "user" : "password", "is required");
            }
        } catch (ApiError error) {
            error.send(ctx.response());
            return;
        }
        String address = ClientAddress.of(ctx);
        // counted before the password is checked, so logins sent at once cannot all slip past the lock
        Optional<Duration> locked = throttle.attempt(name, address);
        if (locked.isPresent()) {
            long seconds = Math.max(1, locked.get().toSeconds());
            audit.record(User.isValidName(name) ? name : "?", "login.locked", address, null);
            ctx.response().putHeader("retry-after", String.valueOf(seconds));
            Responses.json(ctx.response(), 429, new JsonObject()
                    .put("error", "too many wrong passwords: try again in " + Math.max(1, (seconds + 59) / 60) + " min")
                    .put("retryAfterSeconds", seconds));
            return;
        }
        vertx.executeBlocking(() -> check(name, password).map(sessions::open), false).onComplete(done -> {
            if (done.failed()) {
                throttle.unchecked(name, address);
                new ApiError(503, "users unavailable; try again").send(ctx.response());
                return;
            }
            if (done.result().isEmpty()) {
                audit.record(User.isValidName(name) ? name : "?", "login.failed", address, null);
                new ApiError(401, "wrong user name or password").send(ctx.response());
                return;
            }
            throttle.succeeded(name, address);
            Session session = done.result().get();
            audit.record(session.viewer().user(), "login", address, null);
            ctx.response().addCookie(sessionCookie(session.token()));
            Responses.json(ctx.response(), 200, json(session));
        });
    }

    /** The user when the password is theirs and they may log in; slow on purpose, so off the event loop. */
    private Optional<User> check(String name, String password) {
        Optional<User> user = known.find(name);
        if (user.isEmpty()) {
            passwords.checkNobody(password);
            return Optional.empty();
        }
        boolean right = passwords.matches(password, user.get().passwordHash());
        return right && !user.get().disabled() ? user : Optional.empty();
    }

    /** Reads the users again for logins while the store is away (blocking). */
    void refreshUsers() {
        known.refresh();
    }

    private void current(RoutingContext ctx) {
        Cookie cookie = ctx.request().getCookie(AccessGuard.COOKIE);
        String token = cookie == null ? null : cookie.getValue();
        Optional<Session> held = sessions.findHeld(token);
        if (held.isPresent() || token == null) {
            answer(ctx, held);
            return;
        }
        vertx.executeBlocking(() -> sessions.find(token), false).onComplete(found -> {
            if (found.failed()) {
                AccessGuard.uncheckable(ctx);
            } else {
                answer(ctx, found.result());
            }
        });
    }

    private static void answer(RoutingContext ctx, Optional<Session> session) {
        if (session.isEmpty()) {
            new ApiError(401, "log in first (no session, or it has expired)").send(ctx.response());
        } else {
            Responses.json(ctx.response(), 200, json(session.get()));
        }
    }

    private void logout(RoutingContext ctx) {
        Cookie cookie = ctx.request().getCookie(AccessGuard.COOKIE);
        String token = cookie == null ? null : cookie.getValue();
        // every server refuses the session once the store has it closed (or the spool, when the store is away)
        vertx.executeBlocking(() -> {
            sessions.close(token);
            return null;
        }, false).onComplete(closed -> {
            Viewers.of(ctx).ifPresent(viewer -> audit.record(viewer.user(), "logout", null, null));
            ctx.response().addCookie(sessionCookie("").setMaxAge(0));
            ctx.response().setStatusCode(204).putHeader("cache-control", "no-store").end();
        });
    }

    private Cookie sessionCookie(String token) {
        return Cookie.cookie(AccessGuard.COOKIE, token).setPath("/").setHttpOnly(true).setSecure(secureCookie)
                .setSameSite(CookieSameSite.STRICT);
    }

    static JsonObject json(Session session) {
        JsonArray permissions = new JsonArray();
        session.viewer().role().permissions().stream().map(p -> p.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
                .sorted().forEach(permissions::add);
        return new JsonObject()
                .put("user", session.viewer().user())
                .put("displayName", session.displayName())
                .put("role", session.viewer().role().id())
                .put("agent", session.viewer().agent() == null ? null : session.viewer().agent().value())
                .put("csrfToken", session.csrfToken())
                .put("permissions", permissions)
                .put("expiresAt", session.expiresAt().toString());
    }
}
