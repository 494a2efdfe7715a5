package org.hotline.server;

import java.time.Clock;
import org.hotline.config.HotlineConfig;
import org.hotline.telephony.ami.AgentFirstCampaignLine;
import org.hotline.telephony.ami.AgentFirstDialer;
import org.hotline.telephony.ami.AgentlessLine;
import org.hotline.telephony.ami.AsteriskNodes;
import org.hotline.telephony.ami.DialTimes;
import org.hotline.telephony.ami.PromptStopper;

/**
 * The lines the floor dials and stops prompts through, made before the AMI links exist: the floor is built
 * first, as the link hands it its events. Each asks the nodes for a link when it is used.
 */
record OutboundLines(AsteriskNodes nodes, DialTimes dialTimes, AgentlessLine agentless,
                     AgentFirstCampaignLine agentFirst, PromptStopper prompts) {

    static OutboundLines of(Platform platform) {
        HotlineConfig config = platform.config();
        Clock clock = platform.clock();
        AsteriskNodes nodes = new AsteriskNodes(config.nodes().stream().map(HotlineConfig.Node::name).toList(), new org.hotline.telephony.pjsip.AgentDial(config.agentsFrontDoor()));
        return new OutboundLines(nodes, new DialTimes(clock),
                new AgentlessLine(nodes, config.centre().numbers(), config.campaigns().ring(), clock),
                new AgentFirstCampaignLine(nodes, config.centre().numbers(), platform.agentRing()),
                new PromptStopper(nodes));
    }

    /** Rings an agent, then the customer who asked to be called back. */
    AgentFirstDialer callbackDialer() {
        return new AgentFirstDialer(nodes, dialTimes);
    }
}
