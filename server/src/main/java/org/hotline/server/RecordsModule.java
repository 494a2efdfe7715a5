package org.hotline.server;

import java.time.Clock;
import java.util.Deque;
import java.util.List;
import org.hotline.config.HotlineConfig;
import org.hotline.customer.Customer;
import org.hotline.store.CallLedger;
import org.hotline.store.CallRecords;
import org.hotline.store.HourlyRollups;
import org.hotline.store.MongoCallJournal;
import org.hotline.store.MongoCases;
import org.hotline.store.MongoCustomerFile;
import org.hotline.store.RollupFeed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the store keeps for the floor: the call journal feeding the hourly rollups, the customer file and the cases. */
record RecordsModule(HourlyRollups rollups, MongoCallJournal journal, MongoCustomerFile customers, CallRecords callRecords,
                     MongoCases caseFile) {

    private static final Logger LOG = LoggerFactory.getLogger(RecordsModule.class);

    static RecordsModule start(HotlineConfig config, Clock clock, StoreModule stored, Deque<AutoCloseable> parts) {
        var store = stored.store();
        StoreUpkeep upkeep = stored.upkeep();
        CallLedger ledger = new CallLedger(store.callLedger());
        HourlyRollups rollups = new HourlyRollups(store, ledger, config.reports(), config.centre().timeZone(), clock);
        Runnable upgrade = () -> Thread.ofVirtual().name("rollups-upgrade").start(() -> {
            try {
                rollups.upgradeOnce();
            } catch (RuntimeException e) {
                LOG.warn("reports: the rollups of an earlier version could not be brought up to date ({}); "
                        + "reports of their periods stay short of them until a restart tries again", e.toString());
            }
        });
        upkeep.whenStoreUp(upgrade);
        RollupFeed feed = new RollupFeed(rollups, RollupFeed.DEFAULT_CAPACITY, upkeep.marks()::mark);
        upkeep.closeAfterTheSpool(feed); // the spool hands it its last records
        MongoCallJournal journal = new MongoCallJournal(store.calls(), clock, upkeep.spool());
        journal.keepLedger(ledger);
        journal.writeOnlyAsActive(upkeep.storeLease());
        journal.handRecordsTo(HourlyRollups::mayChangeAFinishedCall, feed);
        parts.push(journal);
        MongoCustomerFile customers = new MongoCustomerFile(store.customers());
        upkeep.whenStoreUp(() -> seed(customers, config.customers()));
        return new RecordsModule(rollups, journal, customers, new CallRecords(store.calls()), new MongoCases(store.cases()));
    }

    /** Adds the configured customers the file does not have; MongoDB being away must not stop the hotline. */
    private static void seed(MongoCustomerFile customers, List<Customer> seed) {
        if (seed.isEmpty()) {
            return;
        }
        try {
            LOG.info("customer file: {} of {} configured customers added", customers.seed(seed), seed.size());
        } catch (RuntimeException e) {
            LOG.warn("customer file: configured customers not added, MongoDB unavailable ({}); they are added at the next start",
                    e.toString());
        }
    }
}
