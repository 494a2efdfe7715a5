package org.hotline.floor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.hotline.call.AgentQueue;
import org.hotline.shared.CallId;
import org.hotline.live.LiveEvent;
import org.hotline.routing.Agent;
import org.hotline.shared.AgentId;
import org.hotline.routing.PauseReason;
import org.hotline.shared.Skill;
import org.hotline.routing.Tier;
import org.hotline.routing.WaitingCall;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Wall boards see every agent state change the floor makes, whatever caused it. */
class FloorAgentStatesTest {

    private static final Instant NOW = Instant.parse("2026-11-22T01:00:00Z");
    private static final Skill ORDERS = new Skill("orders");
    private static final AgentId LI = new AgentId("010");

    private final Vertx vertx = Vertx.vertx();
    private final Floor floor = TestFloor.of(vertx.getOrCreateContext(),
            List.of(new Agent(LI, "Li", Tier.FRONT_LINE, Map.of(ORDERS, 3))), Clock.fixed(NOW, ZoneOffset.UTC));
    private final List<LiveEvent> published = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void everyChangeIsPublishedOnceWithStateReasonAndWhetherThePhoneIsRegistered() throws Exception {
        floor.publishAgentStates(published::add);
        floor.phoneRegistered(LI, true); // the wall board shows it at once
        floor.phoneRegistered(LI, true); // no change: nothing more
        floor.ready(LI).await(10, TimeUnit.SECONDS);
        floor.pause(LI, PauseReason.BREAK).await(10, TimeUnit.SECONDS);
        floor.ready(LI).await(10, TimeUnit.SECONDS);

        AgentQueue.Ticket ticket = floor.join(WaitingCall.ordinary(new CallId("c1"), ORDERS, NOW)); // the phone rings
        assertThat(ticket.awaitAgent(Duration.ofSeconds(5))).contains(LI);
        ticket.notAnswered(); // rang out: the distributor pauses the agent
        ticket.leave();
        floor.logOut(LI).await(10, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(states()).containsExactly("logged-out/null",
                "ready/null", "paused/break", "ready/null", "offered/null", "paused/ring-no-answer", "logged-out/null"));
        assertThat(published).allSatisfy(event -> assertThat(event.data().get("phoneRegistered")).isEqualTo(true));
        assertThat(published).allSatisfy(event -> {
            assertThat(event.type()).isEqualTo("agent-state");
            assertThat(event.agent()).isEqualTo("010");
            assertThat(event.at()).isEqualTo(NOW);
        });
    }

    @Test
    void anAgentMovedToAnotherQueueIsPublishedWithTheirNewSkills() throws Exception {
        floor.publishAgentStates(published::add);
        floor.changeSkills(LI, Map.of(new Skill("complaints"), 4, ORDERS, 2)).await(10, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(published).singleElement()
                .satisfies(event -> assertThat(event.data().get("skills")).isEqualTo(Map.of("complaints", 4, "orders", 2))));
    }

    @Test
    void aQueueIsPublishedWhenItsWaitingCallsChangeAndNotOtherwise() throws Exception {
        floor.publishQueues(published::add);
        floor.phoneRegistered(LI, true);
        AgentQueue.Ticket ticket = floor.join(WaitingCall.ordinary(new CallId("c1"), ORDERS, NOW));
        floor.ready(LI).await(10, TimeUnit.SECONDS); // not a queue change by itself: the call leaves the queue for Li's phone
        assertThat(ticket.awaitAgent(Duration.ofSeconds(5))).contains(LI);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(published)
                .extracting(event -> event.data().get("queue") + " " + event.data().get("waiting") + " " + event.data().get("longestSince"))
                .containsExactly("orders 1 " + NOW, "orders 0 null"));
        assertThat(published).allSatisfy(event -> {
            assertThat(event.type()).isEqualTo("queue-state");
            assertThat(event.agent()).as("for every wall board").isNull();
        });
    }

    private List<String> states() {
        List<String> states = new ArrayList<>();
        published.forEach(event -> states.add(event.data().get("state") + "/" + event.data().get("reason")));
        return states;
    }
}
