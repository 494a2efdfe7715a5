package org.hotline.server;

import org.hotline.campaign.AgentFirstLine;
import org.hotline.campaign.AttemptOutcome;
import org.hotline.campaign.Campaign;
import org.hotline.campaign.Contact;
import org.hotline.campaign.OutboundLine;
import org.hotline.lease.ActiveLease;
import org.hotline.shared.AgentId;

/**
 * Places an agent-first campaign call only while this server holds the store's lease, checked
 * right before the dial: the agent's preview may have lasted past a take-over.
 */
final class LeasedAgentFirstLine implements AgentFirstLine {

    private final AgentFirstLine line;
    private final ActiveLease lease;

    LeasedAgentFirstLine(AgentFirstLine line, ActiveLease lease) {
        this.line = line;
        this.lease = lease;
    }

    @Override
    public void dial(Campaign campaign, Contact contact, AgentId agent, Listener listener) {
        if (!lease.stillHeld()) {
            listener.ended(OutboundLine.Result.of(AttemptOutcome.NEVER_DIALLED));
            return;
        }
        line.dial(campaign, contact, agent, listener);
    }

    @Override
    public boolean ready() {
        return line.ready();
    }
}
