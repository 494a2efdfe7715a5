package org.hotline.telephony.agi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.hotline.shared.AgentId;
import org.hotline.telephony.pjsip.AgentDial;
import org.hotline.telephony.pjsip.BrowserPhones;
import org.junit.jupiter.api.Test;

/** A consultation rings the colleague's chosen phone, as routing does; only an active agent is rung. */
class ConsultScriptTest {

    private static final AgentId COLLEAGUE = new AgentId("011");

    private final BrowserPhones browsers = new BrowserPhones();
    private final ConsultScript direct = new ConsultScript(() -> List.of(COLLEAGUE), new AgentDial(Optional.empty(), browsers));

    @Test
    void aColleagueOnTheirSipPhoneIsRungThere() {
        assertThat(direct.target("011")).contains("PJSIP/agent-011");
        assertThat(direct.target("011#")).contains("PJSIP/agent-011");
    }

    @Test
    void aColleagueWhoChoseTheBrowserPhoneIsRungInTheDesktop() {
        browsers.registered(COLLEAGUE, true);

        assertThat(direct.target("011#")).contains("PJSIP/agent-011-web");
    }

    @Test
    void behindTheFrontDoorTheColleagueIsRungThroughIt() {
        ConsultScript viaDoor = new ConsultScript(() -> List.of(COLLEAGUE), new AgentDial(Optional.of("door.example:5070"), browsers));

        assertThat(viaDoor.target("011")).contains("PJSIP/agent-011/sip:agent-011@door.example:5070");
    }

    @Test
    void onlyAnActiveAgentsIdReachesTheDialplan() {
        assertThat(direct.target("012")).isEmpty();
        assertThat(direct.target("011&PJSIP/x")).isEmpty();
        assertThat(direct.target("")).isEmpty();
        assertThat(direct.target("#")).isEmpty();
        assertThat(direct.target(null)).isEmpty();
    }
}
