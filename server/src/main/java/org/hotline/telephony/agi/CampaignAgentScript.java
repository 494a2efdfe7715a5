package org.hotline.telephony.agi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.asteriskjava.fastagi.AgiChannel;
import org.hotline.telephony.ami.DialTimes;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.hotline.shared.Language;
import org.hotline.call.Prompt;
import org.hotline.campaign.AttemptOutcome;
import org.hotline.campaign.Contact;
import org.hotline.prompts.PromptLibrary;
import org.hotline.shared.AgentId;
import org.hotline.telephony.ami.AgentFirstCampaignLine;
import org.hotline.telephony.ami.AgentlessLine;
import org.hotline.telephony.pjsip.AgentAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * FastAGI script {@code campaign-agent}, on the agent's answered leg of a callback campaign
 * call: tells the agent it is a callback, dials the customer, and reports how it went to the
 * line that rang the agent. A leg that is not the agent's for a call under way here is hung up.
 */
public final class CampaignAgentScript implements AgiScript {

    private static final Logger LOG = LoggerFactory.getLogger(CampaignAgentScript.class);
    /** Where customers' numbers are dialled (dialplan/extensions.conf routes them to the provider). */
    private static final String OUTBOUND = "hotline-outbound";

    private final AgentFirstCampaignLine line;
    private final Language language;
    private final Duration customerRing;
    private final Clock clock;
    private final DialTimes times;

    /** @param times Asterisk's times of the legs: the agent's (this script's channel) and the customer's it dials */
    public CampaignAgentScript(AgentFirstCampaignLine line, Language language, Duration customerRing, Clock clock,
            DialTimes times) {
        this.times = times;
        this.line = line;
        this.language = language;
        this.customerRing = customerRing;
        this.clock = clock;
    }

    @Override
    public void service(AgiRequest request, AgiChannel channel) throws AgiException {
        Optional<AgentId> agent = AgentAccounts.agentOfChannel(request.getChannel());
        String contactId = channel.getVariable(AgentlessLine.CONTACT_VARIABLE);
        Optional<AgentFirstCampaignLine.UnderWay> call = Contact.isValidId(contactId) && agent.isPresent()
                ? line.underWay(contactId).filter(underWay -> underWay.agent().equals(agent.get()))
                : Optional.empty();
        if (call.isEmpty()) {
            LOG.warn("campaign agent leg for no call under way here; hung up");
            channel.hangup();
            return;
        }
        AgentFirstCampaignLine.UnderWay underWay = call.get();
        AttemptOutcome outcome = AttemptOutcome.AGENT_NO_ANSWER; // the agent left before the customer was dialled
        Instant customerAnsweredAt = null;
        try {
            // The agent's answer by Asterisk's dial event of their leg (the script starts a moment later).
            underWay.agentAnswered(times.ringOf(request.getUniqueId(), Duration.ofMillis(500))
                    .filter(DialTimes.Ring::answered).map(DialTimes.Ring::endedAt).orElse(clock.instant()));
            channel.streamFile(PromptLibrary.asteriskName(language, Prompt.CALLBACK_AGENT));
            String callerId = underWay.campaign().rules().callerId();
            // The customer sees the campaign's number (checked digits), not the agent's leg's display.
            channel.setVariable("CALLERID(all)", callerId.isEmpty() ? "" : "<" + callerId + ">");
            Instant dialledAt = clock.instant();
            // U(): the customer's channel reports their answer at once (the contact id was checked above).
            channel.exec("Dial", "Local/" + underWay.dialled() + "@" + OUTBOUND + "," + Math.max(1, customerRing.toSeconds())
                    + ",U(" + CampaignAnsweredScript.CONTEXT + "^" + contactId + ")");
            DialResult dial = DialResult.read(channel, request.getUniqueId(), times, clock);
            outcome = switch (dial.status()) {
                case "ANSWER" -> AttemptOutcome.REACHED;
                case "BUSY" -> AttemptOutcome.BUSY;
                case "NOANSWER" -> AttemptOutcome.NO_ANSWER;
                case "CANCEL" -> AttemptOutcome.AGENT_NO_ANSWER; // the agent hung up while the customer's phone rang
                default -> AttemptOutcome.FAILED;
            };
            customerAnsweredAt = dial.answeredAt();
            if (customerAnsweredAt != null) {
                underWay.customerAnswered(customerAnsweredAt);
            }
            channel.hangup();
        } catch (AgiHangupException agentGone) {
            // the agent's leg is down; what was learnt so far is reported below
        } finally {
            underWay.ended(outcome, customerAnsweredAt);
        }
    }
}
