package org.hotline.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hotline.it.ApiSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Customer data is confidential, access limited (handbook): every read of personal data is audited,
 * found or not, and a masked number cannot be unmasked by trying its fillings against the customer
 * file. Against the whole server over HTTP, with the shipped limit (20 misses an hour per user).
 */
class PersonalDataReadsTest {

    @TempDir
    static Path state;
    static RunningHotline hotline;

    @BeforeAll
    static void start() throws Exception {
        hotline = new RunningHotline(state);
    }

    @AfterAll
    static void stop() {
        hotline.close();
    }

    @Test
    void tryingTheFillingsOfAMaskedNumberIsStoppedAfterTheLimitAndASupervisorSeesIt() throws Exception {
        ApiSession agent = hotline.userLoggedIn("guess.er", "agent", "011");
        ApiSession supervisor = hotline.userLoggedIn("chen.jing", "supervisor", null);
        int limit = hotline.config.access().lookups().misses();

        // 138****8000: the agent tries the middle four digits in turn
        int tried = 0;
        int notFound = 0;
        int refused = 0;
        for (int middle = 0; middle < 200; middle++) {
            var answer = agent.get("/api/customers/" + String.format("%%2B86138%04d8000", middle));
            tried++;
            if (answer.statusCode() == 404) {
                notFound++;
            } else if (answer.statusCode() == 429) {
                refused++;
                assertThat(answer.headers().firstValue("retry-after")).isPresent();
            }
        }
        System.out.printf("number look-ups: %d tried, %d answered (not found), %d refused (429)%n", tried, notFound, refused);

        assertThat(notFound).as("look-ups answered before the limit").isEqualTo(limit);
        assertThat(refused).isEqualTo(tried - limit);
        JsonArray entries = awaitAudit(supervisor, "guess.er", "customer.lookups-limited");
        assertThat(entries.stream().map(e -> ((JsonObject) e).getString("action")).filter("customer.viewed"::equals).count())
                .as("every look-up answered is audited, found or not").isEqualTo(limit);
        assertThat(entries.stream().map(JsonObject.class::cast).filter(e -> e.getString("action").equals("customer.viewed")))
                .allSatisfy(e -> assertThat(e.getString("detail")).isEqualTo("not found"));
    }

    @Test
    void aNumberThatIsFoundIsNotAMissAndIsAuditedAsFound() throws Exception {
        ApiSession agent = hotline.userLoggedIn("li.ming", "agent", "010");
        String known = hotline.config.customers().getFirst().number().replace("+", "%2B");
        for (int i = 0; i < 3 * hotline.config.access().lookups().misses(); i++) {
            assertThat(agent.get("/api/customers/" + known).statusCode()).isEqualTo(200);
        }
        JsonArray entries = awaitAudit(hotline.admin(), "li.ming", "customer.viewed");
        assertThat(entries.stream().map(JsonObject.class::cast).filter(e -> e.getString("action").equals("customer.viewed")))
                .allSatisfy(e -> assertThat(e.getString("detail")).isEqualTo("found"));
    }

    @Test
    void readsOfCallsCasesCallbacksAndTheLiveStreamAreAudited() throws Exception {
        ApiSession agent = hotline.userLoggedIn("wang.fang", "agent", "011");
        ApiSession supervisor = hotline.userLoggedIn("zhou.min", "supervisor", null);
        String opened = new JsonObject(agent.post("/api/cases", new JsonObject().put("what", "refund").put("category", "orders")
                .put("contactPhone", "13800138000").put("owner", "011").encode()).body()).getString("id");

        agent.get("/api/cases/" + opened);
        agent.get("/api/cases");
        agent.get("/api/callbacks");
        agent.get("/api/calls/1765000000.42");
        supervisor.get("/api/calls");
        HttpClient http = HttpClient.newHttpClient();
        http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hotline.port() + "/api/live"))
                .header("cookie", "hotline_session=" + sessionOf(supervisor)).build(), HttpResponse.BodyHandlers.discarding());

        awaitAudit(hotline.admin(), "wang.fang", "call.viewed");
        JsonArray agentReads = awaitAudit(hotline.admin(), "wang.fang", "callbacks.listed");
        JsonArray supervisorReads = awaitAudit(hotline.admin(), "zhou.min", "live.watched");
        assertThat(agentReads.stream().map(JsonObject.class::cast).map(e -> e.getString("action") + " " + e.getString("detail")))
                .contains("case.viewed found", "cases.listed found", "callbacks.listed found", "call.viewed not found");
        assertThat(supervisorReads.stream().map(JsonObject.class::cast).map(e -> e.getString("action")))
                .contains("calls.listed", "live.watched");
    }

    private static String sessionOf(ApiSession session) throws Exception {
        var field = ApiSession.class.getDeclaredField("http");
        field.setAccessible(true);
        var cookies = ((HttpClient) field.get(session)).cookieHandler().orElseThrow();
        return ((java.net.CookieManager) cookies).getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("hotline_session")).findFirst().orElseThrow().getValue();
    }

    /** The user's audit entries (as the viewer reads them) once one with this action is there. */
    private static JsonArray awaitAudit(ApiSession viewer, String user, String action) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        JsonArray entries;
        do {
            var answer = viewer.get("/api/audit?limit=1000&user=" + user);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            entries = new JsonObject(answer.body()).getJsonArray("entries");
            if (entries.stream().anyMatch(e -> ((JsonObject) e).getString("action").equals(action))) {
                return entries;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("no audit entry " + action + " for " + user + " in " + entries.encodePrettily());
    }
}
