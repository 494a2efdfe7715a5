package org.hotline.telephony.ami;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.NewChannelEvent;

/**
 * Which node has which channel, from each node's own channel events: a channel is on the node whose
 * link reported its creation, until that node reports its hang-up or no longer lists it.
 */
final class ChannelNodes {

    private record Channel(String name, String node) {
    }

    /** By unique id; read from any thread. */
    private final Map<String, Channel> byUniqueId = new ConcurrentHashMap<>();
    private final Map<String, String> nodeByName = new ConcurrentHashMap<>();

    /** On the node's AMI thread. */
    void onEvent(String node, ManagerEvent event) {
        if (event instanceof NewChannelEvent created && created.getUniqueId() != null && created.getChannel() != null) {
            byUniqueId.put(created.getUniqueId(), new Channel(created.getChannel(), node));
            nodeByName.put(created.getChannel(), node);
        } else if (event instanceof HangupEvent hangup && hangup.getUniqueId() != null) {
            forget(hangup.getUniqueId());
        }
    }

    /** The node a channel (by name or unique id) is on, if one reported it. */
    Optional<String> nodeOf(String channel) {
        Channel byId = byUniqueId.get(channel);
        return byId != null ? Optional.of(byId.node()) : Optional.ofNullable(nodeByName.get(channel));
    }

    /** After a node's login: its channels it no longer lists were hung up while its link was down. */
    void keepOnly(String node, Set<String> liveUniqueIds) {
        byUniqueId.forEach((id, channel) -> {
            if (channel.node().equals(node) && !liveUniqueIds.contains(id)) {
                forget(id);
            }
        });
    }

    private void forget(String uniqueId) {
        Channel gone = byUniqueId.remove(uniqueId);
        if (gone != null) {
            nodeByName.remove(gone.name(), gone.node());
        }
    }
}
