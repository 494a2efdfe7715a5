package org.hotline.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import org.asteriskjava.manager.event.BridgeEnterEvent;
import org.asteriskjava.manager.event.BridgeLeaveEvent;
import org.asteriskjava.manager.event.DialEndEvent;
import org.asteriskjava.manager.event.NewChannelEvent;

/** A caller's call an agent took on a node, as the record says it and as that node's own AMI events say it. */
final class AgentCalls {

    private AgentCalls() {
    }

    /**
     * The call's record: on {@code node}, taken by {@code agent} at the first offer, ended by the caller, with the
     * agent's answer and the conversation's start and end within 20 ms of the node's DialEnd, BridgeEnter, BridgeLeave.
     */
    static JsonObject assertTakenBy(TestServer server, NewChannelEvent call, TestAmi ami, String agent, String node) throws Exception {
        String id = call.getUniqueId();
        JsonObject record = server.awaitFinishedRecord(id);
        assertThat(record.getString("node")).isEqualTo(node);
        assertThat(record.getJsonObject("agent").getString("id")).isEqualTo(agent);
        assertThat(record.getJsonArray("offers")).hasSize(1);
        assertThat(record.getJsonArray("offers").getJsonObject(0).getString("outcome")).isEqualTo("answered");
        assertThat(record.getJsonObject("hangup").getString("side")).isEqualTo("caller");
        DialEndEvent answered = (DialEndEvent) ami.awaitOn(id, DialEndEvent.class::isInstance, Duration.ofSeconds(5));
        BridgeEnterEvent talkStart = (BridgeEnterEvent) ami.awaitOn(id, BridgeEnterEvent.class::isInstance, Duration.ofSeconds(5));
        BridgeLeaveEvent talkEnd = (BridgeLeaveEvent) ami.awaitOn(id, BridgeLeaveEvent.class::isInstance, Duration.ofSeconds(5));
        assertThat(answered.getDialStatus()).isEqualTo("ANSWER");
        assertWithin20ms(record.getJsonObject("agent").getString("answeredAt"), TestAmi.at(answered));
        assertWithin20ms(record.getJsonObject("conversation").getString("startedAt"), TestAmi.at(talkStart));
        assertWithin20ms(record.getJsonObject("conversation").getString("endedAt"), TestAmi.at(talkEnd));
        return record;
    }

    static void assertWithin20ms(String recorded, Instant asterisk) {
        assertThat(Duration.between(asterisk, Instant.parse(recorded)).abs()).isLessThanOrEqualTo(Duration.ofMillis(20));
    }
}
