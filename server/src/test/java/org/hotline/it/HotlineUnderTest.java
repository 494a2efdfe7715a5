package org.hotline.it;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The whole hotline for one test class: the real Asterisk, the server (own database), and the
 * test's own AMI connection. Register with {@code @RegisterExtension static HotlineUnderTest hotline}.
 */
public final class HotlineUnderTest implements BeforeAllCallback, AfterAllCallback {

    private final String database;
    private final java.util.Map<String, String> settings;
    private String databaseOfRun;
    private AsteriskSandbox asterisk;
    private TestServer server;
    private TestAmi ami;

    public HotlineUnderTest(String database) {
        this(database, java.util.Map.of());
    }

    /** @param settings environment overrides of the server's configuration, e.g. HOTLINE_HOURS */
    public HotlineUnderTest(String database, java.util.Map<String, String> settings) {
        this.database = database;
        this.settings = settings;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        asterisk = AsteriskSandbox.start();
        databaseOfRun = database + "_" + System.nanoTime();
        server = TestServer.start(asterisk, databaseOfRun, settings);
        ami = new TestAmi(asterisk);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (ami != null) {
            ami.close();
        }
        if (server != null) {
            server.close();
        }
    }

    public AsteriskSandbox asterisk() {
        return asterisk;
    }

    public TestServer server() {
        return server;
    }

    public TestAmi ami() {
        return ami;
    }

    /** Stops the server and starts a new one on the same database (what a restart keeps, it kept). */
    public void restartServer() throws Exception {
        server.close();
        server = TestServer.start(asterisk, databaseOfRun, settings);
    }

    /** A softphone set up with agent {@code id}'s generated SIP account ({@code name} tells test phones apart). */
    public Softphone.Builder agentPhone(String id, String name) throws Exception {
        String password = java.nio.file.Files.readString(
                asterisk.stateDir().resolve("secrets/agents/" + id + ".password")).strip();
        return Softphone.named(name).account("agent-" + id, password);
    }

    /** Waits until the agent's phone is registered (as the server sees it), then makes the agent ready. */
    public void readyWithPhone(String id, Softphone phone) throws Exception {
        phone.awaitRegistered(java.time.Duration.ofSeconds(10));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() ->
                server.getJson("/api/agents/" + id).getBoolean("phoneRegistered"));
        int status = server.put("/api/agents/" + id + "/state", "{\"state\":\"ready\"}").statusCode();
        if (status != 200) {
            throw new AssertionError("agent " + id + " could not go ready: HTTP " + status);
        }
    }
}
