package org.hotline.http.users;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.security.SecureRandom;
import io.vertx.core.Handler;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.hotline.access.AuditLog;
import org.hotline.access.LoginThrottle;
import org.hotline.access.Passwords;
import org.hotline.access.SessionBook;
import org.hotline.access.Sessions;
import org.hotline.access.Users;
import org.hotline.config.HotlineConfig;
import org.hotline.http.Resource;
import org.hotline.http.audit.AuditResource;
import org.hotline.http.audit.AuditTrail;
import org.hotline.shared.AgentId;

/** Logins, sessions and roles in front of the API: the guard ({@link #guard()}) and the resources that manage them. */
public final class AccessApi implements Resource {

    /** How often the users are read again for logins while the store is away. */
    static final Duration USERS_READ_EVERY = Duration.ofMinutes(1);

    private final AccessGuard guard;
    private final SessionResource session;
    private final UsersResource users;
    private final AuditResource audit;
    private final Sessions sessions;

    /**
     * @param book         where sessions are kept for every server of the store
     * @param secureCookie whether the session cookie is for HTTPS only (when the server serves TLS)
     */
    public AccessApi(Vertx vertx, HotlineConfig.Access config, Users users, Passwords passwords, AuditLog auditLog,
                     SessionBook book, Predicate<AgentId> knownAgents, boolean secureCookie, Clock clock) {
        Sessions sessions = new Sessions(config.sessionIdle(), config.sessionLongest(), clock, new SecureRandom(), book);
        AuditTrail trail = new AuditTrail(vertx, auditLog, clock);
        this.guard = new AccessGuard(AccessRules.standard(), sessions, trail,
                new org.hotline.access.NumberLookups(config.lookups(), clock));
        this.session = new SessionResource(vertx, users, passwords, new LoginThrottle(config.maxFailedLogins(), config.lockout(), clock),
                sessions, trail, secureCookie);
        this.users = new UsersResource(vertx, users, passwords, sessions, knownAgents);
        this.audit = new AuditResource(vertx, auditLog, clock);
        this.sessions = sessions;
        keepUp(vertx, sessions, session);
    }

    /** The sessions of this server, for what must end a user's (an agent disabled from the roster). */
    public Sessions sessions() {
        return sessions;
    }

    /**
     * Checks the sessions held here against the store every second, and reads the users again
     * every minute for logins while the store is away; each one run at a time, off the event loop.
     */
    private static void keepUp(Vertx vertx, Sessions sessions, SessionResource session) {
        everyOnce(vertx, Sessions.CHECK_EVERY, sessions::check);
        everyOnce(vertx, USERS_READ_EVERY, session::refreshUsers);
    }

    private static void everyOnce(Vertx vertx, Duration every, Runnable task) {
        AtomicBoolean running = new AtomicBoolean();
        Handler<Long> run = tick -> {
            if (running.compareAndSet(false, true)) {
                vertx.executeBlocking(() -> {
                    task.run();
                    return null;
                }, false).onComplete(done -> running.set(false));
            }
        };
        run.handle(0L);
        vertx.setPeriodic(every.toMillis(), run);
    }

    /** The guard goes first: nothing under /api answers before it has checked the caller. */
    public Resource guard() {
        return router -> router.route().handler(guard);
    }

    /** Logging in and out, users, the audit log. */
    @Override
    public void mount(Router router) {
        session.mount(router);
        users.mount(router);
        audit.mount(router);
    }
}
