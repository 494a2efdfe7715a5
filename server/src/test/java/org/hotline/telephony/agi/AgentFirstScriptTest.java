package org.hotline.telephony.agi;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.asteriskjava.fastagi.AgiRequest;
import org.hotline.shared.Language;
import org.hotline.telephony.ami.DialTimes;
import org.junit.jupiter.api.Test;

/** The agent-first leg: the agent who answered is told it is a callback, then the customer is dialled. */
class AgentFirstScriptTest {

    private final RecordingChannel asterisk = new RecordingChannel("BUSY");
    private final List<String> sent = asterisk.sent;
    private final List<AgentFirstCall.CustomerLeg> ended = new ArrayList<>();
    private boolean agentTold;

    private static AgiRequest request() {
        return (AgiRequest) Proxy.newProxyInstance(AgentFirstScriptTest.class.getClassLoader(), new Class<?>[] {AgiRequest.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getChannel" -> "PJSIP/agent-010-0000002a";
                    case "getUniqueId" -> "1796537828.5";
                    default -> null;
                });
    }

    private final AgentFirstCall call = new AgentFirstCall() {
        @Override
        public String dialled() {
            return "13900000060";
        }

        @Override
        public String dialOptions() {
            return ",U(answered^c-42)";
        }

        @Override
        public Optional<String> callerId() {
            return Optional.of("<4008001234>");
        }

        @Override
        public void agentAnswered() {
            agentTold = true;
        }

        @Override
        public void ended(CustomerLeg leg) {
            ended.add(leg);
        }
    };

    private AgentFirstScript script(Optional<AgentFirstCall> reserved) {
        return new AgentFirstScript((agent, request, channel) -> reserved, Language.ZH, Duration.ofSeconds(30),
                Clock.systemUTC(), new DialTimes(Clock.systemUTC()));
    }

    @Test
    void theAgentHearsItIsACallbackThenTheCustomerIsDialledThroughTheOutboundContext() throws Exception {
        script(Optional.of(call)).service(request(), asterisk.channel());

        assertThat(agentTold).isTrue();
        assertThat(sent).containsExactly(
                "streamFile hotline/zh/callback-agent",
                "setVariable CALLERID(all) <4008001234>",
                "exec Dial Local/13900000060@hotline-outbound,30,U(answered^c-42)",
                "getVariable DIALSTATUS",
                "hangup");
        assertThat(ended).hasSize(1);
        assertThat(ended.getFirst().dial().status()).isEqualTo("BUSY");
        assertThat(ended.getFirst().dialled()).isTrue();
        assertThat(ended.getFirst().agentLeft()).isFalse();
    }

    @Test
    void aLegNotReservedHereIsHungUpAndNobodyIsDialled() throws Exception {
        script(Optional.empty()).service(request(), asterisk.channel());

        assertThat(sent).containsExactly("hangup");
        assertThat(ended).isEmpty();
    }

    @Test
    void anAgentWhoHangsUpDuringThePromptLeavesTheCustomerUndialled() throws Exception {
        asterisk.hangUpAfter = 0;
        script(Optional.of(call)).service(request(), asterisk.channel());

        assertThat(ended).hasSize(1);
        assertThat(ended.getFirst().dial()).isNull();
        assertThat(ended.getFirst().dialled()).isFalse();
        assertThat(ended.getFirst().agentLeft()).isTrue();
    }
}
