package org.hotline.it;

import java.nio.file.Path;
import org.hotline.store.EmbeddedMongo;

/** The embedded store in a process of its own, for tests that stop and resume it: {@code StoreMain <dataDir> <port>}. */
public final class StoreMain {

    private StoreMain() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedMongo store = EmbeddedMongo.start(Path.of(args[0]), Integer.parseInt(args[1]));
        Runtime.getRuntime().addShutdownHook(new Thread(store::close, "store-stop"));
        System.out.println("store listening on " + store.port());
        Thread.currentThread().join();
    }
}
