package org.hotline.telephony.ami;

import java.time.Duration;
import java.util.Map;
import org.asteriskjava.manager.action.OriginateAction;
import org.hotline.campaign.Campaign;
import org.hotline.campaign.Contact;
import org.hotline.telephony.Dialplan;

/**
 * AMI {@code Originate} that dials a campaign's customer with no agent: once they answer, their
 * channel enters {@code [hotline-campaign]}. Only the checked number, the checked contact id and
 * the campaign's checked caller ID go in.
 */
final class AgentlessOriginate {

    private AgentlessOriginate() {
    }

    /** @param dialled the customer's number as the centre dials it */
    static OriginateAction dialCustomer(String dialled, Campaign campaign, Contact contact, Duration ring) {
        OriginateAction originate = new OriginateAction();
        originate.setChannel(Dialplan.OUTBOUND.local(dialled));
        originate.setContext(Dialplan.CAMPAIGN.context());
        originate.setExten("s");
        originate.setPriority(1);
        originate.setTimeout(ring.toMillis());
        if (!campaign.rules().callerId().isEmpty()) {
            originate.setCallerId("<" + campaign.rules().callerId() + ">");
        }
        originate.setVariables(campaign.rules().detectMachines()
                ? Map.of(AgentlessLine.CONTACT_VARIABLE, contact.id(), AgentlessLine.DETECT_MACHINE_VARIABLE, "1")
                : Map.of(AgentlessLine.CONTACT_VARIABLE, contact.id()));
        originate.setAsync(true);
        return originate;
    }
}
