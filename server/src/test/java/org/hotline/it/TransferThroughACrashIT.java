package org.hotline.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.asteriskjava.manager.event.BridgeEnterEvent;
import org.asteriskjava.manager.event.DialBeginEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.junit.jupiter.api.Test;

/**
 * An agent blind-transfers a caller to a colleague who is not free, so the caller waits for them;
 * the server is killed (SIGKILL) during that wait. The dialplan holds the caller with music and
 * asks the servers again; a server started on the same store takes them back into the line at the
 * place the transfer gave them. The colleague, ready again, talks with them. By Asterisk's events:
 * the caller is never hung up nor told the service is unavailable, and their one record has the
 * transfer once, the take-back, the colleague and the true end.
 */
class TransferThroughACrashIT {

    private static final Duration SAME_MOMENT = Duration.ofMillis(20);

    @Test
    void aCallerWaitingForTheColleagueTheyWereTransferredToIsHeldAndTakenBackWhenTheServerDies() throws Exception {
        AsteriskSandbox asterisk = AsteriskSandbox.start();
        String database = "transfer_crash_it_" + System.nanoTime();
        ServerProcess first = ServerProcess.start(asterisk, database, "transfer-crash-first");
        try (TestAmi ami = new TestAmi(asterisk);
             Softphone colleague = AgentDesk.phone(asterisk, "001", "agent-001-tc").autoAnswer().start()) {
            NewChannelEvent call;
            Instant transferredAt;
            try (Softphone transferring = AgentDesk.phone(asterisk, "010", "agent-010-tc").autoAnswer().start()) {
                AgentDesk.ready(first, "010", transferring);
                AgentDesk.ready(first, "001", colleague);
                assertThat(first.put("/api/agents/001/state", "{\"state\":\"paused\",\"reason\":\"admin\"}").statusCode())
                        .isEqualTo(200);
                call = ami.callHotline("10000", "<13900139501>");
                ami.joinQueue(call, '1');
                transferring.awaitCallEstablished(Duration.ofSeconds(15));
                Thread.sleep(1000);
                transferredAt = Instant.now();
                transferring.transfer("sip:001@127.0.0.1:" + AsteriskSandbox.SIP_PORT);
                transferring.awaitCallClosed(Duration.ofSeconds(10));
                // the caller waits for the paused colleague (the team lead, who takes orders too), in the queue the transfer put them in
                await().atMost(Duration.ofSeconds(10)).until(() -> first.getJson("/api/calls/" + call.getUniqueId())
                        .getJsonArray("transfers", new JsonArray()).size() == 1);
            } // the transferring agent's phone is gone: only the colleague can take the caller
            Thread.sleep(1500);
            first.kill();
            Instant killedAt = Instant.now();

            try (ServerProcess second = ServerProcess.start(asterisk, database, "transfer-crash-second")) {
                await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(250)).until(() -> {
                    JsonObject queue = second.getJson("/api/calls/" + call.getUniqueId()).getJsonObject("queue", new JsonObject());
                    return queue.containsKey("backAt");
                });
                Instant readyAt = Instant.now();
                assertThat(second.put("/api/agents/001/state", "{\"state\":\"ready\"}").statusCode()).isEqualTo(200);
                DialBeginEvent offer = (DialBeginEvent) ami.awaitOn(call.getUniqueId(), e -> e instanceof DialBeginEvent d
                        && d.getDestChannel() != null && d.getDestChannel().startsWith("PJSIP/agent-001-")
                        && TestAmi.at(d).isAfter(readyAt), Duration.ofSeconds(20));
                assertThat(offer).isNotNull();
                ami.awaitOn(call.getUniqueId(), e -> e instanceof BridgeEnterEvent && TestAmi.at(e).isAfter(readyAt),
                        Duration.ofSeconds(15));
                Thread.sleep(1000);
                ami.hangUp(call);
                HangupEvent hangup = (HangupEvent) ami.awaitOn(call.getUniqueId(), HangupEvent.class::isInstance,
                        Duration.ofSeconds(15));

                // what the caller lived, by Asterisk's events
                assertThat(FirstRings.dialplanPlaybacks(ami, call)).as("the fallback's prompts")
                        .noneMatch(prompt -> prompt.endsWith("/fallback"));
                assertThat(TestAmi.at(hangup)).as("the caller hung up, not the hotline").isAfter(readyAt);

                JsonObject record = await().atMost(Duration.ofSeconds(20)).until(
                        () -> second.getJson("/api/calls/" + call.getUniqueId()),
                        r -> r.containsKey("endedAt") && r.getJsonObject("flow", new JsonObject()).containsKey("outcome"));
                List<String> types = record.getJsonArray("events").stream().map(e -> ((JsonObject) e).getString("type")).toList();
                assertThat(types.stream().filter("transferred"::equals).count()).as("the transfer once: %s", record.encode())
                        .isEqualTo(1);
                assertThat(types).as(record.encode()).containsSubsequence("transferred", "taken-back", "back-in-queue",
                        "agent-answered", "conversation-started", "conversation-ended", "ended");
                Instant takenBack = Instant.parse(record.getJsonObject("fallback").getString("takenBackAt"));
                assertThat(takenBack).isAfter(killedAt);
                List<JsonObject> queued = events(record, "queued");
                Instant transferJoin = Instant.parse(queued.get(queued.size() - 1).getString("at"));
                assertThat(transferJoin).as("the transfer's join of the queue").isAfter(transferredAt).isBefore(killedAt);
                assertThat(Instant.parse(events(record, "back-in-queue").get(0).getString("since")))
                        .as("back at the place the transfer gave them").isEqualTo(transferJoin.truncatedTo(ChronoUnit.MILLIS));
                assertThat(record.getJsonObject("agent").getString("id")).isEqualTo("001");
                assertThat(record.getJsonObject("flow").getString("outcome")).as(record.encode()).isEqualTo("connected");
                assertThat(Duration.between(TestAmi.at(hangup), Instant.parse(record.getString("endedAt"))).abs())
                        .as("ended when Asterisk hung it up").isLessThanOrEqualTo(SAME_MOMENT);
                System.out.printf("TransferThroughACrashIT: kill -> taken back %.1f s%n",
                        Duration.between(killedAt, takenBack).toMillis() / 1000.0);
            }
        } finally {
            first.kill();
        }
    }

    private static List<JsonObject> events(JsonObject record, String type) {
        return record.getJsonArray("events").stream().map(JsonObject.class::cast).filter(e -> type.equals(e.getString("type")))
                .toList();
    }
}
