package org.hotline.telephony.ami;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.asteriskjava.manager.event.ResponseEvent;
import org.hotline.shared.AgentId;
import org.hotline.telephony.Dialplan;
import org.hotline.telephony.pjsip.AgentDial;

/**
 * AMI {@code Originate} that rings an agent first, for a queue callback or a callback-campaign
 * contact; once the agent answers, their leg enters the call's context, whose script dials the
 * customer. Only checked values go in: the agent's ID, the call's id and the customer's number.
 */
enum AgentFirstOriginate {

    CALLBACK(Dialplan.CALLBACK_AGENT, "Callback", AgentFirstDialer.REQUEST_VARIABLE),
    CAMPAIGN(Dialplan.CAMPAIGN_AGENT, "Campaign", AgentlessLine.CONTACT_VARIABLE);

    private final Dialplan context;
    private final String shownAs;
    private final String idVariable;

    /**
     * @param context    where the agent's answered leg goes
     * @param shownAs    what the agent's phone says the call is, before the customer's number
     * @param idVariable the channel variable that tells the script which call this is
     */
    AgentFirstOriginate(Dialplan context, String shownAs, String idVariable) {
        this.context = context;
        this.shownAs = shownAs;
        this.idVariable = idVariable;
    }

    OriginateAction ringAgent(AgentDial dial, AgentId agent, String customerNumber, String callId, Duration ring) {
        OriginateAction originate = new OriginateAction();
        originate.setChannel(dial.of(agent));
        originate.setContext(context.context());
        originate.setExten("s");
        originate.setPriority(1);
        originate.setTimeout(ring.toMillis());
        // What the agent's phone shows: whom they are about to call.
        originate.setCallerId("\"" + shownAs + " " + customerNumber + "\" <" + customerNumber + ">");
        originate.setVariables(Map.of(idVariable, callId));
        originate.setAsync(true);
        return originate;
    }

    /** Whether the agent answered, by the Originate's response events. */
    static boolean agentAnswered(List<ResponseEvent> events) {
        return events.stream()
                .filter(OriginateResponseEvent.class::isInstance)
                .map(OriginateResponseEvent.class::cast)
                .anyMatch(event -> "Success".equalsIgnoreCase(event.getResponse()));
    }
}
