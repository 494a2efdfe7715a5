package org.hotline.routing;

import org.hotline.shared.AgentId;
import java.time.Instant;
import org.hotline.shared.CallId;

/**
 * The durable state of a callback's dialling: written before any call is placed, settled after,
 * so a restart that finds a request "dialling" asks Asterisk what happened instead of dialling again.
 */
public interface DiallingLog {

    /**
     * The request is about to be dialled: attempt {@code attempt}, the agent's leg with the channel id
     * {@code channel}. Blocks until kept; throws when it could not be, and then nothing is dialled.
     */
    void dialling(CallId request, int attempt, AgentId agent, String channel, Instant at);

    /** The try is over with {@code outcome} (its recorded name). May block. */
    void settled(CallId request, String channel, String outcome, Instant at);

    static DiallingLog none() {
        return new DiallingLog() {
            @Override
            public void dialling(CallId request, int attempt, AgentId agent, String channel, Instant at) {
            }

            @Override
            public void settled(CallId request, String channel, String outcome, Instant at) {
            }
        };
    }
}
