package org.hotline.telephony.agi;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.hotline.call.Prompt;
import org.hotline.floor.Floor;
import org.hotline.prompts.PromptLibrary;
import org.hotline.shared.Language;
import org.hotline.telephony.Dialplan;
import org.hotline.telephony.ami.AgentFirstCampaignLine;
import org.hotline.telephony.ami.DialTimes;
import org.hotline.telephony.pjsip.AgentAccounts;

/**
 * FastAGI scripts {@code callback} and {@code campaign-agent}, on the agent's answered leg of an
 * agent-first call (a queue callback or a callback campaign's): tells the agent it is a callback,
 * dials the customer, and reports how it went. A leg that is not one reserved here is hung up.
 */
public final class AgentFirstScript implements AgiScript {

    private final AgentFirstCall.Calls calls;
    private final Language language;
    private final Duration customerRing;
    private final Clock clock;
    private final DialTimes times;

    AgentFirstScript(AgentFirstCall.Calls calls, Language language, Duration customerRing, Clock clock,
                             DialTimes times) {
        this.calls = calls;
        this.language = language;
        this.customerRing = customerRing;
        this.clock = clock;
        this.times = times;
    }

    /**
     * Queue callbacks, checked against the floor: a leg that is not the one the floor reserved is refused.
     *
     * @param times Asterisk's times of the legs: the agent's (this script's channel) and the customer's it dials
     */
    public static AgentFirstScript callbacks(Floor floor, Language language, Duration customerRing, Clock clock,
                                             DialTimes times) {
        return new AgentFirstScript(new QueueCallbackCall.Calls(floor, language, clock, times), language, customerRing,
                clock, times);
    }

    /**
     * Callback-campaign calls, found on the line that rang the agent by the contact id.
     *
     * @param times Asterisk's times of the legs: the agent's (this script's channel) and the customer's it dials
     */
    public static AgentFirstScript campaignAgents(AgentFirstCampaignLine line, Language language, Duration customerRing,
                                                  Clock clock, DialTimes times) {
        return new AgentFirstScript(new CampaignAgentCall.Calls(line, clock, times), language, customerRing, clock, times);
    }

    @Override
    public void service(AgiRequest request, AgiChannel channel) throws AgiException {
        Optional<AgentFirstCall> answered = calls.answeredBy(AgentAccounts.agentOfChannel(request.getChannel()), request,
                channel);
        if (answered.isEmpty()) {
            channel.hangup();
            return;
        }
        AgentFirstCall call = answered.get();
        DialResult dial = null;
        boolean dialled = false;
        boolean agentLeft = false;
        try {
            call.agentAnswered();
            channel.streamFile(PromptLibrary.asteriskName(language, Prompt.CALLBACK_AGENT));
            Optional<String> callerId = call.callerId();
            if (callerId.isPresent()) {
                channel.setVariable("CALLERID(all)", callerId.get());
            }
            dialled = true;
            // The number was checked when the call was made (digits and an optional +, and the centre's dial rule).
            channel.exec("Dial", Dialplan.OUTBOUND.local(call.dialled()) + "," + Math.max(1, customerRing.toSeconds())
                    + call.dialOptions());
            dial = DialResult.read(channel, request.getUniqueId(), times, clock);
            channel.hangup();
        } catch (AgiHangupException agentGone) {
            agentLeft = true; // what was learnt so far is reported below
        } finally {
            call.ended(new AgentFirstCall.CustomerLeg(dial, dialled, agentLeft));
        }
    }
}
