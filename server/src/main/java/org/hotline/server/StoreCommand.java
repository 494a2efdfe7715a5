package org.hotline.server;

import java.io.PrintStream;
import java.nio.file.Path;
import org.hotline.store.EmbeddedMongo;

/**
 * {@code bin/hotline store DATA_DIR PORT}: the embedded store alone, as a process of its own on the loopback
 * address, so several servers on one machine share it as they would share a MongoDB (a local cluster,
 * docs/operations.md). Runs until it is stopped (SIGTERM: what was written is on disk as it exits).
 */
public final class StoreCommand {

    static final int USAGE = 2;
    static final int CANNOT_START = 1;

    private StoreCommand() {
    }

    /** Returns only when the store could not start: its exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
        if (args.length != 2 || !args[1].matches("\\d{1,5}") || Integer.parseInt(args[1]) > 65_535) {
            err.println("hotline store: expected DATA_DIR PORT (a port 0-65535; 0 for a free one)");
            return USAGE;
        }
        EmbeddedMongo store;
        try {
            store = EmbeddedMongo.start(Path.of(args[0]), Integer.parseInt(args[1]));
        } catch (IllegalStateException e) {
            err.println("hotline store: " + e.getMessage());
            return CANNOT_START;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(store::close, "store-stop"));
        out.println("store listening on " + store.connectionString() + ", data in " + store.file());
        out.flush();
        Thread.currentThread().join();
        return 0;
    }
}
