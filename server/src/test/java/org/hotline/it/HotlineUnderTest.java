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
        server = TestServer.start(asterisk, database + "_" + System.nanoTime(), settings);
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
}
