package org.hotline.server;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * When the records an earlier run left open are settled: once every node has been logged in to
 * (each node's channels at its first login say which calls it still has), or, while a node has not
 * been reached, once the server has waited {@link CallsThroughACrash#SETTLE_WITHOUT_A_NODE_AFTER}:
 * a node that does not answer at start-up is lost, and its calls with it. Settles once.
 */
final class FirstLogins {

    private final List<String> nodes;
    private final Map<String, Set<String>> live = new LinkedHashMap<>();
    private boolean settled;

    FirstLogins(List<String> nodes) {
        this.nodes = List.copyOf(nodes);
    }

    /** A node's login with its channels: every node's channels, when this was the last node to be reached. */
    synchronized Optional<Map<String, Set<String>>> loggedIn(String node, Set<String> channels) {
        live.putIfAbsent(node, Set.copyOf(channels));
        if (settled || live.size() < nodes.size()) {
            return Optional.empty();
        }
        settled = true;
        return Optional.of(Map.copyOf(live));
    }

    /** The wait for the other nodes is over: the channels of the nodes reached, unless settled already. */
    synchronized Optional<Map<String, Set<String>>> waitedLongEnough() {
        if (settled) {
            return Optional.empty();
        }
        settled = true;
        return Optional.of(Map.copyOf(live));
    }

    /** Settling is given up for this run (the channels could not be read): whether it was still to come. */
    synchronized boolean giveUp() {
        boolean wasToCome = !settled;
        settled = true;
        return wasToCome;
    }

    /** The nodes not logged in to yet. */
    synchronized List<String> unreached() {
        return nodes.stream().filter(node -> !live.containsKey(node)).toList();
    }

    synchronized int reached() {
        return live.size();
    }
}
