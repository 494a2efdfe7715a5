package org.hotline.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.asteriskjava.manager.event.DialBeginEvent;
import org.asteriskjava.manager.event.DialEndEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Agents and callbacks through a restart, on the real Asterisk with a real agent phone (baresip)
 * and the server as its own process: a customer who presses 1 on two calls is called back once;
 * a server killed while the agent talks to the customer does not dial them again after its
 * restart and records the try as it went; a graceful stop lets the conversation end and records
 * it as talked; ready agents come back ready and paused ones paused with their reason, and the
 * next call goes to the ready agent. Dials are counted from Asterisk's own channel events.
 */
class CallbacksThroughRestartIT {

    /** A customer of the test dialplan who answers and listens for a minute. */
    private static final String CUSTOMER = "13900000030";
    private static final Duration SETTLE = Duration.ofSeconds(5);

    private static AsteriskSandbox asterisk;

    @BeforeAll
    static void startAsterisk() throws Exception {
        asterisk = AsteriskSandbox.start();
    }

    @Test
    void aCustomerWhoPressesOneTwiceIsCalledBackOnceAndAKilledServerDoesNotDialThemAgain() throws Exception {
        String database = "callbacks_restart_it_" + System.nanoTime();
        try (TestAmi ami = new TestAmi(asterisk)) {
            ServerProcess first = ServerProcess.start(asterisk, database, "callbacks-restart-first");
            NewChannelEvent firstCall;
            NewChannelEvent secondCall;
            try (Softphone agent = agentPhone("agent-010-restart")) {
                try {
                    awaitPhoneRegistered(first);
                    first.put("/api/agents/010/state", "{\"state\":\"ready\"}");
                    first.put("/api/agents/010/state", "{\"state\":\"paused\",\"reason\":\"admin\"}");
                    first.put("/api/agents/011/state", "{\"state\":\"ready\"}");
                    first.put("/api/agents/011/state", "{\"state\":\"paused\",\"reason\":\"training\"}");

                    firstCall = requestCallback(ami, first);
                    secondCall = requestCallback(ami, first);
                    JsonObject joined = first.getJson("/api/calls/" + secondCall.getUniqueId()).getJsonObject("callback");
                    assertThat(joined.getString("status")).isEqualTo("joined");
                    assertThat(joined.getString("joined")).isEqualTo(firstCall.getUniqueId());
                    assertThat(first.getJson("/api/callbacks").getJsonArray("callbacks")).hasSize(1);

                    // The agent is free: their phone rings, they answer, the customer answers; they talk.
                    first.put("/api/agents/010/state", "{\"state\":\"ready\"}");
                    agent.awaitCallEstablished(Duration.ofSeconds(20));
                    awaitCustomerAnswered(ami, firstCall);
                    Thread.sleep(1000);
                } finally {
                    first.kill(); // SIGKILL in the middle of the conversation
                }

                try (ServerProcess second = ServerProcess.start(asterisk, database, "callbacks-restart-second")) {
                    Thread.sleep(SETTLE.toMillis()); // long enough for a restored request to be offered and dialled
                    assertThat(customerDials(ami)).as("no second dial while they still talk").isEqualTo(1);
                    assertThat(second.getJson("/api/agents/011").getString("state")).isEqualTo("paused");
                    assertThat(second.getJson("/api/agents/011").getString("pauseReason")).isEqualTo("training");
                    assertThat(second.getJson("/api/agents/011").getBoolean("phoneRegistered"))
                            .as("011 has no phone: shown, and never offered a call").isFalse();
                    assertThat(second.getJson("/api/agents/010").getBoolean("phoneBusy")).as("still talking").isTrue();

                    agent.hangUp(); // the conversation ends after the restart
                    await().atMost(Duration.ofSeconds(20)).until(() -> "done".equals(
                            second.getJson("/api/calls/" + firstCall.getUniqueId()).getJsonObject("callback").getString("status")));
                    JsonArray attempts = second.getJson("/api/calls/" + firstCall.getUniqueId()).getJsonObject("callback")
                            .getJsonArray("attempts");
                    assertThat(attempts).hasSize(1);
                    assertThat(attempts.getJsonObject(0).getString("outcome")).isEqualTo("customer-answered");
                    assertThat(attempts.getJsonObject(0).getString("agent")).isEqualTo("010");
                    DialEndEvent customerAnswer = customerAnswer(ami, firstCall);
                    assertThat(Duration.between(TestAmi.at(customerAnswer),
                            Instant.parse(attempts.getJsonObject(0).getString("customerAnsweredAt"))).abs())
                            .as("the answer time is Asterisk's (its log's answer of the customer's leg)")
                            .isLessThanOrEqualTo(Duration.ofMillis(50));

                    Thread.sleep(SETTLE.toMillis());
                    assertThat(customerDials(ami)).as("dials toward the customer, by Asterisk's channels").isEqualTo(1);
                    assertThat(agentLegs(ami, firstCall)).as("Originates of agent legs for the request").isEqualTo(1);
                    assertThat(agentLegs(ami, secondCall)).as("the joined call is never dialled").isZero();

                    // The agent came back ready: the next caller is put through to them at once.
                    agent.forgetPastCalls();
                    await().atMost(Duration.ofSeconds(10)).until(() ->
                            "ready".equals(second.getJson("/api/agents/010").getString("state")));
                    NewChannelEvent next = ami.callHotline("10000", "<13800139002>");
                    ami.joinQueue(next, '1');
                    ami.await(e -> e instanceof DialBeginEvent d && next.getUniqueId().equals(d.getUniqueId())
                            && d.getDestChannel() != null && d.getDestChannel().startsWith("PJSIP/agent-010-"), Duration.ofSeconds(10));
                    agent.awaitCallEstablished(Duration.ofSeconds(10));
                    ami.hangUp(next);
                }
            }
        }
    }

    @Test
    void aGracefulStopLetsTheCallbackConversationEndAndRecordsItAsTalked() throws Exception {
        String database = "callbacks_drain_it_" + System.nanoTime();
        try (TestAmi ami = new TestAmi(asterisk)) {
            NewChannelEvent call;
            ServerProcess first = ServerProcess.start(asterisk, database, "callbacks-drain-first");
            try (Softphone agent = agentPhone("agent-010-drain")) {
                awaitPhoneRegistered(first);
                first.put("/api/agents/010/state", "{\"state\":\"ready\"}");
                first.put("/api/agents/010/state", "{\"state\":\"paused\",\"reason\":\"admin\"}");
                int dialsBefore = customerDials(ami);
                call = requestCallback(ami, first);
                first.put("/api/agents/010/state", "{\"state\":\"ready\"}");
                agent.awaitCallEstablished(Duration.ofSeconds(20));
                awaitCustomerAnswered(ami, call);

                first.terminate(); // SIGTERM: a graceful stop while they talk
                Thread.sleep(3000);
                assertThat(first.isAlive()).as("the server waits for the conversation").isTrue();
                assertThat(ami.first(HangupEvent.class, hangup -> hangup.getUniqueId() != null
                        && hangup.getUniqueId().startsWith(call.getUniqueId() + "-cb"))).as("the agent still talks").isEmpty();

                agent.hangUp();
                assertThat(first.awaitExit(Duration.ofSeconds(30))).as("stopped once the conversation ended").isTrue();
                assertThat(customerDials(ami) - dialsBefore).isEqualTo(1);
            } finally {
                first.kill();
            }
            try (ServerProcess second = ServerProcess.start(asterisk, database, "callbacks-drain-second")) {
                JsonObject callback = second.getJson("/api/calls/" + call.getUniqueId()).getJsonObject("callback");
                assertThat(callback.getString("status")).isEqualTo("done");
                assertThat(callback.getJsonArray("attempts")).singleElement()
                        .satisfies(tried -> assertThat(((JsonObject) tried).getString("outcome")).isEqualTo("customer-answered"));
                Thread.sleep(SETTLE.toMillis());
                assertThat(agentLegs(ami, call)).as("not dialled again after the restart").isEqualTo(1);
            }
        }
    }

    @Test
    void aSpoofedEmergencyOrPremiumNumberIsRecordedAsRefusedAndNeverCalledBack() throws Exception {
        String database = "callbacks_refused_it_" + System.nanoTime();
        try (TestAmi ami = new TestAmi(asterisk);
             ServerProcess server = ServerProcess.start(asterisk, database, "callbacks-refused")) {
            try (Softphone agent = agentPhone("agent-010-refused")) {
                awaitPhoneRegistered(server);
                server.put("/api/agents/010/state", "{\"state\":\"ready\"}");
                server.put("/api/agents/010/state", "{\"state\":\"paused\",\"reason\":\"admin\"}");
                NewChannelEvent police = requestCallback(ami, server, "110");
                NewChannelEvent premium = requestCallback(ami, server, "+19005550123");
                server.put("/api/agents/010/state", "{\"state\":\"ready\"}");
                Thread.sleep(SETTLE.toMillis()); // a request in line would be dialled by now

                JsonObject police110 = server.getJson("/api/calls/" + police.getUniqueId()).getJsonObject("callback");
                assertThat(police110.getString("status")).isEqualTo("refused");
                assertThat(police110.getString("refusal")).isEqualTo("emergency");
                assertThat(server.getJson("/api/calls/" + premium.getUniqueId()).getJsonObject("callback").getString("refusal"))
                        .isEqualTo("premium-rate");
                JsonObject listed = server.getJson("/api/callbacks");
                assertThat(listed.getJsonArray("callbacks")).isEmpty();
                assertThat(listed.getJsonArray("refused").stream().map(refused -> ((JsonObject) refused).getString("refusal")))
                        .containsExactly("emergency", "premium-rate");
                assertThat(agentLegs(ami, police) + agentLegs(ami, premium)).as("agent legs Asterisk created for them").isZero();
                assertThat(ami.events().stream().filter(NewChannelEvent.class::isInstance).map(NewChannelEvent.class::cast)
                        .map(NewChannelEvent::getChannel).filter(channel -> channel != null
                                && (channel.startsWith("Local/110@") || channel.startsWith("Local/+1900"))))
                        .as("channels toward the refused numbers").isEmpty();
                assertThat(server.getJson("/api/agents/010").getString("state")).isEqualTo("ready");
            }
        }
    }

    private static Softphone agentPhone(String name) throws Exception {
        String password = Files.readString(asterisk.stateDir().resolve("secrets/agents/010.password")).strip();
        Softphone agent = Softphone.named(name).account("agent-010", password).autoAnswer().start();
        agent.awaitRegistered(Duration.ofSeconds(10));
        return agent;
    }

    private static void awaitPhoneRegistered(ServerProcess server) {
        await().atMost(Duration.ofSeconds(15)).until(() -> server.getJson("/api/agents/010").getBoolean("phoneRegistered"));
    }

    /** A caller from the customer's number chooses orders and presses 1 to be called back; returns the call. */
    private static NewChannelEvent requestCallback(TestAmi ami, ServerProcess server) throws Exception {
        return requestCallback(ami, server, CUSTOMER);
    }

    private static NewChannelEvent requestCallback(TestAmi ami, ServerProcess server, String number) throws Exception {
        NewChannelEvent call = ami.callHotline("10000", "<" + number + ">");
        ami.joinQueue(call, '1');
        for (int i = 0; i < 10; i++) {
            try {
                ami.press(call, '1');
            } catch (Exception channelGone) {
                // the flow already booked it and hung up
            }
            Thread.sleep(1000);
            JsonObject record = server.getJson("/api/calls/" + call.getUniqueId());
            if (record.getJsonObject("callback") != null && record.getJsonObject("callback").getString("status") != null) {
                try {
                    ami.hangUp(call);
                } catch (Exception alreadyGone) {
                    // the flow hung up after the confirmation
                }
                return call;
            }
        }
        throw new AssertionError("the callback request of " + call.getUniqueId() + " was not recorded");
    }

    private static void awaitCustomerAnswered(TestAmi ami, NewChannelEvent request) throws InterruptedException {
        customerAnswerWithin(ami, request, Duration.ofSeconds(20));
    }

    private static DialEndEvent customerAnswer(TestAmi ami, NewChannelEvent request) throws InterruptedException {
        return customerAnswerWithin(ami, request, Duration.ofSeconds(1));
    }

    /** The agent leg's DialEnd ANSWER: the customer it dialled picked up. */
    private static DialEndEvent customerAnswerWithin(TestAmi ami, NewChannelEvent request, Duration max) throws InterruptedException {
        return (DialEndEvent) ami.await(e -> e instanceof DialEndEvent d && d.getUniqueId() != null
                && d.getUniqueId().startsWith(request.getUniqueId() + "-cb") && "ANSWER".equals(d.getDialStatus()), max);
    }

    /** Channels Asterisk created toward the customer's number (the first half of each Local dial). */
    private static int customerDials(TestAmi ami) {
        List<String> dials = ami.events().stream().filter(NewChannelEvent.class::isInstance).map(NewChannelEvent.class::cast)
                .map(NewChannelEvent::getChannel)
                .filter(channel -> channel != null && channel.startsWith("Local/" + CUSTOMER + "@hotline-outbound") && channel.endsWith(";1"))
                .toList();
        return dials.size();
    }

    /** The agent legs Asterisk created for a request (each Originate names its leg after the request). */
    private static long agentLegs(TestAmi ami, NewChannelEvent request) {
        return ami.events().stream().filter(NewChannelEvent.class::isInstance).map(NewChannelEvent.class::cast)
                .filter(created -> created.getUniqueId() != null && created.getUniqueId().startsWith(request.getUniqueId() + "-cb"))
                .count();
    }
}
