package org.hotline.routing;

import org.hotline.shared.AgentId;

/**
 * An agent passing their caller on, as {@link Transferring} allowed it.
 *
 * @param from   the agent in the call
 * @param target the colleague or queue
 */
public record TransferRequest(AgentId from, TransferTarget target, TransferMode mode) {
}
