package org.hotline.telephony.ami;

import org.hotline.telephony.pjsip.AgentDial;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.asteriskjava.manager.event.ResponseEvent;
import org.hotline.shared.AgentId;
import org.junit.jupiter.api.Test;

/** Ringing the agent first: a queue callback and a campaign contact differ only in where the answered leg goes. */
class AgentFirstOriginateTest {

    private static final AgentId LI = new AgentId("010");

    @Test
    void aCallbackRingsTheAgentAndSendsTheAnsweredLegToTheCallbackScript() {
        OriginateAction ring = AgentFirstOriginate.CALLBACK.ringAgent(AgentDial.direct(), LI, "13900000060", "1796537828.5", Duration.ofSeconds(9));

        assertThat(ring.getChannel()).isEqualTo("PJSIP/agent-010");
        assertThat(ring.getContext()).isEqualTo("hotline-callback");
        assertThat(ring.getExten()).isEqualTo("s");
        assertThat(ring.getTimeout()).isEqualTo(9_000L);
        assertThat(ring.getCallerId()).isEqualTo("\"Callback 13900000060\" <13900000060>");
        assertThat(ring.getVariables()).isEqualTo(Map.of("HOTLINE_CALLBACK", "1796537828.5"));
        assertThat(ring.getAsync()).isTrue();
    }

    @Test
    void aCampaignContactRingsTheAgentAndSendsTheAnsweredLegToTheCampaignAgentScript() {
        OriginateAction ring = AgentFirstOriginate.CAMPAIGN.ringAgent(AgentDial.direct(), LI, "+8613900000060", "c-42", Duration.ofSeconds(9));

        assertThat(List.of(ring.getChannel(), ring.getContext(), ring.getCallerId())).containsExactly(
                "PJSIP/agent-010", "hotline-campaign-agent", "\"Campaign +8613900000060\" <+8613900000060>");
        assertThat(ring.getVariables()).isEqualTo(Map.of("HOTLINE_CAMPAIGN_CONTACT", "c-42"));
    }

    @Test
    void throughTheFrontDoorAnyNodeRingsTheAgentThere() {
        AgentDial door = new AgentDial(java.util.Optional.of("127.0.0.2:5071"));

        assertThat(AgentFirstOriginate.CALLBACK.ringAgent(door, LI, "13900000060", "1796537828.5", Duration.ofSeconds(9)).getChannel())
                .isEqualTo("PJSIP/agent-010/sip:agent-010@127.0.0.2:5071");
    }

    @Test
    void theAgentAnsweredOnlyWhenTheOriginateSucceeded() {
        assertThat(AgentFirstOriginate.agentAnswered(List.of(response("Success")))).isTrue();
        assertThat(AgentFirstOriginate.agentAnswered(List.of(response("Failure")))).isFalse();
        assertThat(AgentFirstOriginate.agentAnswered(List.of())).isFalse();
    }

    private static ResponseEvent response(String outcome) {
        OriginateResponseEvent event = new OriginateResponseEvent(new Object());
        event.setResponse(outcome);
        return event;
    }
}
