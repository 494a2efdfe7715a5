package org.hotline.it;

import io.vertx.core.json.JsonObject;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A user logged in to the API the way the pages are (session cookie, CSRF token on changes):
 * for setting up what a browser test starts from, such as its users.
 */
final class ApiSession {

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .connectTimeout(Duration.ofSeconds(5)).build();
    private String csrfToken;

    private ApiSession(String base) {
        this.base = base;
    }

    static ApiSession logIn(String base, String user, String password) throws Exception {
        ApiSession session = new ApiSession(base);
        HttpResponse<String> answer = session.send("POST", "/api/session",
                new JsonObject().put("user", user).put("password", password));
        if (answer.statusCode() != 200) {
            throw new AssertionError(user + " could not log in: HTTP " + answer.statusCode() + " " + answer.body());
        }
        session.csrfToken = new JsonObject(answer.body()).getString("csrfToken");
        return session;
    }

    /** A user of the role (agent: with the agent ID), created by this (admin) session. */
    void createUser(String name, String displayName, String role, String agent, String password) throws Exception {
        HttpResponse<String> answer = send("POST", "/api/users", new JsonObject().put("name", name)
                .put("displayName", displayName).put("role", role).put("agent", agent).put("password", password));
        if (answer.statusCode() != 201) {
            throw new AssertionError("user " + name + " not created: HTTP " + answer.statusCode() + " " + answer.body());
        }
    }

    HttpResponse<String> send(String method, String path, JsonObject body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
                .header("content-type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body.encode()));
        if (csrfToken != null) {
            request.header("x-csrf-token", csrfToken);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
