package org.hotline.http.users;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.hotline.access.AuditEntry;
import org.hotline.access.LoginThrottle;
import org.hotline.access.Passwords;
import org.hotline.access.Role;
import org.hotline.access.Sessions;
import org.hotline.access.User;
import org.hotline.customer.PhoneNumbers;
import org.hotline.http.ResourceFixture;
import org.hotline.http.audit.AuditTrail;
import org.hotline.http.customers.CustomersResource;
import org.hotline.http.health.HealthResource;
import org.hotline.routing.TestClock;
import org.hotline.shared.AgentId;
import org.hotline.store.MongoAuditLog;
import org.hotline.store.MongoCustomerFile;
import org.hotline.store.MongoUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccessGuardTest {

    private static final String PASSWORD = "a long enough password";
    private static final String CHEN = "/api/customers/+8613800138000";

    private final TestClock clock = new TestClock(Instant.parse("2026-11-22T01:00:00Z"));
    private ResourceFixture http;
    private MongoAuditLog audit;

    /** A logged-in client: the cookie it was given and the CSRF token from the login answer. */
    private record Login(String cookie, String csrf) {
    }

    @BeforeEach
    void start() throws Exception {
        http = new ResourceFixture();
        Passwords passwords = new Passwords(4);
        MongoUsers users = new MongoUsers(http.store.users());
        users.add(new User("boss", "Boss", Role.ADMIN, null, passwords.hash(PASSWORD), false));
        users.add(new User("team.lead", "Team Lead", Role.SUPERVISOR, null, passwords.hash(PASSWORD), false));
        users.add(new User("li.na", "Li Na", Role.AGENT, new AgentId("010"), passwords.hash(PASSWORD), false));
        audit = new MongoAuditLog(http.store.auditLog());
        Sessions sessions = new Sessions(Duration.ofMinutes(30), Duration.ofHours(12), clock, new SecureRandom());
        AuditTrail trail = new AuditTrail(http.vertx, audit, clock);
        MongoCustomerFile customers = new MongoCustomerFile(http.store.customers());
        http.serve(router -> {
            router.route().handler(new AccessGuard(AccessRules.standard(), sessions, trail));
            new SessionResource(http.vertx, users, passwords, new LoginThrottle(5, Duration.ofMinutes(15), clock), sessions, trail, false)
                    .mount(router);
            new UsersResource(http.vertx, users, passwords, sessions, agent -> agent.value().matches("01[01]")).mount(router);
            new CustomersResource(http.vertx, customers, new PhoneNumbers("CN"), agent -> true).mount(router);
            new HealthResource(http.vertx, java.util.Map.of()).mount(router);
        });
        Login lead = login("team.lead", PASSWORD);
        assertThat(send(lead, HttpMethod.PUT, CHEN, new JsonObject().put("name", "陈先生")).statusCode()).isEqualTo(201);
    }

    @AfterEach
    void stop() throws Exception {
        http.close();
    }

    @Test
    void withoutASessionTheApiAnswers401ButHealthAndLoggingInAreOpen() throws Exception {
        assertThat(http.get("/api/customers").statusCode()).isEqualTo(401);
        assertThat(http.get(CHEN).statusCode()).isEqualTo(401);
        assertThat(http.get("/api/no-such-thing").statusCode()).isEqualTo(401);
        assertThat(http.get("/api/health").statusCode()).isNotEqualTo(401);
        assertThat(http.send(HttpMethod.POST, "/api/session", new JsonObject().put("user", "boss").put("password", PASSWORD))
                .statusCode()).isEqualTo(200);
    }

    @Test
    void aWrongPasswordAndAnUnknownUserGetTheSameRefusal() throws Exception {
        HttpResponse<Buffer> wrong = loginAttempt("li.na", "not the password");
        HttpResponse<Buffer> unknown = loginAttempt("nobody", "not the password");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(wrong.bodyAsString()).isEqualTo(unknown.bodyAsString());
        assertThat(wrong.getHeader("set-cookie")).isNull();
    }

    @Test
    void fiveWrongPasswordsLockTheNameEvenAgainstTheRightOne() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(loginAttempt("li.na", "guess number " + i).statusCode()).isEqualTo(401);
        }
        HttpResponse<Buffer> locked = loginAttempt("li.na", PASSWORD);
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.bodyAsJsonObject().getLong("retryAfterSeconds")).isEqualTo(15 * 60);
        assertThat(locked.getHeader("retry-after")).isEqualTo("900");

        clock.advance(Duration.ofMinutes(15));
        assertThat(loginAttempt("li.na", PASSWORD).statusCode()).isEqualTo(200);
        assertAuditedSoon("li.na", "login.failed", "login.locked", "login");
    }

    @Test
    void theSessionCookieCannotBeReadByScriptsNorSentFromOtherSites() throws Exception {
        String cookie = loginAttempt("li.na", PASSWORD).getHeader("set-cookie");
        assertThat(cookie).startsWith(AccessGuard.COOKIE + "=").containsIgnoringCase("HttpOnly").contains("SameSite=Strict").contains("Path=/");
    }

    @Test
    void anAgentReadsACustomerFileWithTheNumberMaskedAndTheViewIsAudited() throws Exception {
        Login agent = login("li.na", PASSWORD);
        HttpResponse<Buffer> file = send(agent, HttpMethod.GET, CHEN, null);
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.bodyAsJsonObject().getString("number")).isEqualTo("138****8000");
        assertThat(file.bodyAsString()).doesNotContain("13800138000");

        Login lead = login("team.lead", PASSWORD);
        assertThat(send(lead, HttpMethod.GET, CHEN, null).bodyAsJsonObject().getString("number")).isEqualTo("+8613800138000");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> auditActions("li.na").contains("customer.viewed"));
        AuditEntry viewed = audit.between(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"), "li.na", 50).stream()
                .filter(entry -> entry.action().equals("customer.viewed")).findFirst().orElseThrow();
        assertThat(viewed.target()).isEqualTo(CHEN);
    }

    @Test
    void anAgentIsRefusedWhatOnlySupervisorsAndAdministratorsMayDo() throws Exception {
        Login agent = login("li.na", PASSWORD);
        assertThat(send(agent, HttpMethod.GET, "/api/customers", null).statusCode()).isEqualTo(403);
        assertThat(send(agent, HttpMethod.GET, CHEN + "?format=csv", null).bodyAsJsonObject().getString("error"))
                .isEqualTo("an agent may not export data");
        assertThat(send(agent, HttpMethod.PUT, CHEN, new JsonObject().put("name", "changed")).statusCode()).isEqualTo(403);
        assertThat(send(agent, HttpMethod.GET, "/api/users", null).statusCode()).isEqualTo(403);
        Login lead = login("team.lead", PASSWORD);
        assertThat(send(lead, HttpMethod.GET, "/api/users", null).statusCode()).isEqualTo(403);
        assertThat(send(lead, HttpMethod.DELETE, CHEN, null).statusCode()).isEqualTo(403);
        assertThat(send(lead, HttpMethod.GET, CHEN, null).bodyAsJsonObject().getString("name")).isEqualTo("陈先生");
        assertAuditedSoon("li.na", "access.refused");
    }

    @Test
    void aChangeWithoutOrWithAForgedCsrfTokenIsRefusedAndChangesNothing() throws Exception {
        Login lead = login("team.lead", PASSWORD);
        JsonObject change = new JsonObject().put("name", "<script>alert(1)</script>");
        assertThat(send(new Login(lead.cookie(), null), HttpMethod.PUT, CHEN, change).statusCode()).isEqualTo(403);
        HttpResponse<Buffer> forged = send(new Login(lead.cookie(), "forged"), HttpMethod.PUT, CHEN, change);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.bodyAsJsonObject().getString("error")).startsWith("csrf:");
        assertThat(send(lead, HttpMethod.GET, CHEN, null).bodyAsJsonObject().getString("name")).isEqualTo("陈先生");

        assertThat(send(lead, HttpMethod.PUT, CHEN, change).statusCode()).isEqualTo(200);
    }

    @Test
    void aSessionEndsAfterThirtyIdleMinutesAndAtLogout() throws Exception {
        Login agent = login("li.na", PASSWORD);
        clock.advance(Duration.ofMinutes(31));
        assertThat(send(agent, HttpMethod.GET, CHEN, null).statusCode()).isEqualTo(401);

        Login again = login("li.na", PASSWORD);
        assertThat(send(again, HttpMethod.GET, "/api/session", null).bodyAsJsonObject().getString("agent")).isEqualTo("010");
        assertThat(send(again, HttpMethod.DELETE, "/api/session", null).statusCode()).isEqualTo(204);
        assertThat(send(again, HttpMethod.GET, CHEN, null).statusCode()).isEqualTo(401);
    }

    @Test
    void anAdministratorMakesUsersAndADisabledUserIsLoggedOutAndCannotLogIn() throws Exception {
        Login boss = login("boss", PASSWORD);
        HttpResponse<Buffer> made = send(boss, HttpMethod.POST, "/api/users", new JsonObject().put("name", "wang.wei")
                .put("displayName", "Wang Wei").put("role", "agent").put("agent", "011").put("password", PASSWORD));
        assertThat(made.statusCode()).isEqualTo(201);
        assertThat(made.bodyAsString()).doesNotContain(PASSWORD).doesNotContain("$2a$");
        assertThat(send(boss, HttpMethod.POST, "/api/users", new JsonObject().put("name", "x.y").put("displayName", "X")
                .put("role", "agent").put("password", "short")).bodyAsJsonObject().getString("error")).startsWith("password:");
        assertThat(send(boss, HttpMethod.POST, "/api/users", new JsonObject().put("name", "x.y").put("displayName", "X")
                .put("role", "agent").put("password", PASSWORD)).bodyAsJsonObject().getString("error")).startsWith("agent:");

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> audit.between(Instant.EPOCH,
                Instant.parse("2100-01-01T00:00:00Z"), "boss", 50).stream().anyMatch(entry ->
                entry.action().equals("user.created") && entry.target().equals("/api/users/wang.wei")));
        Login wang = login("wang.wei", PASSWORD);
        assertThat(send(boss, HttpMethod.PUT, "/api/users/wang.wei", new JsonObject().put("disabled", true)).statusCode()).isEqualTo(200);
        assertThat(send(wang, HttpMethod.GET, "/api/session", null).statusCode()).isEqualTo(401);
        assertThat(loginAttempt("wang.wei", PASSWORD).statusCode()).isEqualTo(401);
    }

    @Test
    void aUserChangesTheirOwnPasswordOnlyByGivingTheCurrentOne() throws Exception {
        Login agent = login("li.na", PASSWORD);
        assertThat(send(agent, HttpMethod.POST, "/api/session/password", new JsonObject().put("current", "a wrong guess!!")
                .put("password", "my new long password")).bodyAsJsonObject().getString("error")).startsWith("current:");
        HttpResponse<Buffer> changed = send(agent, HttpMethod.POST, "/api/session/password",
                new JsonObject().put("current", PASSWORD).put("password", "my new long password"));
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(send(agent, HttpMethod.GET, "/api/session", null).statusCode()).as("the old session ended").isEqualTo(401);
        assertThat(loginAttempt("li.na", PASSWORD).statusCode()).isEqualTo(401);
        assertThat(loginAttempt("li.na", "my new long password").statusCode()).isEqualTo(200);
    }

    @Test
    void theLastAdministratorCannotBeDisabled() throws Exception {
        Login boss = login("boss", PASSWORD);
        assertThat(send(boss, HttpMethod.PUT, "/api/users/boss", new JsonObject().put("role", "supervisor")).statusCode())
                .isEqualTo(409);
        assertThat(send(boss, HttpMethod.GET, "/api/users", null).statusCode()).isEqualTo(200);
    }

    @Test
    void malformedAndOversizedLoginsGetAClearRefusal() throws Exception {
        assertThat(http.sendBuffer(HttpMethod.POST, "/api/session", Buffer.buffer("{not json")).statusCode()).isEqualTo(400);
        assertThat(http.send(HttpMethod.POST, "/api/session", new JsonObject().put("user", "boss")).bodyAsJsonObject()
                .getString("error")).isEqualTo("password: is required");
        assertThat(http.sendBuffer(HttpMethod.POST, "/api/session", Buffer.buffer("x".repeat(10_000))).statusCode()).isEqualTo(413);
    }

    /** The audit log is written off the request path, so an entry may land a moment after the answer. */
    private void assertAuditedSoon(String user, String... actions) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(auditActions(user)).contains(actions));
    }

    private List<String> auditActions(String user) {
        return audit.between(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"), user, 100).stream().map(AuditEntry::action).toList();
    }

    private HttpResponse<Buffer> loginAttempt(String user, String password) throws Exception {
        return http.send(HttpMethod.POST, "/api/session", new JsonObject().put("user", user).put("password", password));
    }

    private Login login(String user, String password) throws Exception {
        HttpResponse<Buffer> response = loginAttempt(user, password);
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
        String cookie = response.getHeader("set-cookie").split(";")[0];
        return new Login(cookie, response.bodyAsJsonObject().getString("csrfToken"));
    }

    private HttpResponse<Buffer> send(Login login, HttpMethod method, String uri, JsonObject body) throws Exception {
        var request = http.request(method, uri).putHeader("cookie", login.cookie());
        if (login.csrf() != null) {
            request.putHeader(AccessGuard.CSRF_HEADER, login.csrf());
        }
        return (body == null ? request.send() : request.sendJsonObject(body)).await(10, java.util.concurrent.TimeUnit.SECONDS);
    }
}
