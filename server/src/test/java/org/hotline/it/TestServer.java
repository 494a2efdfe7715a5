package org.hotline.it;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.hotline.config.ConfigLoader;
import org.hotline.config.HotlineConfig;
import org.hotline.server.HotlineServer;
import org.hotline.store.TestMongo;

/** The hotline server under test, in this JVM, configured from the shipped config/hotline.yaml. */
public final class TestServer implements AutoCloseable {

    private final HotlineServer server;
    private final ApiSession admin;

    private TestServer(HotlineServer server, String adminPassword) throws Exception {
        this.server = server;
        try {
            this.admin = new ApiSession(server.httpPort()).login("admin", adminPassword);
        } catch (Exception | AssertionError e) {
            server.close();
            throw e;
        }
    }

    public static TestServer start(AsteriskSandbox asterisk, String database) throws Exception {
        return start(asterisk, database, Map.of());
    }

    /** @param settings environment overrides of the configuration for this server, e.g. HOTLINE_HOURS */
    public static TestServer start(AsteriskSandbox asterisk, String database, Map<String, String> settings) throws Exception {
        TestServer server = startWithoutAsterisk(asterisk, database, settings);
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!server.server.amiConnected()) {
            if (System.nanoTime() > deadline) {
                server.close();
                throw new IllegalStateException("the server did not log in to Asterisk's AMI within 15 s");
            }
            Thread.sleep(50);
        }
        return server;
    }

    /** Starts the server without waiting for Asterisk: it keeps trying to log in to AMI. */
    public static TestServer startWithoutAsterisk(AsteriskSandbox asterisk, String database) throws Exception {
        return startWithoutAsterisk(asterisk, database, Map.of());
    }

    private static TestServer startWithoutAsterisk(AsteriskSandbox asterisk, String database, Map<String, String> settings)
            throws Exception {
        Map<String, String> env = new HashMap<>(asterisk.environment());
        env.put("HOTLINE_HOURS", "00:00-24:00"); // tests run at any hour; the after-hours test sets its own
        env.put("HOTLINE_MESSAGES", "false"); // the flows as these tests know them; MessagesIT turns messages on
        env.putAll(settings);
        env.put("MONGO_URI", TestMongo.connectionString());
        env.put("HOTLINE_MONGO_DATABASE", database);
        env.put("HOTLINE_HTTP_PORT", "0");
        String adminPassword = ApiSession.adminPasswordFor(database);
        env.put("HOTLINE_ADMIN_PASSWORD", adminPassword);
        Path home = AsteriskSandbox.home();
        HotlineConfig config = ConfigLoader.load(home.resolve("config/hotline.yaml"), env, home);
        return new TestServer(HotlineServer.start(config, Clock.systemUTC()), adminPassword);
    }

    /** Where the server answers, e.g. {@code http://127.0.0.1:41234}: for a browser. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.httpPort();
    }

    public HttpResponse<String> get(String path) throws Exception {
        return admin.get(path);
    }

    public HttpResponse<String> put(String path, String json) throws Exception {
        return admin.put(path, json);
    }

    public HttpResponse<String> post(String path, String json) throws Exception {
        return admin.post(path, json);
    }

    public String awaitLiveEvent(Duration timeout, String... parts) throws Exception {
        return admin.awaitLiveEvent(timeout, parts);
    }

    public HttpResponse<String> postForm(String path, java.util.Map<String, String> fields, String fileField, String fileName,
                                         byte[] file) throws Exception {
        return admin.postForm(path, fields, fileField, fileName, file);
    }

    public JsonObject getJson(String path) throws Exception {
        return admin.getJson(path);
    }

    /** The administrator's session (made at first run with the password this test server was given). */
    public ApiSession admin() {
        return admin;
    }

    /** A client that has not logged in. */
    public ApiSession anonymous() {
        return new ApiSession(server.httpPort());
    }

    public int httpPort() {
        return server.httpPort();
    }

    /** Makes a user with a fresh password and returns a session logged in as them. */
    public ApiSession userWithRole(String name, String role, String agent) throws Exception {
        String password = ApiSession.newPassword();
        createUser(name, name, role, agent, password);
        return new ApiSession(server.httpPort()).login(name, password);
    }

    /** Makes a user (through the API, as the administrator); {@code agent} may be null. */
    public void createUser(String name, String displayName, String role, String agent, String password) throws Exception {
        JsonObject user = new JsonObject().put("name", name).put("displayName", displayName).put("role", role)
                .put("password", password);
        if (agent != null) {
            user.put("agent", agent);
        }
        HttpResponse<String> made = admin.post("/api/users", user.encode());
        if (made.statusCode() != 201) {
            throw new AssertionError("user " + name + " not made: " + made.statusCode() + " " + made.body());
        }
    }

    /** The call's record once the call is over (ended, and the flow's outcome written), from the API. */
    public JsonObject awaitFinishedRecord(String id) {
        JsonObject[] found = new JsonObject[1];
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            HttpResponse<String> response = get("/api/calls/" + id);
            if (response.statusCode() != 200) {
                return false;
            }
            found[0] = new JsonObject(response.body());
            return found[0].containsKey("endedAt") && found[0].containsKey("flow")
                    && found[0].getJsonObject("flow").containsKey("outcome");
        });
        return found[0];
    }

    @Override
    public void close() {
        server.close();
    }
}
