package org.hotline.telephony.pjsip;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.hotline.shared.AgentId;
import org.junit.jupiter.api.Test;

/** A node rings an agent's endpoint: as registered with it, or at the front door that holds every phone's binding. */
class AgentDialTest {

    private static final AgentId LI = new AgentId("010");

    @Test
    void withoutTheFrontDoorANodeRingsThePhoneRegisteredWithIt() {
        assertThat(AgentDial.direct().of(LI)).isEqualTo("PJSIP/agent-010");
    }

    @Test
    void throughTheFrontDoorAnyNodeRingsTheAgentsAddressThereOnTheAgentsEndpoint() {
        AgentDial door = new AgentDial(Optional.of("127.0.0.2:5071"));

        assertThat(door.of(LI)).isEqualTo("PJSIP/agent-010/sip:agent-010@127.0.0.2:5071");
        // The channel is the agent's endpoint's all the same: PJSIP/agent-010-<n>.
        assertThat(AgentAccounts.agentOfChannel("PJSIP/agent-010-0000002a")).contains(LI);
    }

    @Test
    void anAgentWhoChoseTheBrowserPhoneIsRungThereAndItsChannelStillNamesTheAgent() {
        BrowserPhones browsers = new BrowserPhones();
        AgentDial direct = new AgentDial(Optional.empty(), browsers);
        AgentDial door = new AgentDial(Optional.of("127.0.0.2:5071"), browsers);

        browsers.registered(LI, true);
        assertThat(direct.of(LI)).isEqualTo("PJSIP/agent-010-web");
        assertThat(door.of(LI)).as("the browser registers with the node itself").isEqualTo("PJSIP/agent-010-web");
        assertThat(direct.of(new AgentId("011"))).as("everybody else keeps their SIP phone").isEqualTo("PJSIP/agent-011");
        assertThat(AgentAccounts.agentOfChannel("PJSIP/agent-010-web-0000002b")).contains(LI);
        assertThat(AgentAccounts.agentOfEndpoint("agent-010-web")).contains(LI);
        assertThat(AgentAccounts.isBrowserPhone("agent-010-web")).isTrue();
        assertThat(AgentAccounts.isBrowserPhone("agent-010")).isFalse();

        browsers.registered(LI, false);
        assertThat(direct.of(LI)).isEqualTo("PJSIP/agent-010");
    }
}
