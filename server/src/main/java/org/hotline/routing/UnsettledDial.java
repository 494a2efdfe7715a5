package org.hotline.routing;

import org.hotline.shared.AgentId;
import java.time.Instant;
import org.hotline.shared.CallId;

/**
 * A callback try a stopped server left "dialling": which agent's leg (by its channel id) was
 * placed, when, and as which attempt. Settled from what Asterisk saw, never dialled again blindly.
 */
public record UnsettledDial(CallId request, AgentId agent, String channel, int attempt, Instant since) {

    public UnsettledDial {
        if (channel == null || !channel.matches("[0-9A-Za-z.\\-]{1,80}")) {
            throw new IllegalArgumentException("not a channel id of a callback leg");
        }
    }
}
