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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.hotline.it.ApiSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Password guessing with many logins at once: the server allows {@code access.maxFailedLogins} (5)
 * guesses per name however many arrive together, because each attempt is counted before its
 * password is checked. Against the whole server (real bcrypt cost) over HTTP.
 */
class ParallelLoginTest {

    static final int PARALLEL = 50;

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

    private static CompletableFuture<HttpResponse<String>> login(HttpClient http, String user, String password) {
        return http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hotline.port() + "/api/session"))
                .timeout(Duration.ofSeconds(60)).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("user", user).put("password", password).encode()))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void fiftyWrongPasswordsAtOnceGetFiveGuessesAndTheRightOneWaitsForTheLockToEnd() throws Exception {
        String password = ApiSession.newPassword();
        hotline.admin().post("/api/users", new JsonObject().put("name", "li.na").put("displayName", "Li Na").put("role", "agent")
                .put("agent", "010").put("password", password).encode());
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        List<CompletableFuture<HttpResponse<String>>> guesses = new ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) {
            guesses.add(login(http, "li.na", "wrong-guess-" + i));
        }
        Map<Integer, Long> answers = guesses.stream().map(CompletableFuture::join)
                .collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting()));
        HttpResponse<String> right = login(http, "li.na", password).join();

        System.out.printf("parallel wrong logins: %d sent, %s by status; guesses checked: %d%n", PARALLEL, answers,
                answers.getOrDefault(401, 0L));
        assertThat(answers.getOrDefault(401, 0L)).as("guesses checked (401)").isEqualTo(5);
        assertThat(answers.getOrDefault(429, 0L)).as("refused unchecked (429)").isEqualTo(PARALLEL - 5);
        assertThat(right.statusCode()).as("the right password during the lock").isEqualTo(429);
        JsonArray audit = new JsonObject(awaitAudit("li.na", PARALLEL + 1)).getJsonArray("entries");
        Map<String, Long> actions = audit.stream().map(e -> ((JsonObject) e).getString("action"))
                .collect(Collectors.groupingBy(a -> a, Collectors.counting()));
        assertThat(actions).containsEntry("login.failed", 5L).containsEntry("login.locked", (long) PARALLEL - 5 + 1)
                .doesNotContainKey("login");
    }

    /** The audit of one user once it has this many entries (they are written in the background). */
    private static String awaitAudit(String user, int entries) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String body;
        do {
            body = hotline.admin().get("/api/audit?user=" + user).body();
            if (new JsonObject(body).getJsonArray("entries").size() >= entries) {
                return body;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        return body;
    }
}
