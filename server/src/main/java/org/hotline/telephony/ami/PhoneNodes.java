package org.hotline.telephony.ami;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hotline.shared.AgentId;

/**
 * Agents' phone registrations merged over the nodes: an agent's phone counts as registered while any
 * node has it, and the nodes that have it are where the agent's own calls (callbacks, campaigns) are placed.
 */
final class PhoneNodes {

    private final Map<AgentId, Set<String>> nodes = new ConcurrentHashMap<>();

    /** What one node reports of an agent's phone; returns whether some node has it registered now. */
    boolean registered(String node, AgentId agent, boolean registered) {
        Set<String> on = nodes.compute(agent, (id, was) -> {
            Set<String> now = was == null ? ConcurrentHashMap.newKeySet() : was;
            if (registered) {
                now.add(node);
            } else {
                now.remove(node);
            }
            return now;
        });
        return !on.isEmpty();
    }

    /** The nodes the agent's phone is registered with, in no order. */
    Set<String> of(AgentId agent) {
        return Set.copyOf(nodes.getOrDefault(agent, Set.of()));
    }
}
