package org.hotline.http.users;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.hotline.access.LoginThrottle;
import org.hotline.access.Passwords;
import org.hotline.access.Role;
import org.hotline.access.Sessions;
import org.hotline.access.User;
import org.hotline.customer.PhoneNumbers;
import org.hotline.http.ResourceFixture;
import org.hotline.http.audit.AuditTrail;
import org.hotline.http.customers.CustomersResource;
import org.hotline.routing.TestClock;
import org.hotline.store.MongoAuditLog;
import org.hotline.store.MongoCustomerFile;
import org.hotline.store.MongoSessionBook;
import org.hotline.store.MongoUsers;
import org.hotline.store.StoreSpool;
import org.hotline.store.WriteRetry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A login made before the server restarted on the same store still works after it, CSRF token and all. */
class SessionsThroughARestartTest {

    private static final String PASSWORD = "a long enough password";
    private static final String CHEN = "/api/customers/+8613800138000";

    private final TestClock clock = new TestClock(Instant.parse("2026-11-22T01:00:00Z"));
    private ResourceFixture http;
    private MongoUsers users;
    private final Passwords passwords = new Passwords(4);

    @BeforeEach
    void start() throws Exception {
        http = new ResourceFixture();
        users = new MongoUsers(http.store.users());
        users.add(new User("team.lead", "Team Lead", Role.SUPERVISOR, null, passwords.hash(PASSWORD), false));
    }

    @AfterEach
    void stop() throws Exception {
        http.close();
    }

    /** A server as it starts: nothing in memory, the store's sessions. */
    private Sessions startServer() throws Exception {
        Sessions sessions = new Sessions(Duration.ofMinutes(30), Duration.ofHours(12), clock, new SecureRandom(),
                new MongoSessionBook(http.store.sessions(), new StoreSpool(null, WriteRetry.standard()), clock));
        AuditTrail trail = new AuditTrail(http.vertx, new MongoAuditLog(http.store.auditLog()), clock);
        http.serve(router -> {
            router.route().handler(new AccessGuard(AccessRules.standard(), sessions, trail));
            new SessionResource(http.vertx, users, passwords, new LoginThrottle(5, Duration.ofMinutes(15), clock), sessions,
                    trail, false).mount(router);
            new CustomersResource(http.vertx, new MongoCustomerFile(http.store.customers()), new PhoneNumbers("CN"),
                    agent -> true).mount(router);
        });
        return sessions;
    }

    @Test
    void aLoginSurvivesTheServerBeingRestartedOnTheSameStore() throws Exception {
        Sessions before = startServer();
        HttpResponse<Buffer> login = http.send(HttpMethod.POST, "/api/session",
                new JsonObject().put("user", "team.lead").put("password", PASSWORD));
        assertThat(login.statusCode()).isEqualTo(200);
        String cookie = login.getHeader("set-cookie").split(";")[0];
        String csrf = login.bodyAsJsonObject().getString("csrfToken");

        startServer();
        HttpResponse<Buffer> again = http.request(HttpMethod.GET, "/api/session").putHeader("cookie", cookie)
                .send().await(10, TimeUnit.SECONDS);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.bodyAsJsonObject().getString("user")).isEqualTo("team.lead");
        assertThat(again.bodyAsJsonObject().getString("csrfToken")).isEqualTo(csrf);
        HttpResponse<Buffer> change = http.request(HttpMethod.PUT, CHEN).putHeader("cookie", cookie)
                .putHeader(AccessGuard.CSRF_HEADER, csrf).sendJsonObject(new JsonObject().put("name", "陈先生"))
                .await(10, TimeUnit.SECONDS);
        assertThat(change.statusCode()).as("a change, with its body, after the store was asked").isEqualTo(201);

        HttpResponse<Buffer> logout = http.request(HttpMethod.DELETE, "/api/session").putHeader("cookie", cookie)
                .putHeader(AccessGuard.CSRF_HEADER, csrf).send().await(10, TimeUnit.SECONDS);
        assertThat(logout.statusCode()).isEqualTo(204);
        before.check();
        assertThat(before.isOpen(cookie.substring(cookie.indexOf('=') + 1))).as("logged out on the server before too").isFalse();
        assertThat(http.request(HttpMethod.GET, CHEN).putHeader("cookie", cookie).send().await(10, TimeUnit.SECONDS)
                .statusCode()).isEqualTo(401);
    }
}
