package org.hotline.telephony.ami;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.hotline.shared.AgentId;
import org.junit.jupiter.api.Test;

/** Which node an action goes to, with several Asterisk nodes. */
class AsteriskNodesTest {

    private final Set<String> up = new HashSet<>(Set.of("a", "b"));
    private final AsteriskNodes nodes = new AsteriskNodes(List.of("a", "b"), up::contains);
    private final AgentId agent = new AgentId("010");

    private static NewChannelEvent created(String uniqueId, String channel) {
        NewChannelEvent event = new NewChannelEvent(new Object());
        event.setUniqueId(uniqueId);
        event.setChannel(channel);
        return event;
    }

    private static HangupEvent hungUp(String uniqueId) {
        HangupEvent event = new HangupEvent(new Object());
        event.setUniqueId(uniqueId);
        return event;
    }

    @Test
    void anActionAboutAChannelGoesToTheNodeThatReportedIt() {
        nodes.onEvent("b", created("b-1796570678.4", "PJSIP/caller-00000004"));
        nodes.onEvent("a", created("a-1796570678.1", "PJSIP/caller-00000001"));

        assertThat(nodes.nodeForChannel("PJSIP/caller-00000004")).contains("b");
        assertThat(nodes.nodeForChannel("b-1796570678.4")).contains("b");
        assertThat(nodes.nodeForChannel("PJSIP/caller-00000001")).contains("a");
    }

    @Test
    void aChannelNoNodeReportedOrOneThatHungUpGoesNowhere() {
        nodes.onEvent("b", created("b-1796570678.4", "PJSIP/caller-00000004"));
        nodes.onEvent("b", hungUp("b-1796570678.4"));

        assertThat(nodes.nodeForChannel("PJSIP/caller-00000004")).isEmpty();
        assertThat(nodes.nodeForChannel("PJSIP/caller-00000099")).isEmpty();
    }

    @Test
    void aChannelOnANodeWhoseLinkIsDownGetsNoAction() {
        nodes.onEvent("b", created("b-1796570678.4", "PJSIP/caller-00000004"));
        up.remove("b");

        assertThat(nodes.nodeForChannel("PJSIP/caller-00000004")).isEmpty();
    }

    @Test
    void aNodeThatNoLongerListsAChannelAfterItsLinkCameBackHasItNoMore() {
        nodes.onEvent("b", created("b-1796570678.4", "PJSIP/caller-00000004"));
        nodes.onEvent("a", created("a-1796570678.1", "PJSIP/caller-00000001"));

        nodes.listed("b", Set.of());

        assertThat(nodes.nodeForChannel("PJSIP/caller-00000004")).isEmpty();
        assertThat(nodes.nodeForChannel("PJSIP/caller-00000001")).contains("a");
    }

    @Test
    void withOneNodeEveryChannelIsOnIt() {
        AsteriskNodes single = new AsteriskNodes(List.of("main"), Set.of("main")::contains);

        assertThat(single.nodeForChannel("PJSIP/caller-00000001")).contains("main");
    }

    @Test
    void aNewCallGoesToTheFirstConnectedNodeInTheConfiguredOrder() {
        assertThat(nodes.nodeForNewCall()).contains("a");
        up.remove("a");
        assertThat(nodes.nodeForNewCall()).contains("b");
        up.remove("b");
        assertThat(nodes.nodeForNewCall()).isEmpty();
    }

    @Test
    void anAgentsOwnCallGoesToANodeTheirPhoneIsRegisteredWith() {
        BiConsumer<AgentId, Boolean> fromB = nodes.registrationsOf("b", (id, registered) -> { });
        fromB.accept(agent, true);

        assertThat(nodes.nodeForAgent(agent)).contains("b");
        up.remove("b");
        assertThat(nodes.nodeForAgent(agent)).contains("a"); // their node is down: any connected node tries
        assertThat(nodes.nodeForAgent(new AgentId("011"))).contains("a");
    }

    @Test
    void aPhoneCountsAsRegisteredWhileAnyNodeHasIt() {
        Map<AgentId, Boolean> floor = new HashMap<>();
        BiConsumer<AgentId, Boolean> fromA = nodes.registrationsOf("a", floor::put);
        BiConsumer<AgentId, Boolean> fromB = nodes.registrationsOf("b", floor::put);

        fromA.accept(agent, true);
        fromB.accept(agent, true);
        fromA.accept(agent, false);
        assertThat(floor).containsEntry(agent, true);

        fromB.accept(agent, false);
        assertThat(floor).containsEntry(agent, false);
        fromA.accept(agent, false); // a node re-reading its registrations after a login
        assertThat(floor).containsEntry(agent, false);
    }
}
