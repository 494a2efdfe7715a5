package org.hotline.http.agents;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.hotline.access.Role;
import org.hotline.access.Viewer;
import org.hotline.config.HotlineConfig;
import org.hotline.http.ResourceFixture;
import org.hotline.http.Viewers;
import org.hotline.shared.AgentId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The agent's desktop reads its browser phone's account; nobody else reads an agent's credential. */
class BrowserPhoneResourceTest {

    private static final AgentId LI = new AgentId("010");

    private ResourceFixture http;
    private Viewer viewer = new Viewer("li", Role.AGENT, LI);

    @BeforeEach
    void start() throws Exception {
        http = new ResourceFixture();
        http.serve(router -> {
            router.route().handler(ctx -> {
                Viewers.put(ctx, viewer);
                ctx.next();
            });
            new BrowserPhoneResource(http.vertx, new HotlineConfig.BrowserPhone(Optional.empty(), 8089, List.of(),
                    Duration.ofMillis(500)), agent -> new BrowserPhoneResource.Account("agent-" + agent.value() + "-web", "5eb63bbbe01eeed0"))
                    .mount(router);
        });
    }

    @AfterEach
    void stop() throws Exception {
        http.close();
    }

    @Test
    void theAgentGetsTheirAccountWhereToRegisterAndHowLongToGatherIce() throws Exception {
        JsonObject phone = http.get("/api/agents/010/browser-phone").bodyAsJsonObject();

        assertThat(phone.getString("user")).isEqualTo("agent-010-web");
        assertThat(phone.getString("password")).isEqualTo("5eb63bbbe01eeed0");
        assertThat(phone.getValue("webSocket")).as("the page's own host").isNull();
        assertThat(phone.getInteger("webSocketPort")).isEqualTo(8089);
        assertThat(phone.getJsonArray("iceServers")).isEmpty();
        assertThat(phone.getLong("iceGatheringMillis")).isEqualTo(500);
    }

    @Test
    void nobodyElseReadsAnAgentsBrowserPhone() throws Exception {
        viewer = new Viewer("zhao", Role.SUPERVISOR, new AgentId("012"));
        assertThat(http.get("/api/agents/010/browser-phone").statusCode()).isEqualTo(403);
        viewer = new Viewer("chief", Role.ADMIN, null);
        assertThat(http.get("/api/agents/010/browser-phone").statusCode()).isEqualTo(403);
    }
}
