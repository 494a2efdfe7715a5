package org.hotline.telephony.agi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiRequest;
import org.hotline.campaign.AttemptOutcome;
import org.hotline.campaign.Contact;
import org.hotline.shared.AgentId;
import org.hotline.telephony.Dialplan;
import org.hotline.telephony.ami.AgentFirstCampaignLine;
import org.hotline.telephony.ami.AgentlessLine;
import org.hotline.telephony.ami.DialTimes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A callback campaign's call on its agent's answered leg, found on the line that rang the agent by
 * the contact id; how it went is reported to that line.
 */
record CampaignAgentCall(AgentFirstCampaignLine.UnderWay underWay, String contactId, String agentLeg, Clock clock,
                         DialTimes times) implements AgentFirstCall {

    private static final Logger LOG = LoggerFactory.getLogger(CampaignAgentCall.class);

    record Calls(AgentFirstCampaignLine line, Clock clock, DialTimes times) implements AgentFirstCall.Calls {

        @Override
        public Optional<AgentFirstCall> answeredBy(Optional<AgentId> agent, AgiRequest request, AgiChannel channel)
                throws AgiException {
            String contactId = channel.getVariable(AgentlessLine.CONTACT_VARIABLE);
            Optional<AgentFirstCampaignLine.UnderWay> call = Contact.isValidId(contactId) && agent.isPresent()
                    ? line.underWay(contactId).filter(underWay -> underWay.agent().equals(agent.get()))
                    : Optional.empty();
            if (call.isEmpty()) {
                LOG.warn("campaign agent leg for no call under way here; hung up");
                return Optional.empty();
            }
            return Optional.of(new CampaignAgentCall(call.get(), contactId, request.getUniqueId(), clock, times));
        }
    }

    @Override
    public String dialled() {
        return underWay.dialled();
    }

    /** U(): the customer's channel reports their answer at once (the contact id was checked). */
    @Override
    public String dialOptions() {
        return ",U(" + Dialplan.CAMPAIGN_ANSWERED.context() + "^" + contactId + ")";
    }

    /** The customer sees the campaign's number (checked digits), not the agent's leg's display. */
    @Override
    public Optional<String> callerId() {
        String callerId = underWay.campaign().rules().callerId();
        return Optional.of(callerId.isEmpty() ? "" : "<" + callerId + ">");
    }

    /** The agent's answer by Asterisk's dial event of their leg (the script starts a moment later). */
    @Override
    public void agentAnswered() {
        underWay.agentAnswered(times.ringOf(agentLeg, Duration.ofMillis(500))
                .filter(DialTimes.Ring::answered).map(DialTimes.Ring::endedAt).orElse(clock.instant()));
    }

    @Override
    public void ended(CustomerLeg leg) {
        AttemptOutcome outcome = AttemptOutcome.AGENT_NO_ANSWER; // the agent left before the customer was dialled
        Instant customerAnsweredAt = null;
        if (leg.dial() != null) {
            outcome = switch (leg.dial().status()) {
                case "ANSWER" -> AttemptOutcome.REACHED;
                case "BUSY" -> AttemptOutcome.BUSY;
                case "NOANSWER" -> AttemptOutcome.NO_ANSWER;
                case "CANCEL" -> AttemptOutcome.AGENT_NO_ANSWER; // the agent hung up while the customer's phone rang
                default -> AttemptOutcome.FAILED;
            };
            customerAnsweredAt = leg.dial().answeredAt();
            if (customerAnsweredAt != null) {
                underWay.customerAnswered(customerAnsweredAt);
            }
        }
        underWay.ended(outcome, customerAnsweredAt);
    }
}
