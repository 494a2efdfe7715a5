package org.hotline.server;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hotline.call.KeptPlace;
import org.hotline.floor.Floor;
import org.hotline.routing.WaitingCall;
import org.hotline.telephony.ami.AmiLink;
import org.hotline.telephony.ami.HeldPlaces;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At the first AMI login, before any agent can be offered a call: the callers Asterisk's fallback
 * holds who were waiting in a queue keep their places while they come back (they return one by one,
 * each at their fallback's next try at the servers), so each queue is served in the order its
 * callers first called, whatever order they come back in.
 */
final class HeldCallersReturning {

    private static final Logger LOG = LoggerFactory.getLogger(HeldCallersReturning.class);

    private final Floor floor;
    private final Duration serverDeadline;
    /** The nodes already looked at: only a node's first login finds callers held for want of a server. */
    private final Set<AmiLink> looked = ConcurrentHashMap.newKeySet();

    /** @param serverDeadline the fallback's wait between tries when a channel does not say its own */
    HeldCallersReturning(Floor floor, Duration serverDeadline) {
        this.floor = floor;
        this.serverDeadline = serverDeadline;
    }

    /** On the link's login thread. */
    void afterLogin(AmiLink link) {
        if (!looked.add(link)) {
            return;
        }
        try {
            List<HeldPlaces.HeldCaller> held = HeldPlaces.read(link);
            for (HeldPlaces.HeldCaller caller : held) {
                KeptPlace place = caller.place();
                Duration asksEvery = caller.asksEvery().isZero() ? serverDeadline : caller.asksEvery();
                // Two of their tries: one may just have missed this server's start; one more second of slack.
                floor.keepPlace(new WaitingCall(caller.call(), place.queue(), place.since(), place.vip(), place.longDistance(),
                        null, null, false), asksEvery.multipliedBy(2).plusSeconds(1));
            }
            if (!held.isEmpty()) {
                LOG.info("{} caller(s) held by Asterisk were waiting in a queue: their places are kept while they come back",
                        held.size());
            }
        } catch (Exception e) {
            LOG.warn("could not read the places of callers Asterisk holds ({}): each takes their place as they come back",
                    e.getMessage());
        }
    }
}
