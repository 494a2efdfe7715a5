package org.hotline.telephony.ami;

import static org.assertj.core.api.Assertions.assertThat;

import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.action.PlayDtmfAction;
import org.hotline.routing.MonitorMode;
import org.hotline.shared.AgentId;
import org.hotline.telephony.pjsip.AgentDial;
import org.junit.jupiter.api.Test;

/** The supervisor's phone is rung into ChanSpy on the agent's channel, quiet, in the chosen mode; keys 4, 5, 6 switch it. */
class SpyOriginateTest {

    @Test
    void theSupervisorsPhoneIsRungIntoChanSpyOnTheAgentsChannelInTheChosenMode() {
        OriginateAction originate = SpyOriginate.ringSupervisor(AgentDial.direct(), new AgentId("001"), new AgentId("010"),
                "PJSIP/agent-010-0000002a", MonitorMode.WHISPER, false);

        assertThat(originate.getChannel()).isEqualTo("PJSIP/agent-001");
        assertThat(originate.getContext()).isEqualTo("hotline-spy");
        assertThat(originate.getVariables()).containsEntry("HOTLINE_SPY_CHANNEL", "PJSIP/agent-010-0000002a")
                .containsEntry("HOTLINE_SPY_OPTIONS", "qdEw").containsEntry("HOTLINE_SPY_TELL", "no");
    }

    @Test
    void whenTheAgentIsToldTheSpyContextPlaysThemATone() {
        OriginateAction originate = SpyOriginate.ringSupervisor(AgentDial.direct(), new AgentId("001"), new AgentId("010"),
                "PJSIP/agent-010-0000002a", MonitorMode.LISTEN, true);

        assertThat(originate.getVariables()).containsEntry("HOTLINE_SPY_TELL", "yes")
                .as("the supervisor still hears no beep").containsEntry("HOTLINE_SPY_OPTIONS", "qdE");
    }

    @Test
    void listeningIsQuietWhisperingAddsWAndBargingAddsB() {
        assertThat(SpyOriginate.options(MonitorMode.LISTEN)).isEqualTo("qdE");
        assertThat(SpyOriginate.options(MonitorMode.WHISPER)).isEqualTo("qdEw");
        assertThat(SpyOriginate.options(MonitorMode.BARGE)).isEqualTo("qdEB");
    }

    @Test
    void switchingPressesChanSpysModeKeyAsIfOnTheSupervisorsPhone() {
        PlayDtmfAction barge = SpyKey.press("PJSIP/agent-001-0000002b", MonitorMode.BARGE);

        assertThat(barge.getDigit()).isEqualTo("6");
        assertThat(barge.getReceive()).isTrue();
        assertThat(SpyKey.key(MonitorMode.LISTEN)).isEqualTo("4");
        assertThat(SpyKey.key(MonitorMode.WHISPER)).isEqualTo("5");
    }
}
