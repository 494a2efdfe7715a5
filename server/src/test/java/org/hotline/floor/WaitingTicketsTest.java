package org.hotline.floor;

import org.hotline.shared.AgentRingRule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.hotline.call.AgentQueue;
import org.hotline.call.CallerHungUp;
import org.hotline.call.ServiceHours;
import org.hotline.routing.Agent;
import org.hotline.routing.AgentSelection;
import org.hotline.routing.CallbackPolicy;
import org.hotline.routing.CallbackRequest;
import org.hotline.routing.Distributor;
import org.hotline.routing.Offer;
import org.hotline.routing.PriorityRules;
import org.hotline.routing.Tier;
import org.hotline.routing.WaitEstimate;
import org.hotline.routing.WaitingCall;
import org.hotline.shared.AgentId;
import org.hotline.shared.CallId;
import org.hotline.shared.Language;
import org.hotline.shared.Skill;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Callers waiting in a queue: first come, first offered; each hears their place and expected wait;
 * a caller who leaves, hangs up or asks to be called back gives up their place in the line (the
 * callback request keeps it).
 */
class WaitingTicketsTest {

    private static final Instant NOW = Instant.parse("2026-11-22T01:00:00Z");
    private static final Skill ORDERS = new Skill("orders");
    private static final AgentId LI = new AgentId("010");

    private final Vertx vertx = Vertx.vertx();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final FloorContext floor = new FloorContext(vertx.getOrCreateContext());
    private final Distributor distributor = new Distributor(List.of(new Agent(LI, "Li", Tier.FRONT_LINE, Map.of(ORDERS, 3))),
            PriorityRules.standard(), AgentSelection.mostSkilledThenLongestIdle(), clock);
    private final WaitEstimate estimate = new WaitEstimate(Duration.ofMinutes(3));
    private final WrapUps wrapUps = new WrapUps(distributor, Duration.ZERO, floor, this::dispatch, (id, event) -> { }, clock);
    private final TalkTimer talk = new TalkTimer(Duration.ofMinutes(3), Duration.ofMinutes(5), floor, (id, event) -> { }, clock);
    private final CallbackDesk callbacks = new CallbackDesk(floor, distributor, this::dispatch,
            new FloorRules(Duration.ZERO, AgentRingRule.handbook(), CallbackPolicy.standard(),
                    ServiceHours.everyDay(ZoneOffset.UTC, new ServiceHours.Hours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT))),
            (request, agent, ringFor, result) -> result.couldNotDial("no telephony in this test"),
            (id, event) -> { }, clock, estimate, wrapUps, talk, new OrderedWrites());
    private final WaitingTickets tickets = new WaitingTickets(floor, distributor, this::dispatch, estimate, Duration.ZERO, wrapUps,
            talk, callbacks, clock);

    @AfterEach
    void stop() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    /** The floor's dispatch, for calls only. */
    private void dispatch() {
        for (Offer offer : distributor.dispatch()) {
            if (!tickets.offered(offer)) {
                distributor.abandon(offer.call());
            }
        }
    }

    private AgentQueue.Ticket join(String call, int secondsAgo) {
        return tickets.join(WaitingCall.ordinary(new CallId(call), ORDERS, NOW.minusSeconds(secondsAgo)));
    }

    private void liReady() {
        floor.await(() -> {
            distributor.phoneRegistered(LI, true);
            distributor.ready(LI);
            dispatch();
            return true;
        });
    }

    @Test
    void callersAreOfferedTheAgentInTheOrderTheyCame() {
        AgentQueue.Ticket first = join("c1", 90);
        AgentQueue.Ticket second = join("c2", 60);
        AgentQueue.Ticket third = join("c3", 30);

        liReady();
        assertThat(first.awaitAgent(Duration.ofSeconds(5))).contains(LI);
        assertThat(second.awaitAgent(Duration.ofMillis(200))).as("Li is ringing for the first caller").isEmpty();

        first.finished(Duration.ofMinutes(1));
        assertThat(second.awaitAgent(Duration.ofSeconds(5))).contains(LI);
        second.finished(Duration.ofMinutes(1));
        assertThat(third.awaitAgent(Duration.ofSeconds(5))).contains(LI);
    }

    @Test
    void eachCallerHearsTheirPlaceAndTheirExpectedWait() {
        List<AgentQueue.Ticket> line = List.of(join("c1", 90), join("c2", 60), join("c3", 30));

        assertThat(line).extracting(ticket -> ticket.progress().position()).containsExactly(1, 2, 3);
        // Three minutes a call until one has been handled; half of one for the caller at the head.
        assertThat(line).extracting(ticket -> ticket.progress().expectedWait())
                .containsExactly(Duration.ofSeconds(90), Duration.ofSeconds(270), Duration.ofSeconds(450));
    }

    @Test
    void aCallerWhoLeavesGivesUpTheirPlaceAndIsToldWhereTheyWere() {
        join("c1", 90);
        AgentQueue.Ticket second = join("c2", 60);
        AgentQueue.Ticket third = join("c3", 30);

        second.leave();

        assertThat(second.positionWhenLeft()).isEqualTo(2);
        assertThat(third.progress().position()).isEqualTo(2);
        assertThat(tickets.lastQueueOf(new CallId("c2"))).as("a transfer finds the queue it left").contains(ORDERS);
    }

    @Test
    void aCallerWhoseChannelIsGoneHearsItWhileWaitingAndTheNextMovesUp() {
        AgentQueue.Ticket first = join("c1", 90);
        AgentQueue.Ticket second = join("c2", 60);

        floor.await(() -> {
            tickets.gone(new CallId("c1"));
            return true;
        });

        assertThatThrownBy(() -> first.awaitAgent(Duration.ofSeconds(5))).isInstanceOf(CallerHungUp.class);
        assertThat(second.progress().position()).isEqualTo(1);
        assertThat(tickets.lastQueueOf(new CallId("c1"))).isEmpty();
    }

    @Test
    void aCallerWhoAsksToBeCalledBackLeavesTheLineAndTheRequestKeepsTheirPlace() throws Exception {
        AgentQueue.Ticket first = join("c1", 90);
        AgentQueue.Ticket second = join("c2", 60);

        CallbackRequest request = first.callBack("13800138000", Language.ZH);

        assertThat(request.id()).isEqualTo(new CallId("c1"));
        assertThat(callbacks.open().await(10, TimeUnit.SECONDS)).singleElement()
                .satisfies(open -> assertThat(open.position()).isEqualTo(1));
        assertThat(second.progress().position()).isEqualTo(2);
        assertThat(floor.await(tickets::withAgent)).isZero();
    }
}
