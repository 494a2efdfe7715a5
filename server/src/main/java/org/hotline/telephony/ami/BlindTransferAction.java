package org.hotline.telephony.ami;

import org.asteriskjava.manager.action.AbstractManagerAction;
import org.hotline.routing.TransferTarget;
import org.hotline.telephony.Dialplan;

/**
 * AMI {@code BlindTransfer} (Asterisk 12+): the agent's caller goes at once to where agents' blind
 * transfers land ([agents]): a colleague's ID, or {@code q-<queue>} for a queue. Asterisk marks the
 * caller's channel (BLINDTRANSFER) as it does for a transfer keyed on the phone.
 */
public final class BlindTransferAction extends AbstractManagerAction {

    private static final long serialVersionUID = 1L;
    /** How a queue is dialled in [agents]: agent IDs are digits, so the prefix keeps the two apart. */
    public static final String QUEUE_PREFIX = "q-";

    private final String channel;
    private final String exten;

    private BlindTransferAction(String channel, String exten) {
        this.channel = channel;
        this.exten = exten;
    }

    /** @param agentChannel the agent's channel as Asterisk listed it, bridged with their caller */
    static BlindTransferAction to(String agentChannel, TransferTarget target) {
        return new BlindTransferAction(agentChannel, exten(target));
    }

    static String exten(TransferTarget target) {
        return target.isQueue() ? QUEUE_PREFIX + target.queue().name() : target.agent().value();
    }

    @Override
    public String getAction() {
        return "BlindTransfer";
    }

    public String getChannel() {
        return channel;
    }

    public String getContext() {
        return Dialplan.AGENTS.context();
    }

    public String getExten() {
        return exten;
    }
}
