package org.hotline.server;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;
import org.hotline.config.HotlineConfig;
import org.hotline.telephony.ami.AgentFirstCampaignLine;
import org.hotline.telephony.ami.AgentFirstDialer;
import org.hotline.telephony.ami.AgentlessLine;
import org.hotline.telephony.ami.AmiLink;
import org.hotline.telephony.ami.DialTimes;
import org.hotline.telephony.ami.PromptStopper;

/**
 * The lines the floor dials and stops prompts through, made before the AMI link exists: the floor is built
 * first, as the link hands it its events. Each asks for the link when it is used.
 */
record OutboundLines(AtomicReference<AmiLink> amiLink, DialTimes dialTimes, AgentlessLine agentless,
                     AgentFirstCampaignLine agentFirst, PromptStopper prompts) {

    static OutboundLines of(Platform platform) {
        HotlineConfig config = platform.config();
        Clock clock = platform.clock();
        AtomicReference<AmiLink> amiLink = new AtomicReference<>();
        return new OutboundLines(amiLink, new DialTimes(clock),
                new AgentlessLine(amiLink::get, config.centre().numbers(), config.campaigns().ring(), clock),
                new AgentFirstCampaignLine(amiLink::get, config.centre().numbers(), platform.agentRing()),
                new PromptStopper(amiLink::get));
    }

    /** Rings an agent, then the customer who asked to be called back. */
    AgentFirstDialer callbackDialer() {
        return new AgentFirstDialer(amiLink::get, dialTimes);
    }

    /** The AMI link, or null before it is made. */
    AmiLink link() {
        return amiLink.get();
    }
}
