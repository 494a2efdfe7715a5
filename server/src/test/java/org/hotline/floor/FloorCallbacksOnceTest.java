package org.hotline.floor;

import org.hotline.shared.AgentRingRule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.hotline.call.AgentQueue;
import org.hotline.call.CallEvent;
import org.hotline.shared.CallId;
import org.hotline.call.CallbackOutcome;
import org.hotline.shared.Language;
import org.hotline.call.ServiceHours;
import org.hotline.customer.DialRule;
import org.hotline.routing.Agent;
import org.hotline.shared.AgentId;
import org.hotline.routing.AgentSelection;
import org.hotline.routing.AgentState;
import org.hotline.routing.CallbackDialer;
import org.hotline.routing.CallbackPolicy;
import org.hotline.routing.CallbackRequest;
import org.hotline.routing.DiallingLog;
import org.hotline.routing.Distributor;
import org.hotline.routing.OpenRequests;
import org.hotline.routing.PriorityRules;
import org.hotline.shared.Skill;
import org.hotline.routing.Tier;
import org.hotline.routing.UnsettledDial;
import org.hotline.routing.WaitingCall;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A customer is called back once per open request: a second press joins the first, a number the
 * centre must not dial is refused, a try is kept "dialling" before it is placed, a try a stopped
 * server left is settled instead of dialled again, and a graceful stop lets the conversation end.
 */
class FloorCallbacksOnceTest {

    private static final Instant NOW = Instant.parse("2026-11-22T01:00:00Z");
    private static final Skill ORDERS = new Skill("orders");
    private static final Skill BILLING = new Skill("billing");
    private static final AgentId LI = new AgentId("010");

    private record Dial(CallbackRequest request, AgentId agent, CallbackDialer.Result result) {
    }

    /** The store's side: claims by queue and customer, the dialling states written. */
    private static final class Store implements OpenRequests, DiallingLog {
        final Map<String, CallId> claims = new ConcurrentHashMap<>();
        final List<String> dialling = new CopyOnWriteArrayList<>();

        @Override
        public synchronized CallId claim(Skill queue, String customer, CallId call, Predicate<CallId> stillOpen) {
            CallId holder = claims.get(queue.name() + "|" + customer);
            if (holder != null && !holder.equals(call) && stillOpen.test(holder)) {
                return holder;
            }
            claims.put(queue.name() + "|" + customer, call);
            return call;
        }

        @Override
        public void release(Skill queue, String customer, CallId call) {
            claims.remove(queue.name() + "|" + customer, call);
        }

        @Override
        public void dialling(CallId request, int attempt, AgentId agent, String channel, Instant at) {
            dialling.add("dialling " + request.value() + " #" + attempt + " " + channel);
        }

        @Override
        public void settled(CallId request, String channel, String outcome, Instant at) {
            dialling.add("settled " + request.value() + " " + channel + " " + outcome);
        }
    }

    private final Vertx vertx = Vertx.vertx();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final List<Dial> dials = new CopyOnWriteArrayList<>();
    private final List<CallEvent> recorded = new CopyOnWriteArrayList<>();
    private final Store store = new Store();
    private final Floor floor = new Floor(vertx.getOrCreateContext(),
            new Distributor(List.of(new Agent(LI, "Li", Tier.FRONT_LINE, Map.of(ORDERS, 3, BILLING, 3))),
                    PriorityRules.standard(), AgentSelection.mostSkilledThenLongestIdle(), clock),
            new FloorRules(Duration.ZERO, AgentRingRule.handbook(), new CallbackPolicy(Duration.ofHours(1), 3, Duration.ZERO),
                    ServiceHours.everyDay(ZoneOffset.UTC, new ServiceHours.Hours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT))),
            (request, agent, ringFor, result) -> {
                result.placing(request.id().value() + "-cb" + (dials.size() + 1));
                dials.add(new Dial(request, agent, result));
            },
            (id, event) -> recorded.add(event), clock);

    {
        floor.checkNumbersWith(DialRule.standard("CN"));
        floor.keepOpenRequestsIn(store);
        floor.keepDiallingIn(store);
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    private CallbackRequest press(String call, Skill queue, String number) {
        return floor.requestCallback(WaitingCall.ordinary(new CallId(call), queue, NOW).asCallback(), number, Language.ZH);
    }

    private void ready() throws Exception {
        floor.phoneRegistered(LI, true);
        floor.ready(LI).await(10, TimeUnit.SECONDS);
    }

    @Test
    void aSecondPressFromTheSameCustomerJoinsTheFirstRequestAndTheCustomerIsCalledBackOnce() throws Exception {
        CallbackRequest first = press("1795300000.1", ORDERS, "13800138000");
        CallbackRequest second = press("1795300000.2", ORDERS, "+8613800138000"); // the same phone, written the other way

        assertThat(second.id()).as("the second call joined the first request").isEqualTo(first.id());
        assertThat(floor.openCallbacks().await(10, TimeUnit.SECONDS)).singleElement()
                .satisfies(open -> assertThat(open.request().id()).isEqualTo(first.id()));
        ready();
        await().atMost(Duration.ofSeconds(5)).until(() -> dials.size() == 1);
        Thread.sleep(300);
        assertThat(dials).singleElement().satisfies(dial -> assertThat(dial.request().id()).isEqualTo(first.id()));
    }

    @Test
    void aWaitingCallerWhoPressesOneAgainJoinsTheirOpenRequestAndLeavesTheLine() throws Exception {
        CallbackRequest first = press("1795300000.1", ORDERS, "13800138000");
        AgentQueue.Ticket ticket = floor.join(WaitingCall.ordinary(new CallId("1795300000.2"), ORDERS, NOW.plusSeconds(60)));

        CallbackRequest joined = ticket.callBack("13800138000", Language.ZH);

        assertThat(joined.id()).isEqualTo(first.id());
        ready();
        await().atMost(Duration.ofSeconds(5)).until(() -> dials.size() == 1);
        Thread.sleep(300);
        assertThat(dials).hasSize(1);
        assertThat(floor.queues().await(10, TimeUnit.SECONDS)).allSatisfy(line -> assertThat(line.waiting()).isZero());
    }

    @Test
    void theSameCustomerInAnotherQueueOrAfterTheirRequestClosedIsANewRequest() throws Exception {
        CallbackRequest orders = press("1795300000.1", ORDERS, "13800138000");
        CallbackRequest billing = press("1795300000.2", BILLING, "13800138000");
        assertThat(billing.id()).isNotEqualTo(orders.id());

        ready();
        await().atMost(Duration.ofSeconds(5)).until(() -> dials.size() == 1);
        CallId reached = dials.getFirst().request().id();
        floor.callbackAnswered(reached, LI).await(10, TimeUnit.SECONDS);
        floor.callbackEnded(reached, CallbackOutcome.CUSTOMER_ANSWERED, NOW, Duration.ofMinutes(1)).await(10, TimeUnit.SECONDS);

        CallbackRequest again = press("1795300000.3", dials.getFirst().request().call().skill(), "13800138000");
        assertThat(again.id()).as("the closed request let go of the customer").isEqualTo(new CallId("1795300000.3"));
    }

    @Test
    void pressesAtTheSameMomentOpenOneRequest() throws Exception {
        int calls = 16;
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        List<CallId> answers = new CopyOnWriteArrayList<>();
        for (int i = 0; i < calls; i++) {
            String id = "1795300001." + i;
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    start.await();
                    answers.add(press(id, ORDERS, "13800138000").id());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join(10_000);
        }
        assertThat(answers).hasSize(calls);
        assertThat(answers.stream().distinct()).hasSize(1);
        assertThat(floor.openCallbacks().await(10, TimeUnit.SECONDS)).hasSize(1);
    }

    @Test
    void aNumberTheCentreMustNotDialIsRecordedAsRefusedAndNeverDialled() throws Exception {
        CallbackRequest spoofed = press("1795300000.1", ORDERS, "110");
        CallbackRequest premium = press("1795300000.2", ORDERS, "+19005550123");
        ready();
        Thread.sleep(300);

        assertThat(spoofed.refusal()).isEqualTo("emergency");
        assertThat(premium.refusal()).isEqualTo("premium-rate");
        assertThat(dials).isEmpty();
        assertThat(floor.openCallbacks().await(10, TimeUnit.SECONDS)).isEmpty();
        assertThat(floor.refusedCallbacks().await(10, TimeUnit.SECONDS)).extracting(CallbackRequest::refusal)
                .containsExactly("emergency", "premium-rate");
        assertThat(floor.agent(LI).await(10, TimeUnit.SECONDS).state()).isEqualTo(AgentState.READY);
    }

    @Test
    void eachTryIsKeptDiallingBeforeItIsPlacedAndSettledWithItsOutcome() throws Exception {
        CallbackRequest request = press("1795300000.1", ORDERS, "13800138000");
        ready();
        await().atMost(Duration.ofSeconds(5)).until(() -> dials.size() == 1);
        assertThat(store.dialling).containsExactly("dialling 1795300000.1 #1 1795300000.1-cb1");

        floor.callbackAnswered(request.id(), LI).await(10, TimeUnit.SECONDS);
        floor.callbackEnded(request.id(), CallbackOutcome.CUSTOMER_ANSWERED, NOW, Duration.ofMinutes(1)).await(10, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(5)).until(() -> store.dialling.size() == 2);
        assertThat(store.dialling.get(1)).isEqualTo("settled 1795300000.1 1795300000.1-cb1 customer-answered");
    }

    @Test
    void aTryLeftDiallingByAStoppedServerIsHeldUntilSettledAndNeverDialledAgain() throws Exception {
        CallbackRequest left = new CallbackRequest(WaitingCall.ordinary(new CallId("1795300000.1"), ORDERS, NOW).asCallback(),
                "13800138000", Language.ZH, NOW, NOW.plusSeconds(3600), 0);
        UnsettledDial dial = new UnsettledDial(left.id(), LI, "1795300000.1-cbx1", 1, NOW);
        floor.restore(List.of(left), List.of(dial));
        ready();
        Thread.sleep(300);
        assertThat(dials).as("still talking, or not known yet: not dialled").isEmpty();
        assertThat(floor.openCallbacks().await(10, TimeUnit.SECONDS)).singleElement()
                .satisfies(open -> assertThat(open.dialling()).isTrue());

        floor.settle(dial, CallbackOutcome.CUSTOMER_ANSWERED, NOW.minusSeconds(90), NOW.minusSeconds(80), NOW)
                .await(10, TimeUnit.SECONDS);

        assertThat(floor.openCallbacks().await(10, TimeUnit.SECONDS)).isEmpty();
        assertThat(recorded).filteredOn(CallEvent.CallbackAttempted.class::isInstance).singleElement()
                .isEqualTo(new CallEvent.CallbackAttempted(NOW, "010", NOW.minusSeconds(90), CallbackOutcome.CUSTOMER_ANSWERED,
                        NOW.minusSeconds(80)));
        assertThat(recorded).contains(new CallEvent.CallbackClosed(NOW, true));
        Thread.sleep(300);
        assertThat(dials).isEmpty();
    }

    @Test
    void aTryAsteriskNeverPlacedGoesBackInLineWithoutCountingATry() throws Exception {
        CallbackRequest left = new CallbackRequest(WaitingCall.ordinary(new CallId("1795300000.1"), ORDERS, NOW).asCallback(),
                "13800138000", Language.ZH, NOW, NOW.plusSeconds(3600), 0);
        UnsettledDial dial = new UnsettledDial(left.id(), LI, "1795300000.1-cbx1", 1, NOW);
        floor.restore(List.of(left), List.of(dial));
        ready();

        floor.settle(dial, null, null, null, NOW).await(10, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(5)).until(() -> dials.size() == 1);
        assertThat(dials.getFirst().request().attempts()).isZero();
        assertThat(recorded).noneMatch(CallEvent.CallbackAttempted.class::isInstance);
    }

    @Test
    void aGracefulStopMakesNoNewOfferAndWaitsForTheConversationInProgress() throws Exception {
        CallbackRequest request = press("1795300000.1", ORDERS, "13800138000");
        ready();
        await().atMost(Duration.ofSeconds(5)).until(() -> dials.size() == 1);
        floor.callbackAnswered(request.id(), LI).await(10, TimeUnit.SECONDS);
        press("1795300000.2", BILLING, "13800139001");

        Thread stopping = Thread.ofVirtual().start(() -> floor.drain(Duration.ofSeconds(30)));
        Thread.sleep(500);
        assertThat(stopping.isAlive()).as("the conversation is still going on").isTrue();

        floor.callbackEnded(request.id(), CallbackOutcome.CUSTOMER_ANSWERED, NOW, Duration.ofMinutes(1)).await(10, TimeUnit.SECONDS);
        stopping.join(5_000);

        assertThat(stopping.isAlive()).isFalse();
        assertThat(recorded).filteredOn(CallEvent.CallbackAttempted.class::isInstance).singleElement()
                .satisfies(tried -> assertThat(((CallEvent.CallbackAttempted) tried).outcome()).isEqualTo(CallbackOutcome.CUSTOMER_ANSWERED));
        Thread.sleep(300);
        assertThat(dials).as("the billing request waits for the next start: no new dial while stopping").hasSize(1);
    }

    @Test
    void aGracefulStopWaitsNoLongerThanItsLimit() throws Exception {
        CallbackRequest request = press("1795300000.1", ORDERS, "13800138000");
        ready();
        await().atMost(Duration.ofSeconds(5)).until(() -> dials.size() == 1);
        floor.callbackAnswered(request.id(), LI).await(10, TimeUnit.SECONDS);

        long started = System.nanoTime();
        assertThat(floor.drain(Duration.ofMillis(600))).as("the conversation outlasted the limit").isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }
}
