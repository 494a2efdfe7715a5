package org.hotline.telephony.ami;

import java.time.Duration;
import java.util.Map;
import org.asteriskjava.manager.action.OriginateAction;
import org.hotline.campaign.Contact;
import org.hotline.shared.AgentId;
import org.hotline.telephony.pjsip.AgentAccounts;

/**
 * AMI {@code Originate} that rings the agent reserved for a campaign contact; once they answer,
 * their leg enters {@value #CONTEXT}, whose script dials the customer. Only checked values go
 * in: the agent's ID, the contact's id and its E.164 number.
 */
final class CampaignAgentOriginate {

    /** The dialplan context the agent's answered leg enters (dialplan/extensions.conf). */
    static final String CONTEXT = "hotline-campaign-agent";
    /** Channel variable naming the contact the agent's leg is for. */
    static final String CONTACT_VARIABLE = AgentlessLine.CONTACT_VARIABLE;

    private CampaignAgentOriginate() {
    }

    static OriginateAction ringAgent(AgentId agent, Contact contact, Duration ring) {
        OriginateAction originate = new OriginateAction();
        originate.setChannel(AgentAccounts.endpointDial(agent));
        originate.setContext(CONTEXT);
        originate.setExten("s");
        originate.setPriority(1);
        originate.setTimeout(ring.toMillis());
        // What the agent's phone shows: whom they are about to call.
        originate.setCallerId("\"Campaign " + contact.number() + "\" <" + contact.number() + ">");
        originate.setVariables(Map.of(CONTACT_VARIABLE, contact.id()));
        originate.setAsync(true);
        return originate;
    }
}
