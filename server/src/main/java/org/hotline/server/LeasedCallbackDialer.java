package org.hotline.server;

import java.time.Duration;
import org.hotline.lease.ActiveLease;
import org.hotline.shared.AgentId;
import org.hotline.routing.CallbackDialer;
import org.hotline.routing.CallbackRequest;

/**
 * Places a callback only while this server holds the store's lease: two servers never dial the
 * same request. Checked when the try is handed over and again right before the Originate, whose
 * "dialling" write the store itself refuses from a server that lost the lease.
 */
final class LeasedCallbackDialer implements CallbackDialer {

    private final CallbackDialer dialer;
    private final ActiveLease lease;

    LeasedCallbackDialer(CallbackDialer dialer, ActiveLease lease) {
        this.dialer = dialer;
        this.lease = lease;
    }

    @Override
    public void dial(CallbackRequest request, AgentId agent, Duration ringAgentFor, Result result) {
        if (!lease.stillHeld()) {
            result.couldNotDial("this server does not hold the store's lease");
            return;
        }
        dialer.dial(request, agent, ringAgentFor, new Result() {
            @Override
            public void placing(String channel) {
                if (!lease.stillHeld()) {
                    throw new IllegalStateException("this server no longer holds the store's lease");
                }
                result.placing(channel);
            }

            @Override
            public void agentDidNotAnswer(java.time.Instant rangAt) {
                result.agentDidNotAnswer(rangAt);
            }

            @Override
            public void couldNotDial(String why) {
                result.couldNotDial(why);
            }
        });
    }
}
