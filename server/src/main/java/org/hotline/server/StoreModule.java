package org.hotline.server;

import java.time.Clock;
import java.util.Deque;
import java.util.Optional;
import org.hotline.config.HotlineConfig;
import org.hotline.store.EmbeddedMongo;
import org.hotline.store.MongoSessionBook;
import org.hotline.store.MongoStore;
import org.hotline.store.StoreLease;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The store: MongoDB (embedded when no URI is given), its upkeep (write spool, watch, lease) and the open sessions. */
record StoreModule(MongoStore store, StoreUpkeep upkeep, MongoSessionBook sessions) {

    private static final Logger LOG = LoggerFactory.getLogger(StoreModule.class);

    static StoreModule open(HotlineConfig config, Clock clock, Deque<AutoCloseable> parts) throws Exception {
        String mongoUri = config.mongo().uri();
        if (config.mongo().embedded()) {
            EmbeddedMongo embedded = EmbeddedMongo.start(config.mongo().dataDir());
            parts.push(embedded);
            mongoUri = embedded.connectionString();
            LOG.info("no MONGO_URI given: embedded store at {}", config.mongo().dataDir());
        }
        MongoStore store = new MongoStore(mongoUri, config.mongo().database());
        parts.push(store);
        StoreUpkeep upkeep = StoreUpkeep.open(config.mongo().dataDir(), store, config.mongo().database(), clock,
                config.http().advertised(config.http().port()));
        parts.push(upkeep);
        // made before the spool starts: logouts a killed run left in it are written at once
        return new StoreModule(store, upkeep, new MongoSessionBook(store.sessions(), upkeep.spool(), clock));
    }

    /** The server holding this store's lease, when it is not this one. */
    Optional<StoreLease.Holder> heldByAnother() {
        return upkeep.heldByAnother();
    }
}
