package org.hotline.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import org.asteriskjava.manager.event.AgiExecStartEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A caller who would rather not wait presses 1, hangs up, and keeps their place: when an agent
 * frees up, the agent's phone rings first, and only once the agent answers is the customer
 * called back — ahead of a caller who joined the queue later.
 */
class CallbackIT {

    @RegisterExtension
    static final HotlineUnderTest hotline = new HotlineUnderTest("callback_it");

    @Test
    void aCallbackKeepsItsPlaceAndTheCustomerIsCalledBackAgentFirstWhenAnAgentFreesUp() throws Exception {
        String password = Files.readString(hotline.asterisk().stateDir().resolve("secrets/agents/010.password")).strip();
        try (Softphone agent = Softphone.named("agent-010-callback").account("agent-010", password).autoAnswer().start();
             Softphone customer = Softphone.named("customer-callback").account("caller", hotline.asterisk().callerPassword())
                     .autoAnswer().start()) {
            agent.awaitRegistered(Duration.ofSeconds(10));
            customer.awaitRegistered(Duration.ofSeconds(10));
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    hotline.server().getJson("/api/agents/010").getBoolean("phoneRegistered"));
            // The orders agent is at work but busy with paperwork: callers wait.
            hotline.server().put("/api/agents/010/state", "{\"state\":\"ready\"}");
            hotline.server().put("/api/agents/010/state", "{\"state\":\"paused\",\"reason\":\"admin\"}");

            Instant before = Instant.now();
            customer.dial("sip:10000@127.0.0.1:" + AsteriskSandbox.SIP_PORT);
            NewChannelEvent call = (NewChannelEvent) hotline.ami().await(e -> e instanceof NewChannelEvent n
                    && n.getChannel() != null && n.getChannel().startsWith("PJSIP/caller-")
                    && n.getDateReceived().toInstant().isAfter(before.minusMillis(5)), Duration.ofSeconds(10));
            hotline.ami().awaitCommand(call, "/menu", Duration.ofSeconds(15));
            customer.press("1");
            hotline.ami().awaitCommand(call, "/callback-offer", Duration.ofSeconds(20));
            customer.press("1");
            customer.awaitCallClosed(Duration.ofSeconds(20));
            customer.forgetPastCalls();

            JsonObject request = hotline.server().awaitFinishedRecord(call.getUniqueId());
            assertThat(request.getJsonObject("flow").getString("outcome")).isEqualTo("callback-requested");
            assertThat(request.getJsonObject("callback").getString("status")).isEqualTo("pending");
            assertThat(request.getJsonObject("callback").getString("number")).isEqualTo("13800138000");
            assertThat(request.getJsonObject("callback").getString("queue")).isEqualTo("orders");
            assertThat(request.getJsonObject("queue").getInteger("announcements"))
                    .as("the caller was told their place before choosing").isGreaterThanOrEqualTo(1);

            // A later caller from the centre's own area (no long-distance head start) joins the same queue.
            NewChannelEvent later = hotline.ami().callHotline("10000", "<13800139001>");
            hotline.ami().joinQueue(later, '1');

            hotline.server().put("/api/agents/010/state", "{\"state\":\"ready\"}");
            agent.awaitCallEstablished(Duration.ofSeconds(10));
            Instant agentUp = Instant.now();
            customer.awaitIncomingCall(Duration.ofSeconds(20));
            customer.awaitCallEstablished(Duration.ofSeconds(20));
            Instant customerUp = Instant.now();
            assertThat(customerUp).as("agent first: the customer is dialled once the agent is on the line").isAfter(agentUp);
            Thread.sleep(2000);
            customer.hangUp();
            agent.awaitCallClosed(Duration.ofSeconds(10));

            await().atMost(Duration.ofSeconds(10)).until(() -> "done".equals(
                    hotline.server().getJson("/api/calls/" + call.getUniqueId()).getJsonObject("callback").getString("status")));
            JsonObject callback = hotline.server().getJson("/api/calls/" + call.getUniqueId()).getJsonObject("callback");
            JsonArray attempts = callback.getJsonArray("attempts");
            assertThat(attempts).hasSize(1);
            assertThat(attempts.getJsonObject(0).getString("agent")).isEqualTo("010");
            assertThat(attempts.getJsonObject(0).getString("outcome")).isEqualTo("customer-answered");
            assertThat(Instant.parse(attempts.getJsonObject(0).getString("customerAnsweredAt")))
                    .isAfter(Instant.parse(attempts.getJsonObject(0).getString("agentRangAt")));
            // Both legs are timed by Asterisk's own dial events: the agent's ring (the Originate's DialBegin of
            // their channel) and the customer's answer (DialEnd ANSWER of the leg the agent's script dialled).
            org.asteriskjava.manager.event.DialBeginEvent agentRing = (org.asteriskjava.manager.event.DialBeginEvent)
                    hotline.ami().await(e -> e instanceof org.asteriskjava.manager.event.DialBeginEvent d
                            && d.getDestChannel() != null && d.getDestChannel().startsWith("PJSIP/agent-010-")
                            && d.getDestUniqueId() != null && d.getDestUniqueId().startsWith(call.getUniqueId() + "-cb"),
                            Duration.ofSeconds(5));
            org.asteriskjava.manager.event.DialEndEvent customerAnswer = (org.asteriskjava.manager.event.DialEndEvent)
                    hotline.ami().await(e -> e instanceof org.asteriskjava.manager.event.DialEndEvent d
                            && agentRing.getDestUniqueId().equals(d.getUniqueId()) && "ANSWER".equals(d.getDialStatus()),
                            Duration.ofSeconds(5));
            assertThat(Duration.between(TestAmi.at(agentRing), Instant.parse(attempts.getJsonObject(0).getString("agentRangAt")))
                    .abs()).isLessThanOrEqualTo(Duration.ofMillis(50));
            assertThat(Duration.between(TestAmi.at(customerAnswer),
                    Instant.parse(attempts.getJsonObject(0).getString("customerAnsweredAt"))).abs())
                    .isLessThanOrEqualTo(Duration.ofMillis(50));

            // The later caller was not offered the agent before the callback: the callback held the earlier place.
            JsonObject laterNow = hotline.server().getJson("/api/calls/" + later.getUniqueId());
            JsonArray offers = laterNow.getJsonArray("offers");
            if (offers != null && !offers.isEmpty()) {
                assertThat(Instant.parse(offers.getJsonObject(0).getString("ringStartedAt")))
                        .isAfter(Instant.parse(attempts.getJsonObject(0).getString("endedAt")));
            }
            hotline.ami().hangUp(later);
            JsonObject laterRecord = hotline.server().awaitFinishedRecord(later.getUniqueId());
            assertThat(laterRecord.getJsonObject("queue").getString("name")).isEqualTo("orders");
        }
    }

}
