package org.hotline.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hotline.campaign.AgentFirstLine;
import org.hotline.campaign.AttemptOutcome;
import org.hotline.campaign.OutboundLine;
import org.hotline.lease.ActiveLease;
import org.hotline.routing.CallbackDialer;
import org.hotline.shared.AgentId;
import org.junit.jupiter.api.Test;

/** Nothing is dialled by a server that does not hold the store's lease at the moment of the dial. */
class LeasedDiallingTest {

    private final AtomicBoolean held = new AtomicBoolean(true);
    private final ActiveLease lease = new ActiveLease() {
        @Override
        public long token() {
            return held.get() ? 1 : 0;
        }

        @Override
        public boolean stillHeld() {
            return held.get();
        }
    };
    private final List<String> dialled = new ArrayList<>();
    private final List<Object> heard = new ArrayList<>();

    @Test
    void aCallbackWhoseLeaseWasLostBeforeTheOriginateIsNotPlaced() {
        CallbackDialer switchboard = (request, agent, ringAgentFor, result) -> {
            held.set(false); // lost while the try waited for its thread
            try {
                result.placing("leg-1");
                dialled.add("leg-1");
            } catch (RuntimeException e) {
                result.couldNotDial(e.getMessage());
            }
        };
        new LeasedCallbackDialer(switchboard, lease).dial(null, new AgentId("010"), Duration.ofSeconds(20), new CallbackDialer.Result() {
            @Override
            public void placing(String channel) {
                heard.add("placing " + channel);
            }

            @Override
            public void agentDidNotAnswer(Instant rangAt) {
                heard.add("no answer");
            }

            @Override
            public void couldNotDial(String why) {
                heard.add(why);
            }
        });

        assertThat(dialled).isEmpty();
        assertThat(heard).containsExactly("this server no longer holds the store's lease");
    }

    @Test
    void campaignLinesDialWhileTheLeaseIsHeldAndNeverAfter() {
        OutboundLine agentless = (campaign, contact, listener) -> dialled.add("agentless");
        AgentFirstLine agentFirst = (campaign, contact, agent, listener) -> dialled.add("agent-first");
        OutboundLine.Listener outcome = new OutboundLine.Listener() {
            @Override
            public void answered(Instant at) {
            }

            @Override
            public void ended(OutboundLine.Result result) {
                heard.add(result.outcome());
            }
        };
        AgentFirstLine.Listener agentOutcome = new AgentFirstLine.Listener() {
            @Override
            public void agentAnswered(Instant at) {
            }

            @Override
            public void answered(Instant at) {
            }

            @Override
            public void ended(OutboundLine.Result result) {
                heard.add(result.outcome());
            }
        };

        new LeasedOutboundLine(agentless, lease).dial(null, null, outcome);
        new LeasedAgentFirstLine(agentFirst, lease).dial(null, null, new AgentId("010"), agentOutcome);
        held.set(false);
        new LeasedOutboundLine(agentless, lease).dial(null, null, outcome);
        new LeasedAgentFirstLine(agentFirst, lease).dial(null, null, new AgentId("010"), agentOutcome);

        assertThat(dialled).containsExactly("agentless", "agent-first");
        assertThat(heard).containsExactly(AttemptOutcome.NEVER_DIALLED, AttemptOutcome.NEVER_DIALLED);
    }
}
