package org.hotline.telephony.ami;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import org.asteriskjava.manager.event.ManagerEvent;
import org.hotline.shared.AgentId;
import org.hotline.telephony.pjsip.AgentDial;

/**
 * The Asterisk nodes the server drives, one {@link AmiLink} each, and which node an action goes to:
 * an action about a channel to the node that has it; an agent's own call (callback, agent-first campaign
 * call) to a connected node their phone is registered with, else to the first connected node; any other
 * new call (agentless campaign) to the first connected node in the configured order. Links are added as
 * the nodes are set up; lines made before that see no node. With the agents' phones registered through the
 * front door, any connected node reaches any agent: an agent's call still goes first to the node their
 * phone registered through (the one it is known to be reachable from), else to the first connected one.
 */
public final class AsteriskNodes {

    private final List<String> order;
    private final Map<String, AmiLink> links = new ConcurrentHashMap<>();
    private final Predicate<String> connected;
    private final ChannelNodes channels = new ChannelNodes();
    private final PhoneNodes phones = new PhoneNodes();
    private final AgentDial agentDial;

    /**
     * @param order     the nodes' names as configured (the first connected one takes new calls)
     * @param agentDial how a node rings an agent's phone
     */
    public AsteriskNodes(List<String> order, AgentDial agentDial) {
        this(order, null, agentDial);
    }

    /** @param connected whether a node's link is up (tests); null: its link says */
    AsteriskNodes(List<String> order, Predicate<String> connected) {
        this(order, connected, AgentDial.direct());
    }

    private AsteriskNodes(List<String> order, Predicate<String> connected, AgentDial agentDial) {
        this.agentDial = agentDial;
        this.order = List.copyOf(order);
        this.connected = connected != null ? connected : node -> link(node).map(AmiLink::isConnected).orElse(false);
    }

    public void add(AmiLink link) {
        if (!order.contains(link.node())) {
            throw new IllegalArgumentException("node " + link.node() + " is not configured");
        }
        links.put(link.node(), link);
    }

    /** Every node's link, in the configured order (those added so far). */
    public List<AmiLink> all() {
        return order.stream().map(links::get).filter(java.util.Objects::nonNull).toList();
    }

    /** How every node rings an agent's phone. */
    public AgentDial agentDial() {
        return agentDial;
    }

    public boolean several() {
        return order.size() > 1;
    }

    /** On a node's AMI thread, before anything else reads the event: notes where channels are. */
    public void onEvent(String node, ManagerEvent event) {
        channels.onEvent(node, event);
    }

    /** After a node's login, with the unique ids of the channels it has now. */
    public void listed(String node, Set<String> liveUniqueIds) {
        channels.keepOnly(node, liveUniqueIds);
    }

    /**
     * What one node reports of agents' phones, passed on merged with the other nodes' reports.
     *
     * @param merged told (agent, registered with some node) on every report; on an AMI thread, must hand off
     */
    public BiConsumer<AgentId, Boolean> registrationsOf(String node, BiConsumer<AgentId, Boolean> merged) {
        return (agent, registered) -> merged.accept(agent, phones.registered(node, agent, registered));
    }

    public boolean anyConnected() {
        return order.stream().anyMatch(connected);
    }

    /** The link of the node that has this channel (by name or unique id), if connected; with one node, that node. */
    Optional<AmiLink> forChannel(String channel) {
        return nodeForChannel(channel).flatMap(this::link);
    }

    /** The link for an agent's own call, or null when no node is connected. */
    AmiLink forAgent(AgentId agent) {
        return nodeForAgent(agent).flatMap(this::link).orElse(null);
    }

    /** The link for a new call of no agent, or null when no node is connected. */
    AmiLink forNewCall() {
        return nodeForNewCall().flatMap(this::link).orElse(null);
    }

    Optional<String> nodeForChannel(String channel) {
        Optional<String> known = channels.nodeOf(channel);
        if (known.isEmpty() && order.size() == 1) {
            known = Optional.of(order.get(0)); // one node has every channel, also one its link has not reported
        }
        return known.filter(connected);
    }

    Optional<String> nodeForAgent(AgentId agent) {
        Set<String> registeredWith = phones.of(agent);
        return order.stream().filter(registeredWith::contains).filter(connected).findFirst().or(this::nodeForNewCall);
    }

    Optional<String> nodeForNewCall() {
        return order.stream().filter(connected).findFirst();
    }

    private Optional<AmiLink> link(String node) {
        return Optional.ofNullable(links.get(node));
    }
}
