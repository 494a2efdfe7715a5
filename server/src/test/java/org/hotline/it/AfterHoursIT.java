package org.hotline.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import org.asteriskjava.manager.event.AgiExecStartEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Outside service hours the hotline still answers within three rings, greets, says so and closes politely. */
class AfterHoursIT {

    @RegisterExtension
    static final HotlineUnderTest hotline = new HotlineUnderTest("after_hours_it", Map.of("HOTLINE_HOURS", "closed"));

    @Test
    void aCallOutsideServiceHoursIsAnsweredGreetedToldSoAndClosedWithoutTheMenu() throws Exception {
        NewChannelEvent call = hotline.ami().callHotline("10000", "<13600136000>");
        hotline.ami().awaitOn(call.getUniqueId(), e -> e instanceof AgiExecStartEvent s && s.getCommand() != null
                && s.getCommand().contains("/after-hours"), Duration.ofSeconds(15));

        JsonObject record = hotline.server().awaitFinishedRecord(call.getUniqueId());
        assertThat(record.getJsonObject("answer").getBoolean("withinRule")).isTrue();
        assertThat(record.containsKey("greeting")).isTrue();
        assertThat(record.getBoolean("afterHours")).isTrue();
        assertThat(record.getJsonObject("flow").getString("outcome")).isEqualTo("after-hours");
        assertThat(record.getJsonObject("hangup").getString("side")).isEqualTo("hotline");
        assertThat(record.containsKey("ivr")).as("no menu after hours").isFalse();
        assertThat(hotline.ami().first(AgiExecStartEvent.class, s -> call.getUniqueId().equals(s.getUniqueId())
                && s.getCommand() != null && s.getCommand().contains("/menu"))).isEmpty();
    }

    @Test
    void aCallerOutsideServiceHoursCanLeaveACallbackRequestThatIsKept() throws Exception {
        NewChannelEvent call = hotline.ami().callHotline("10000", "<13600136001>");
        hotline.ami().awaitOn(call.getUniqueId(), e -> e instanceof AgiExecStartEvent s && s.getCommand() != null
                && s.getCommand().contains("/after-hours-offer"), Duration.ofSeconds(20));
        hotline.ami().press(call, '1');

        JsonObject record = hotline.server().awaitFinishedRecord(call.getUniqueId());
        assertThat(record.getJsonObject("flow").getString("outcome")).isEqualTo("callback-requested");
        JsonObject callback = record.getJsonObject("callback");
        assertThat(callback.getString("status")).isEqualTo("pending");
        assertThat(callback.getString("number")).isEqualTo("13600136001");
        assertThat(callback.getString("queue")).as("after-hours requests go to the general queue").isEqualTo("agent");
        assertThat(java.time.Instant.parse(callback.getString("deadline")))
                .isAfter(java.time.Instant.parse(callback.getString("requestedAt")));
        assertThat(hotline.ami().first(AgiExecStartEvent.class, s -> call.getUniqueId().equals(s.getUniqueId())
                && s.getCommand() != null && s.getCommand().contains("/callback-booked"))).isPresent();
        assertThat(openCallbacks()).as("the request waits in line").contains(call.getUniqueId());

        hotline.restartServer();

        assertThat(openCallbacks()).as("a restart loses no callback request").contains(call.getUniqueId());
    }

    private static java.util.List<String> openCallbacks() throws Exception {
        return hotline.server().getJson("/api/callbacks").getJsonArray("callbacks").stream()
                .map(open -> ((JsonObject) open).getString("call")).toList();
    }
}
