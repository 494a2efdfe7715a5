package org.hotline.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Agents' states through the HTTP API of the running server (agents from config/agents.yaml). */
class AgentsApiIT {

    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(AsteriskSandbox.start(), "agents_it_" + System.nanoTime());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theRosterIsListedAndEveryAgentStartsLoggedOut() throws Exception {
        JsonObject body = server.getJson("/api/agents");
        assertThat(body.getJsonArray("agents").stream().map(a -> ((JsonObject) a).getString("id")).toList())
                .contains("010", "011", "001");
        JsonObject li = server.getJson("/api/agents/010");
        assertThat(li.getString("name")).isEqualTo("李明");
        assertThat(li.getString("tier")).isEqualTo("front-line");
        assertThat(li.getJsonObject("skills").getInteger("orders")).isEqualTo(3);
    }

    @Test
    void anAgentGoesReadyPausesWithAReasonAndLogsOut() throws Exception {
        assertThat(state(server.put("/api/agents/011/state", "{\"state\":\"ready\"}"))).isEqualTo("ready");
        HttpResponse<String> paused = server.put("/api/agents/011/state", "{\"state\":\"paused\",\"reason\":\"training\"}");
        assertThat(state(paused)).isEqualTo("paused");
        assertThat(new JsonObject(paused.body()).getString("pauseReason")).isEqualTo("training");
        assertThat(state(server.put("/api/agents/011/state", "{\"state\":\"logged-out\"}"))).isEqualTo("logged-out");
        assertThat(server.getJson("/api/agents/011").getString("state")).isEqualTo("logged-out");
    }

    @Test
    void anUnknownAgentIsNotFound() throws Exception {
        assertThat(server.get("/api/agents/999").statusCode()).isEqualTo(404);
        assertThat(server.put("/api/agents/999/state", "{\"state\":\"ready\"}").statusCode()).isEqualTo(404);
        assertThat(server.put("/api/agents/..%2F..%2Fetc/state", "{\"state\":\"ready\"}").statusCode()).isEqualTo(404);
    }

    @Test
    void badRequestsNameWhatIsWrong() throws Exception {
        assertError(server.put("/api/agents/010/state", "{\"state\":\"asleep\"}"), 400, "state:");
        assertError(server.put("/api/agents/010/state", "{\"state\":\"paused\"}"), 400, "reason:");
        assertError(server.put("/api/agents/010/state", "{\"state\":\"paused\",\"reason\":\"ring-no-answer\"}"), 400, "reason:");
        assertError(server.put("/api/agents/010/state", "not json"), 400, "body:");
        assertError(server.put("/api/agents/010/state", "{\"state\":\"x\",\"pad\":\"" + "y".repeat(10_000) + "\"}"), 413, "body:");
    }

    @Test
    void manyStateChangesAtOnceLeaveOneConsistentState() throws Exception {
        // Logged in first: a logged-out agent cannot pause, so every change below is allowed in any order.
        assertThat(server.put("/api/agents/001/state", "{\"state\":\"ready\"}").statusCode()).isEqualTo(200);
        ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String body = i % 2 == 0 ? "{\"state\":\"ready\"}" : "{\"state\":\"paused\",\"reason\":\"break\"}";
            answers.add(pool.submit(() -> server.put("/api/agents/001/state", body)));
        }
        for (Future<HttpResponse<String>> answer : answers) {
            assertThat(answer.get().statusCode()).isEqualTo(200);
        }
        pool.shutdown();
        JsonObject agent = server.getJson("/api/agents/001");
        if (agent.getString("state").equals("paused")) {
            assertThat(agent.getString("pauseReason")).isEqualTo("break");
        } else {
            assertThat(agent.getString("state")).isEqualTo("ready");
            assertThat(agent.getValue("pauseReason")).isNull();
        }
    }

    private static String state(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new JsonObject(response.body()).getString("state");
    }

    private static void assertError(HttpResponse<String> response, int status, String messageStart) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        if (!messageStart.isEmpty()) {
            assertThat(new JsonObject(response.body()).getString("error")).startsWith(messageStart);
        }
    }
}
