package org.hotline.http;

import io.vertx.core.json.JsonObject;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.hotline.config.ConfigLoader;
import org.hotline.config.HotlineConfig;
import org.hotline.it.ApiSession;
import org.hotline.server.HotlineServer;
import org.hotline.store.TestMongo;

/**
 * The whole hotline server as production starts it (shipped configuration, every resource, the
 * guard, the contract check), on its own database and state directory, answering real HTTP. Asterisk
 * is not running: AMI keeps trying in the background, which the API does not need.
 */
final class RunningHotline implements AutoCloseable {

    final Path stateDir;
    final HotlineConfig config;
    private final HotlineServer server;
    private final ApiSession admin;
    final String adminPassword;

    RunningHotline(Path stateDir) throws Exception {
        this(stateDir, Map.of());
    }

    /** @param settings environment overrides, e.g. MONGO_URI removed for the embedded store */
    RunningHotline(Path stateDir, Map<String, String> settings) throws Exception {
        this.stateDir = stateDir;
        Path home = Path.of(System.getProperty("hotline.home", "..")).toAbsolutePath().normalize();
        String database = TestMongo.freshDatabaseName();
        Map<String, String> env = new HashMap<>();
        env.put("HOTLINE_STATE_DIR", stateDir.toString());
        env.put("MONGO_URI", TestMongo.connectionString());
        env.put("HOTLINE_MONGO_DATABASE", database);
        env.put("HOTLINE_HTTP_PORT", "0");
        env.put("HOTLINE_AMI_PORT", String.valueOf(freePort())); // nobody answers there
        env.put("HOTLINE_AMI_SECRET", ApiSession.newPassword());
        env.put("HOTLINE_AGI_PORT", String.valueOf(freePort()));
        env.put("HOTLINE_HOURS", "00:00-24:00");
        env.put("HOTLINE_ADMIN_PASSWORD", ApiSession.newPassword());
        env.putAll(settings);
        env.values().removeIf(String::isEmpty);
        Files.createDirectories(stateDir);
        config = ConfigLoader.load(home.resolve("config/hotline.yaml"), env, home);
        server = HotlineServer.start(config, Clock.systemUTC());
        try {
            // without a password given, the first start writes the one it made under secrets/
            adminPassword = env.containsKey("HOTLINE_ADMIN_PASSWORD") ? env.get("HOTLINE_ADMIN_PASSWORD")
                    : Files.readString(config.access().firstAdminPasswordFile()).strip();
            admin = session().login("admin", adminPassword);
        } catch (Exception | AssertionError e) {
            server.close();
            throw e;
        }
    }

    int port() {
        return server.httpPort();
    }

    ApiSession admin() {
        return admin;
    }

    ApiSession session() {
        return new ApiSession(port());
    }

    /** Makes a user with this role (and agent ID for agents and team leads) and logs them in. */
    ApiSession userLoggedIn(String name, String role, String agent) throws Exception {
        String password = ApiSession.newPassword();
        JsonObject user = new JsonObject().put("name", name).put("displayName", name).put("role", role).put("password", password);
        if (agent != null) {
            user.put("agent", agent);
        }
        HttpResponse<String> made = admin.post("/api/users", user.encode());
        if (made.statusCode() != 201) {
            throw new AssertionError("user " + name + " not made: " + made.statusCode() + " " + made.body());
        }
        return session().login(name, password);
    }

    static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
