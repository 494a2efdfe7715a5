package org.hotline.server;

import org.hotline.campaign.AttemptOutcome;
import org.hotline.campaign.Campaign;
import org.hotline.campaign.Contact;
import org.hotline.campaign.OutboundLine;
import org.hotline.lease.ActiveLease;

/** Places an agentless campaign call only while this server holds the store's lease, checked right before the dial. */
final class LeasedOutboundLine implements OutboundLine {

    private final OutboundLine line;
    private final ActiveLease lease;

    LeasedOutboundLine(OutboundLine line, ActiveLease lease) {
        this.line = line;
        this.lease = lease;
    }

    @Override
    public void dial(Campaign campaign, Contact contact, Listener listener) {
        if (!lease.stillHeld()) {
            listener.ended(Result.of(AttemptOutcome.NEVER_DIALLED));
            return;
        }
        line.dial(campaign, contact, listener);
    }

    @Override
    public boolean ready() {
        return line.ready();
    }
}
