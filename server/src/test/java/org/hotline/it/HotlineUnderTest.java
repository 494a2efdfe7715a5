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
    private AsteriskSandbox asterisk;
    private TestServer server;
    private TestAmi ami;

    public HotlineUnderTest(String database) {
        this.database = database;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        asterisk = AsteriskSandbox.start();
        server = TestServer.start(asterisk, database + "_" + System.nanoTime());
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
