package org.hotline.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.time.Duration;

/** An agent at their desk: their SIP phone, and made ready on a server process once the phone is registered. */
final class AgentDesk {

    private AgentDesk() {
    }

    static Softphone.Builder phone(AsteriskSandbox asterisk, String id, String name) throws Exception {
        String password = Files.readString(asterisk.stateDir().resolve("secrets/agents/" + id + ".password")).strip();
        return Softphone.named(name).account("agent-" + id, password);
    }

    static void ready(ServerProcess server, String id, Softphone phone) throws Exception {
        phone.awaitRegistered(Duration.ofSeconds(10));
        await().atMost(Duration.ofSeconds(10)).until(() -> server.getJson("/api/agents/" + id).getBoolean("phoneRegistered"));
        int status = server.put("/api/agents/" + id + "/state", "{\"state\":\"ready\"}").statusCode();
        assertThat(status).as("agent %s ready", id).isEqualTo(200);
    }
}
