package org.hotline.server;

import org.hotline.floor.Floor;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hotline.config.HotlineConfig;
import org.hotline.shared.AgentId;
import org.hotline.routing.DeskState;
import org.hotline.routing.UnsettledDial;
import org.hotline.store.MongoDeskStates;
import org.hotline.store.MongoDialling;
import org.hotline.store.MongoOpenRequests;
import org.hotline.store.MongoStore;
import org.hotline.store.OpenCallbacks;
import org.hotline.store.StoreFence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the floor keeps in the store across a restart, wired at start-up before any call is
 * offered: agents' desk states, callback requests (one open per customer and queue) and their
 * dialling state, and the dial rule every callback number is checked against.
 */
final class KeptFloor {

    private static final Logger LOG = LoggerFactory.getLogger(KeptFloor.class);

    private KeptFloor() {
    }

    /** Returns the settlement of the tries the last server left dialling, to start once the AMI link is up. */
    static DiallingSettlement restore(Floor floor, MongoStore store, StoreFence fence, HotlineConfig config, Clock clock) {
        floor.checkNumbersWith(config.callbacks().numbers());
        // fenced: a server that lost the store's lease claims, dials and changes no desk
        floor.keepOpenRequestsIn(new MongoOpenRequests(store.openRequests(), fence));
        floor.keepDiallingIn(new MongoDialling(store.calls(), fence));
        MongoDeskStates desks = new MongoDeskStates(store.settings(), fence);
        Map<AgentId, DeskState> kept = Map.of();
        try {
            kept = desks.load();
        } catch (RuntimeException e) {
            LOG.warn("agents' desk states not read ({}); agents start logged out", e.toString());
        }
        floor.keepDesksIn(desks, kept);
        List<OpenCallbacks.KeptRequest> open = new OpenCallbacks(store.calls()).readKept();
        List<UnsettledDial> unsettled = open.stream().map(OpenCallbacks.KeptRequest::dialling).filter(Objects::nonNull).toList();
        if (!unsettled.isEmpty()) {
            LOG.info("{} callback tr{} left dialling by the last server: settled from Asterisk's facts once the AMI link is up",
                    unsettled.size(), unsettled.size() == 1 ? "y" : "ies");
        }
        floor.restore(open.stream().map(OpenCallbacks.KeptRequest::request).toList(), unsettled);
        return new DiallingSettlement(unsettled, floor, new org.hotline.audit.CelFiles(config.celFiles()), clock);
    }
}
