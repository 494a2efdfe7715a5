package org.hotline.http.users;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.hotline.access.AuditEntry;
import org.hotline.access.AuditLog;
import org.hotline.access.LoginThrottle;
import org.hotline.access.Passwords;
import org.hotline.access.Role;
import org.hotline.access.Sessions;
import org.hotline.access.User;
import org.hotline.access.Users;
import org.hotline.http.Responses;
import org.hotline.http.audit.AuditTrail;
import org.hotline.http.contract.ContractCheck;
import org.hotline.shared.AgentId;

/**
 * What logins cost: a password check at the service's bcrypt cost, and what the access guard and
 * the contract check add to a request (the same small answer served bare and behind both).
 * Run by {@code bin/bench access}; prints medians, no Asterisk or store needed.
 */
public final class AccessBenchmark {

    private static final String PASSWORD = "a long enough password";
    private static final int REQUESTS = 4000;

    public static void main(String[] args) throws Exception {
        Passwords passwords = new Passwords(Passwords.STANDARD_COST);
        String hash = passwords.hash(PASSWORD);
        long[] checks = new long[15];
        for (int i = 0; i < checks.length; i++) {
            long start = System.nanoTime();
            passwords.matches(PASSWORD, hash);
            checks[i] = System.nanoTime() - start;
        }
        System.out.printf("password check, bcrypt cost %d: median %.0f ms (%d checks)%n", Passwords.STANDARD_COST,
                median(checks) / 1e6, checks.length);

        Vertx vertx = Vertx.vertx();
        try {
            ContractCheck contract = ContractCheck.load(vertx).await(10, TimeUnit.SECONDS);
            Users users = new OneUser(new User("li.na", "Li Na", Role.AGENT, new AgentId("010"), new Passwords(4).hash(PASSWORD), false));
            Sessions sessions = new Sessions(Duration.ofMinutes(30), Duration.ofHours(12), Clock.systemUTC(), new SecureRandom());
            AuditTrail audit = new AuditTrail(vertx, new NoAudit(), Clock.systemUTC());
            Consumer<Router> answer = router -> router.get("/api/reports").handler(ctx ->
                    Responses.json(ctx, 200, new JsonObject().put("agent", "010").put("answered", 42)));

            HttpServer bare = serve(vertx, answer);
            HttpServer guarded = serve(vertx, router -> {
                router.route().handler(new AccessGuard(AccessRules.standard(), sessions, audit));
                contract.mount(router);
                new SessionResource(vertx, users, new Passwords(4), new LoginThrottle(5, Duration.ofMinutes(15), Clock.systemUTC()),
                        sessions, audit, false).mount(router);
                answer.accept(router);
            });
            WebClient client = WebClient.create(vertx);
            HttpResponse<Buffer> login = client.request(HttpMethod.POST, guarded.actualPort(), "127.0.0.1", "/api/session")
                    .sendJsonObject(new JsonObject().put("user", "li.na").put("password", PASSWORD)).await(10, TimeUnit.SECONDS);
            String cookie = login.getHeader("set-cookie").split(";")[0];
            String uri = "/api/reports?period=day&date=2026-11-22&agent=010";
            for (int round = 0; round < 3; round++) { // alternate, so both see the same machine
                long bareMedian = median(times(client, bare.actualPort(), uri, null));
                long guardedMedian = median(times(client, guarded.actualPort(), uri, cookie));
                System.out.printf("round %d: request median bare %.1f µs, behind guard and contract %.1f µs (+%.1f µs, x%.2f)%n",
                        round + 1, bareMedian / 1e3, guardedMedian / 1e3, (guardedMedian - bareMedian) / 1e3,
                        guardedMedian / (double) bareMedian);
            }
        } finally {
            vertx.close().await(10, TimeUnit.SECONDS);
        }
    }

    private static HttpServer serve(Vertx vertx, Consumer<Router> mount) throws Exception {
        Router router = Router.router(vertx);
        mount.accept(router);
        return vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
    }

    private static long[] times(WebClient client, int port, String uri, String cookie) throws Exception {
        long[] times = new long[REQUESTS];
        for (int i = 0; i < REQUESTS; i++) {
            var request = client.request(HttpMethod.GET, port, "127.0.0.1", uri);
            if (cookie != null) {
                request.putHeader("cookie", cookie);
            }
            long start = System.nanoTime();
            HttpResponse<Buffer> response = request.send().await(10, TimeUnit.SECONDS);
            times[i] = System.nanoTime() - start;
            if (response.statusCode() != 200) {
                throw new IllegalStateException("answer " + response.statusCode() + ": " + response.bodyAsString());
            }
        }
        return times;
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private record OneUser(User user) implements Users {
        public java.util.Optional<User> find(String name) {
            return java.util.Optional.of(user).filter(u -> u.name().equals(name));
        }

        public java.util.List<User> all() {
            return java.util.List.of(user);
        }

        public void add(User added) {
            throw new UnsupportedOperationException();
        }

        public boolean replace(User replaced) {
            return false;
        }

        public long count() {
            return 1;
        }
    }

    private static final class NoAudit implements AuditLog {
        public void record(AuditEntry entry) {
        }

        public java.util.List<AuditEntry> between(java.time.Instant from, java.time.Instant to, String user, int limit) {
            return java.util.List.of();
        }
    }
}
