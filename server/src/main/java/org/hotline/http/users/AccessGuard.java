package org.hotline.http.users;

import io.vertx.core.Handler;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.hotline.access.LookupLimit;
import org.hotline.access.NumberLookups;
import org.hotline.access.Permission;
import org.hotline.access.Session;
import org.hotline.access.Sessions;
import org.hotline.access.Viewer;
import org.hotline.http.ApiError;
import org.hotline.http.Viewers;
import org.hotline.http.audit.AuditTrail;

/**
 * Stands in front of every {@code /api} route: finds the session from its cookie, checks the CSRF
 * header on every changing request, asks {@link AccessRules} whether the viewer's role may, and
 * audits what the rules say to audit once it succeeded. Pages themselves are public; the data they
 * show comes through here.
 */
final class AccessGuard implements Handler<RoutingContext> {

    static final String COOKIE = "hotline_session";
    static final String CSRF_HEADER = "X-CSRF-Token";

    private final AccessRules rules;
    private final Sessions sessions;
    private final AuditTrail audit;
    private final NumberLookups lookups;

    AccessGuard(AccessRules rules, Sessions sessions, AuditTrail audit) {
        this(rules, sessions, audit, new NumberLookups(LookupLimit.STANDARD, java.time.Clock.systemUTC()));
    }

    /** @param lookups how many reads by phone number each user may get wrong */
    AccessGuard(AccessRules rules, Sessions sessions, AuditTrail audit, NumberLookups lookups) {
        this.rules = rules;
        this.sessions = sessions;
        this.audit = audit;
        this.lookups = lookups;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        if (!path.equals("/api") && !path.startsWith("/api/")) {
            ctx.next();
            return;
        }
        HttpMethod method = ctx.request().method();
        AccessRules.Rule rule = rules.ruleFor(method, path);
        if (rule.need() == AccessRules.Need.NOBODY) {
            ctx.next();
            return;
        }
        String token = token(ctx);
        Optional<Session> held = sessions.findHeld(token);
        if (held.isPresent() || token == null) {
            admit(ctx, rule, held);
            return;
        }
        // not held here (opened on another server, or before a restart): the store is asked, off the event loop,
        // with the request's body held back until a body handler behind takes it
        ctx.request().pause();
        ctx.addEndHandler(ended -> ctx.request().resume());
        ctx.vertx().executeBlocking(() -> sessions.find(token), false).onComplete(found -> {
            if (found.failed()) {
                ctx.request().resume();
                uncheckable(ctx);
            } else {
                admit(ctx, rule, found.result());
            }
        });
    }

    /** 503, not 401: a page retries rather than sending its user to log in again. */
    static void uncheckable(RoutingContext ctx) {
        ctx.response().putHeader("Retry-After", "10");
        new ApiError(503, "sessions cannot be checked while the store (MongoDB) is unreachable; try again shortly")
                .send(ctx.response());
    }

    private void admit(RoutingContext ctx, AccessRules.Rule rule, Optional<Session> session) {
        String path = ctx.normalizedPath();
        HttpMethod method = ctx.request().method();
        if (session.isEmpty()) {
            ctx.request().resume();
            new ApiError(401, "log in first (no session, or it has expired)").send(ctx.response());
            return;
        }
        Viewer viewer = session.get().viewer();
        if (changes(method) && !sameSecret(ctx.request().getHeader(CSRF_HEADER), session.get().csrfToken())) {
            new ApiError(403, "csrf: the " + CSRF_HEADER + " header is missing or wrong; reload the page").send(ctx.response());
            return;
        }
        boolean export = "csv".equals(ctx.queryParams().get("format"));
        if (!rule.allows(viewer, AccessRules.segments(path)) || (export && !viewer.may(Permission.EXPORT))) {
            audit.record(viewer.user(), "access.refused", method + " " + path, viewer.role().id());
            new ApiError(403, "a" + (viewer.role().id().startsWith("a") ? "n " : " ") + viewer.role().id()
                    + " may not " + (export ? "export data" : method.name() + " " + rule.pattern())).send(ctx.response());
            return;
        }
        String token = session.get().token();
        Viewers.put(ctx, viewer, () -> sessions.isOpen(token));
        if (rule.looksUpNumber() && !lookUp(ctx, viewer, rule, path)) {
            return;
        }
        String action = export ? "report.exported" : rule.audit();
        if (action != null && !changes(method)) {
            // a read of personal data: who, what, when, and whether it found anything, as the answer starts (a live stream lasts)
            ctx.addHeadersEndHandler(v -> audit.record(viewer.user(), action, target(ctx, path), outcome(ctx.response().getStatusCode())));
        } else if (action != null) {
            // as the answer starts: the change is made by then, and a client that hangs up before
            // the answer is written must not take the change's audit with it
            ctx.addHeadersEndHandler(v -> {
                int status = ctx.response().getStatusCode();
                if (status >= 200 && status < 300) {
                    audit.record(viewer.user(), action, Viewers.auditedTarget(ctx, target(ctx, path)), null);
                }
            });
        }
        ctx.next();
    }

    /**
     * Lets a read by phone number through unless the viewer has had too many misses (429, audited for
     * supervisors to see); it counts as a miss until it is answered with anything but 404.
     */
    private boolean lookUp(RoutingContext ctx, Viewer viewer, AccessRules.Rule rule, String path) {
        Optional<java.time.Duration> limited = lookups.attempt(viewer.user());
        if (limited.isPresent()) {
            long seconds = Math.max(1, limited.get().toSeconds());
            audit.record(viewer.user(), "customer.lookups-limited", target(ctx, path), "too many numbers not found; refused for "
                    + seconds + " s");
            ctx.response().putHeader("retry-after", String.valueOf(seconds));
            new ApiError(429, "too many look-ups of numbers that are not on file: try again in "
                    + Math.max(1, (seconds + 59) / 60) + " min").send(ctx.response());
            return false;
        }
        ctx.addHeadersEndHandler(v -> {
            if (ctx.response().getStatusCode() != 404) {
                lookups.found(viewer.user());
            }
        });
        return true;
    }

    private static String outcome(int status) {
        if (status >= 200 && status < 300) {
            return "found";
        }
        return status == 404 ? "not found" : "answered " + status;
    }

    private static String token(RoutingContext ctx) {
        Cookie cookie = ctx.request().getCookie(COOKIE);
        return cookie == null ? null : cookie.getValue();
    }

    static boolean changes(HttpMethod method) {
        return !(method.equals(HttpMethod.GET) || method.equals(HttpMethod.HEAD) || method.equals(HttpMethod.OPTIONS));
    }

    // Constant time: how much of a guessed token was right must not show in how long the refusal takes.
    static boolean sameSecret(String given, String expected) {
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    private static String target(RoutingContext ctx, String path) {
        String query = ctx.request().query();
        return query == null ? path : path + "?" + query;
    }
}
