package org.hotline.telephony.agi;

import org.hotline.telephony.pjsip.AgentDial;
import java.time.Clock;
import java.util.function.Function;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.hotline.shared.CallId;
import org.hotline.call.CallerId;
import org.hotline.call.InboundCall;
import org.hotline.call.CallChannel;
import org.hotline.call.InboundFlow;
import org.hotline.shared.Language;
import org.hotline.shared.AgentId;
import org.hotline.shared.Skill;
import org.hotline.telephony.ami.BlindTransferAction;
import org.hotline.telephony.ami.DialTimes;
import org.hotline.telephony.ami.PromptStopper;
import org.hotline.telephony.pjsip.AgentAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * FastAGI script {@code transfer}: a caller an agent blind-transferred from their phone lands in
 * the agents' context at the dialled target (an agent ID, or {@code q-<queue>}) and is handed to the inbound flow's
 * transfer handling. Only channels Asterisk marked as blind-transferred are taken; an agent
 * dialling a colleague's ID directly is refused.
 */
public final class TransferScript implements AgiScript {

    private static final Logger LOG = LoggerFactory.getLogger(TransferScript.class);
    /** The channel variable naming the transferring leg of the transfer under way. */
    private static final String TRANSFER_MARK = "HOTLINE_TRANSFER";

    private final InboundFlow flow;
    private final Language language;
    private final Clock clock;
    private final PromptStopper prompts;
    private final DialTimes dials;
    private final Function<AgiLine, CallChannel> heldUnderDeadline;
    private final AgentDial agentDial;

    public TransferScript(InboundFlow flow, Language language, Clock clock, PromptStopper prompts, DialTimes dials,
                          HeldDeadline deadline, AgentDial agentDial) {
        this.agentDial = agentDial;
        this.dials = dials;
        this.heldUnderDeadline = DeadlineLine.rolling(deadline.grace(), deadline.longestPrompt());
        this.flow = flow;
        this.language = language;
        this.clock = clock;
        this.prompts = prompts;
    }

    @Override
    public void service(AgiRequest request, AgiChannel channel) throws AgiException {
        String transferer = channel.getVariable("BLINDTRANSFER");
        String target = request.getExtension();
        Skill queue = target != null && target.startsWith(BlindTransferAction.QUEUE_PREFIX)
                && Skill.isValid(target.substring(BlindTransferAction.QUEUE_PREFIX.length()))
                ? new Skill(target.substring(BlindTransferAction.QUEUE_PREFIX.length())) : null;
        if (transferer == null || transferer.isBlank() || !CallId.isValid(request.getUniqueId())
                || target == null || (queue == null && !AgentId.isValid(target))) {
            LOG.warn("transfer script reached without a blind transfer to an agent or a queue; refused");
            channel.hangup();
            return;
        }
        InboundCall call = new InboundCall(new CallId(request.getUniqueId()), request.getChannel(),
                CallerId.presented(request.getCallerIdNumber(), request.getCallerIdName()), clock.instant(), language);
        String from = AgentAccounts.agentOfChannel(transferer).map(AgentId::value).orElse(null);
        AgiLine line = new AgiLine(channel, language, () -> { }, () -> prompts.stop(request.getChannel()),
                () -> dials.answeredAt(request.getUniqueId(), InboundScript.DIAL_EVENT_WAIT).isPresent(), agentDial);
        // The transfer is marked on the channel by the leg that made it: a server that finds its own
        // mark takes back a caller whose server went away mid-transfer (the dialplan held them).
        boolean takenBack = transferer.equals(channel.getVariable(TRANSFER_MARK));
        if (!takenBack && from != null) {
            channel.setVariable(TRANSFER_MARK, transferer); // an agent's channel name, checked above
        }
        CallChannel held = heldUnderDeadline.apply(line);
        try {
            if (takenBack) {
                flow.transferTakenBack(call, held, queue == null ? new AgentId(target) : null);
            } else if (queue != null) {
                flow.transferredToQueue(call, held, queue, from);
            } else {
                flow.transferred(call, held, new AgentId(target), from);
            }
        } catch (RuntimeException e) {
            LOG.error("transferred call {} failed; the dialplan asks the servers again, then closes it", call.id(), e);
        }
    }
}
