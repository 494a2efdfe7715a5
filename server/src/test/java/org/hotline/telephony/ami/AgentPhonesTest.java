package org.hotline.telephony.ami;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.asteriskjava.manager.event.ContactStatusEvent;
import org.hotline.shared.AgentId;
import org.hotline.telephony.pjsip.AgentAccounts;
import org.hotline.telephony.pjsip.BrowserPhones;
import org.junit.jupiter.api.Test;

/** What Asterisk's contact events say of an agent's phone: registered while Asterisk has a contact for it. */
class AgentPhonesTest {

    private static final AgentId ZHAO = new AgentId("020");

    private final List<Map.Entry<AgentId, Boolean>> told = new ArrayList<>();
    private final BrowserPhones browsers = new BrowserPhones();
    private final AgentPhones phones = new AgentPhones(new AgentAccounts(List.of(), Path.of("unused")), () -> List.of(ZHAO), null,
            (agent, registered) -> told.add(Map.entry(agent, registered)), browsers);

    private void contact(String uri, String status) {
        contact("agent-020", uri, status);
    }

    private void contact(String aor, String uri, String status) {
        ContactStatusEvent event = new ContactStatusEvent(this);
        event.setAor(aor);
        event.setUri(uri);
        event.setContactStatus(status);
        phones.onEvent(event);
    }

    @Test
    void aPhoneRegisteringAnewFromAnotherAddressStaysRegisteredWhenItsOldContactIsRemovedAfter() {
        contact("sip:agent-020@127.0.0.1:40001", "NonQualified");
        contact("sip:agent-020@127.0.0.1:40001", "Reachable");
        contact("sip:agent-020@127.0.0.1:39999", "Removed");

        assertThat(told).last().isEqualTo(Map.entry(ZHAO, true));
    }

    @Test
    void aPhoneWhoseLastContactGoesIsUnregistered() {
        contact("sip:agent-020@127.0.0.1:40001", "Created");
        contact("sip:agent-020@127.0.0.1:40001", "Removed");

        assertThat(told).containsExactly(Map.entry(ZHAO, true), Map.entry(ZHAO, false));
    }

    @Test
    void theBrowserPhoneRegisteredIsTheAgentsChosenPhoneUntilItGoesAndTheSipPhoneStaysTheirs() {
        contact("sip:agent-020@127.0.0.1:40001", "Reachable");
        assertThat(browsers.chosenBy(ZHAO)).as("the SIP phone alone").isFalse();

        contact("agent-020-web", "sip:x8k2@df7jal23ls0d.invalid;transport=ws", "Created");
        assertThat(browsers.chosenBy(ZHAO)).isTrue();

        contact("agent-020-web", "sip:x8k2@df7jal23ls0d.invalid;transport=ws", "Removed");
        assertThat(browsers.chosenBy(ZHAO)).as("back to the SIP phone").isFalse();
        assertThat(told).last().as("the SIP phone is still registered").isEqualTo(Map.entry(ZHAO, true));
    }
}
