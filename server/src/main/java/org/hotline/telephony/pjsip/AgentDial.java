package org.hotline.telephony.pjsip;

import java.util.Optional;
import org.hotline.shared.AgentId;

/**
 * How a node rings an agent's phone: their endpoint's own registration (the phone registered with that
 * node), or, when the phones register through the front door, the agent's address at the front door,
 * which holds every phone's binding, so that any node reaches any agent. The channel is the agent's
 * endpoint either way ({@code PJSIP/agent-<id>-…}). An agent who chose their browser phone is rung
 * there ({@code PJSIP/agent-<id>-web}): it registers over the node's WebSocket, never the front door.
 *
 * @param frontDoor where the nodes send the agents' calls ({@code host:port}, the front door's agents' port, checked by
 *                  the configuration), or empty
 * @param browsers  the agents whose browser phone is their phone now
 */
public record AgentDial(Optional<String> frontDoor, BrowserPhones browsers) {

    public AgentDial(Optional<String> frontDoor) {
        this(frontDoor, new BrowserPhones());
    }

    /** Each node rings the phones registered with it. */
    public static AgentDial direct() {
        return new AgentDial(Optional.empty());
    }

    /** What the Dial application (or an Originate) calls to ring the agent's phone. */
    public String of(AgentId agent) {
        String endpoint = AgentAccounts.endpointDial(agent);
        if (browsers.chosenBy(agent)) {
            return endpoint + BrowserPhone.SUFFIX;
        }
        return frontDoor.map(door -> endpoint + "/sip:" + AgentAccounts.endpoint(agent) + "@" + door).orElse(endpoint);
    }
}
