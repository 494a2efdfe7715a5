package org.hotline.http.agents;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hotline.access.Role;
import org.hotline.access.Viewer;
import org.hotline.http.ResourceFixture;
import org.hotline.http.Viewers;
import org.hotline.routing.Agent;
import org.hotline.routing.AgentState;
import org.hotline.routing.AgentStatus;
import org.hotline.routing.MonitorMode;
import org.hotline.routing.MonitorRefused;
import org.hotline.routing.MonitorRequest;
import org.hotline.routing.Spies;
import org.hotline.routing.Tier;
import org.hotline.routing.UnknownAgent;
import org.hotline.shared.AgentId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A supervisor joins, switches and leaves an agent's call; each refusal has its status and reason. */
class MonitorResourceTest {

    private final List<String> telephone = new ArrayList<>();
    private ResourceFixture http;
    private Viewer viewer = new Viewer("zhang.wei", Role.SUPERVISOR, new AgentId("001"));
    private boolean listening;

    @BeforeEach
    void start() throws Exception {
        Spies spies = new Spies() {
            @Override
            public void join(MonitorRequest request) {
                telephone.add("join " + request.phone().value() + " " + request.agent().value() + " " + request.mode().id());
                listening = true;
            }

            @Override
            public void switchTo(AgentId phone, AgentId agent, MonitorMode mode) {
                notListening(agent);
                telephone.add("switch " + phone.value() + " " + agent.value() + " " + mode.id());
            }

            @Override
            public void leave(AgentId phone, AgentId agent) {
                notListening(agent);
                telephone.add("leave " + phone.value() + " " + agent.value());
                listening = false;
            }

            private void notListening(AgentId agent) {
                if (!listening) {
                    throw new MonitorRefused(MonitorRefused.Why.NOT_LISTENING, "not listening to agent " + agent.value());
                }
            }
        };
        ResourceFixture fixture = new ResourceFixture();
        http = fixture.serve(router -> {
            router.route().handler(ctx -> {
                Viewers.put(ctx, viewer);
                ctx.next();
            });
            new MonitorResource(fixture.vertx, agent -> switch (agent.value()) {
                case "001" -> Future.succeededFuture(status("001", AgentState.LOGGED_OUT));
                case "010" -> Future.succeededFuture(status("010", AgentState.ON_CALL));
                case "011" -> Future.succeededFuture(status("011", AgentState.READY));
                default -> Future.failedFuture(new UnknownAgent(agent.value()));
            }, spies).mount(router);
        });
    }

    @AfterEach
    void stop() throws Exception {
        http.close();
    }

    @Test
    void aSupervisorJoinsSwitchesAndLeavesFromTheirOwnPhone() throws Exception {
        var joined = send(HttpMethod.POST, "010", "listen");
        assertThat(joined.statusCode()).isEqualTo(202);
        assertThat(joined.bodyAsJsonObject().getMap()).containsExactlyInAnyOrderEntriesOf(Map.of("agent", "010", "mode", "listen", "phone", "001"));
        assertThat(send(HttpMethod.PUT, "010", "barge").statusCode()).isEqualTo(200);
        assertThat(http.send(HttpMethod.DELETE, "/api/agents/010/listen", null).statusCode()).isEqualTo(204);

        assertThat(telephone).containsExactly("join 001 010 listen", "switch 001 010 barge", "leave 001 010");
    }

    @Test
    void eachRefusalSaysWhy() throws Exception {
        var notInCall = send(HttpMethod.POST, "011", "whisper");
        assertThat(notInCall.statusCode()).isEqualTo(409);
        assertThat(notInCall.bodyAsJsonObject().getString("error")).isEqualTo("agent 011 is not in a call");
        assertThat(send(HttpMethod.POST, "099", "listen").statusCode()).isEqualTo(404);
        assertThat(send(HttpMethod.POST, "010", "spy").statusCode()).isEqualTo(400);
        assertThat(send(HttpMethod.PUT, "010", "whisper").statusCode()).as("not listening yet").isEqualTo(409);
        assertThat(http.send(HttpMethod.DELETE, "/api/agents/010/listen", null).statusCode()).isEqualTo(409);

        viewer = new Viewer("admin", Role.ADMIN, null);
        var noPhone = send(HttpMethod.POST, "010", "listen");
        assertThat(noPhone.statusCode()).isEqualTo(409);
        assertThat(noPhone.bodyAsJsonObject().getString("error")).contains("has no phone");
        assertThat(telephone).isEmpty();
    }

    private io.vertx.ext.web.client.HttpResponse<io.vertx.core.buffer.Buffer> send(HttpMethod method, String agent, String mode) throws Exception {
        return http.send(method, "/api/agents/" + agent + "/listen", new JsonObject().put("mode", mode));
    }

    private static AgentStatus status(String id, AgentState state) {
        return new AgentStatus(new Agent(new AgentId(id), "Agent " + id, Tier.FRONT_LINE, Map.of()), state, null, Instant.EPOCH,
                true, false, null);
    }
}
