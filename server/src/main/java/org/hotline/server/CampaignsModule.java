package org.hotline.server;

import java.time.Clock;
import org.hotline.config.HotlineConfig;
import org.hotline.floor.CampaignRunner;
import org.hotline.store.AbandonedCallers;
import org.hotline.store.CampaignContactSources;
import org.hotline.store.MongoCampaigns;
import org.hotline.store.MongoContactBook;
import org.hotline.store.MongoDoNotCallList;

/** The campaigns and their dialler, which dials only while this server holds the store's lease. */
record CampaignsModule(MongoCampaigns campaigns, MongoContactBook contactBook, MongoDoNotCallList doNotCall,
                       CampaignRunner runner, CampaignContactSources contactSources) {

    static CampaignsModule start(Platform platform, StoreModule stored, RecordsModule records, OutboundLines lines,
                                 FloorModule floor) {
        HotlineConfig config = platform.config();
        Clock clock = platform.clock();
        var store = stored.store();
        StoreUpkeep upkeep = stored.upkeep();
        MongoCampaigns campaigns = new MongoCampaigns(store.campaigns()).fencedBy(upkeep.fence());
        MongoContactBook contactBook = new MongoContactBook(store.campaignContacts(), store.campaignAttempts())
                .dialOnlyWith(upkeep.lease()).fencedBy(upkeep.fence());
        MongoDoNotCallList doNotCall = new MongoDoNotCallList(store.doNotCall());
        CampaignRunner runner = new CampaignRunner(campaigns, contactBook,
                new org.hotline.campaign.NotToDial(doNotCall, config.callbacks().numbers()),
                new LeasedOutboundLine(lines.agentless(), upkeep.lease()),
                floor.campaignAgents(), new LeasedAgentFirstLine(lines.agentFirst(), upkeep.lease()), clock,
                config.campaigns().dialerName(), config.campaigns().callsPerSecond());
        platform.parts().push(runner);
        runner.settleWith(new CelSwitchLog(new org.hotline.audit.CelFiles(config.celFiles()), config.centre().numbers(), clock));
        runner.publishProgress(platform.live());
        runner.dialOnlyWhile(upkeep.lease()::stillHeld);
        upkeep.whenLeaseHeld(runner::start);
        CampaignContactSources contactSources = new CampaignContactSources(new AbandonedCallers(store.calls()),
                records.caseFile(), records.customers(), config.centre().numbers(), config.centre().timeZone());
        return new CampaignsModule(campaigns, contactBook, doNotCall, runner, contactSources);
    }
}
