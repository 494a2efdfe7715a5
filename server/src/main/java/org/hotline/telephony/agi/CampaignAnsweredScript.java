package org.hotline.telephony.agi;

import java.time.Clock;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.hotline.campaign.Contact;
import org.hotline.telephony.ami.AgentFirstCampaignLine;

/**
 * FastAGI script {@code campaign-answered}, run on a callback campaign's customer channel the
 * moment the customer picks up (Dial's {@code U} option, {@code [hotline-campaign-answered]}): records the answer at
 * once, so a server that stops mid-conversation knows the customer was reached and does not call
 * them again. Anything but a call under way here is ignored.
 */
public final class CampaignAnsweredScript implements AgiScript {

    private final AgentFirstCampaignLine line;
    private final Clock clock;

    public CampaignAnsweredScript(AgentFirstCampaignLine line, Clock clock) {
        this.line = line;
        this.clock = clock;
    }

    @Override
    public void service(AgiRequest request, AgiChannel channel) throws AgiException {
        String[] arguments = request.getArguments();
        String contactId = arguments == null || arguments.length == 0 ? null : arguments[0];
        if (Contact.isValidId(contactId)) {
            line.underWay(contactId).ifPresent(call -> call.customerAnswered(clock.instant()));
        }
    }
}
