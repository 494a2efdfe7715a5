package org.hotline.floor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.hotline.call.AgentQueue;
import org.hotline.shared.CallId;
import org.hotline.routing.Agent;
import org.hotline.shared.AgentId;
import org.hotline.routing.AgentState;
import org.hotline.routing.AgentStatus;
import org.hotline.routing.DeskState;
import org.hotline.routing.PauseReason;
import org.hotline.shared.Skill;
import org.hotline.routing.Tier;
import org.hotline.routing.WaitingCall;
import org.hotline.store.MongoDeskStates;
import org.hotline.store.MongoStore;
import org.hotline.store.TestMongo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A restart finds every agent as they left their desk: ready agents ready, paused agents paused
 * with their reason and since when, logged-out agents out; and nobody is offered a call until
 * Asterisk shows their phone registered.
 */
class FloorDeskStatesTest {

    private static final Instant NINE = Instant.parse("2026-11-22T01:00:00Z");
    private static final Skill ORDERS = new Skill("orders");
    private static final AgentId LI = new AgentId("010");
    private static final AgentId WANG = new AgentId("011");
    private static final AgentId ZHAO = new AgentId("012");
    private static final List<Agent> ROSTER = List.of(new Agent(LI, "Li", Tier.FRONT_LINE, Map.of(ORDERS, 3)),
            new Agent(WANG, "Wang", Tier.FRONT_LINE, Map.of(ORDERS, 3)), new Agent(ZHAO, "Zhao", Tier.FRONT_LINE, Map.of(ORDERS, 3)));

    private final Vertx vertx = Vertx.vertx();
    private final MongoStore store = TestMongo.openStore();
    private final MongoDeskStates desks = new MongoDeskStates(store.settings());

    @AfterEach
    void stop() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
        store.close();
    }

    private Floor floorAt(Instant now) {
        Floor floor = TestFloor.of(vertx.getOrCreateContext(), ROSTER, Clock.fixed(now, ZoneOffset.UTC));
        floor.keepDesksIn(desks, desks.load());
        return floor;
    }

    private static AgentStatus status(Floor floor, AgentId agent) {
        return BlockingBridge.await(floor.agent(agent));
    }

    @Test
    void aRestartKeepsReadyAgentsReadyAndPausedAgentsPausedWithTheirReasonAndSinceWhen() throws Exception {
        Floor before = floorAt(NINE);
        before.phoneRegistered(LI, true);
        before.phoneRegistered(WANG, true);
        before.ready(LI).await(10, TimeUnit.SECONDS);
        before.ready(WANG).await(10, TimeUnit.SECONDS);
        before.pause(WANG, PauseReason.TRAINING).await(10, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(5)).until(() -> desks.load().size() == 3);
        before.finishWrites(Duration.ofSeconds(5));

        Floor after = floorAt(NINE.plus(Duration.ofMinutes(7)));

        assertThat(status(after, LI).state()).isEqualTo(AgentState.READY);
        assertThat(status(after, LI).since()).isEqualTo(NINE);
        assertThat(status(after, WANG).state()).isEqualTo(AgentState.PAUSED);
        assertThat(status(after, WANG).pauseReason()).isEqualTo(PauseReason.TRAINING);
        assertThat(status(after, ZHAO).state()).isEqualTo(AgentState.LOGGED_OUT);
    }

    @Test
    void aRestoredReadyAgentIsOfferedCallsOnlyOnceTheirPhoneIsSeenRegistered() throws Exception {
        desks.save(LI, new DeskState(AgentState.READY, null, NINE));
        Floor after = floorAt(NINE.plus(Duration.ofMinutes(1)));
        assertThat(status(after, LI).phoneRegistered()).as("not seen yet").isFalse();
        assertThat(after.staffed(ORDERS)).as("a queue with a ready agent is staffed: callers wait, not goodbye").isTrue();

        AgentQueue.Ticket ticket = after.join(WaitingCall.ordinary(new CallId("c1"), ORDERS, NINE));
        assertThat(ticket.awaitAgent(Duration.ofMillis(500))).as("no phone, no offer").isEmpty();

        after.phoneRegistered(LI, true);
        assertThat(ticket.awaitAgent(Duration.ofSeconds(5))).contains(LI);
    }

    @Test
    void anAgentWhoAskedToPauseDuringTheirCallIsKeptPausedNotReady() throws Exception {
        Floor before = floorAt(NINE);
        before.phoneRegistered(LI, true);
        before.ready(LI).await(10, TimeUnit.SECONDS);
        AgentQueue.Ticket ticket = before.join(WaitingCall.ordinary(new CallId("c1"), ORDERS, NINE));
        assertThat(ticket.awaitAgent(Duration.ofSeconds(5))).contains(LI);
        before.agentAnswered(LI, NINE);
        await().atMost(Duration.ofSeconds(5)).until(() -> status(before, LI).state() == AgentState.ON_CALL);
        before.pause(LI, PauseReason.BREAK).await(10, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(5)).until(() -> desks.load().get(LI) != null
                && desks.load().get(LI).state() == AgentState.PAUSED);
        assertThat(desks.load().get(LI).reason()).isEqualTo(PauseReason.BREAK);
    }
    @Test
    void anAgentStillTalkingInAConversationTheLastRunConnectedIsOfferedNothingUntilItEnds() throws Exception {
        desks.save(LI, new DeskState(AgentState.READY, null, NINE));
        Floor after = floorAt(NINE.plus(Duration.ofMinutes(1)));
        after.phoneRegistered(LI, true);
        CallId carried = new CallId("talking-through-the-restart");
        after.conversationCarriedOver(carried, LI);

        AgentQueue.Ticket ticket = after.join(WaitingCall.ordinary(new CallId("c2"), ORDERS, NINE.plus(Duration.ofMinutes(1))));
        assertThat(ticket.awaitAgent(Duration.ofMillis(500))).as("busy with the carried-over conversation").isEmpty();

        after.conversationEnded(carried, NINE.plus(Duration.ofMinutes(2)));
        assertThat(ticket.awaitAgent(Duration.ofSeconds(5))).contains(LI);
    }

    @Test
    void aCarriedOverConversationOfAnAgentNoLongerOnTheRosterChangesNothing() throws Exception {
        Floor after = floorAt(NINE);
        after.conversationCarriedOver(new CallId("c3"), new AgentId("099"));
        after.phoneRegistered(LI, true);
        after.ready(LI).await(10, TimeUnit.SECONDS);
        assertThat(status(after, LI).state()).isEqualTo(AgentState.READY);
    }
}
