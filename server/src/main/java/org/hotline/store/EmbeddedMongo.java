package org.hotline.store;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MongoDB-compatible server inside this process that keeps its data in one H2 file, so an
 * install without a MongoDB server still keeps its call records across restarts. It listens on
 * the loopback address only: nothing outside this machine may reach it. Writes reach the file
 * within a fraction of a second, and all of them on {@link #close()}.
 */
public final class EmbeddedMongo implements AutoCloseable {

    /** The store's file inside the data directory. */
    static final String FILE_NAME = "hotline.mv";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongo.class);
    private static final String HOST = "127.0.0.1";
    /** H2 writes changes to the file in the background after this long (its default is 1 s). */
    private static final int COMMIT_DELAY_MILLIS = 200;

    private final MongoServer server;
    private final Path file;
    private final int port;

    private EmbeddedMongo(MongoServer server, Path file, int port) {
        this.server = server;
        this.file = file;
        this.port = port;
    }

    /** Starts on a free port. */
    public static EmbeddedMongo start(Path dataDir) {
        return start(dataDir, 0);
    }

    /**
     * Starts on {@code port} (0 for a free one).
     *
     * @throws IllegalStateException when the directory cannot be written, the file is in use by
     *                               another server, or the port cannot be bound
     */
    public static EmbeddedMongo start(Path dataDir, int port) {
        Path file = writableFile(dataDir);
        MVStore store = open(file);
        MongoServer server = new MongoServer(new H2Backend(store));
        try {
            server.bind(HOST, port);
        } catch (Exception e) { // Netty throws BindException unchecked
            server.shutdownNow(); // also closes the store, releasing its file lock
            throw new IllegalStateException("embedded MongoDB cannot listen on " + HOST + ":" + port + ": " + e.getMessage(), e);
        }
        int bound = server.getLocalAddress().getPort();
        log.info("embedded MongoDB on {}:{}, data in {}", HOST, bound, file);
        return new EmbeddedMongo(server, file, bound);
    }

    public String connectionString() {
        return "mongodb://" + HOST + ":" + port;
    }

    public int port() {
        return port;
    }

    public Path file() {
        return file;
    }

    /** Stops listening and closes the file; what was written is on disk after this returns. */
    @Override
    public void close() {
        server.shutdownNow();
    }

    private static Path writableFile(Path dataDir) {
        Path dir = dataDir.toAbsolutePath().normalize();
        try {
            org.hotline.config.OwnerOnly.directory(dir); // customers' data: the server's user's only
        } catch (RuntimeException e) {
            throw new IllegalStateException("embedded MongoDB: cannot create the data directory " + dir + " (" + e + ")", e);
        }
        Path file = dir.resolve(FILE_NAME);
        if (!Files.isWritable(dir) || (Files.exists(file) && !Files.isWritable(file))) {
            throw new IllegalStateException("embedded MongoDB: the data directory " + dir + " is not writable");
        }
        return file;
    }

    private static MVStore open(Path file) {
        try {
            MVStore store = new MVStore.Builder().fileName(file.toString()).open();
            org.hotline.config.OwnerOnly.file(file); // H2 makes it with the umask's mode
            // the server runs in the hotline's own process: a crash loses what was not yet on disk
            store.setAutoCommitDelay(COMMIT_DELAY_MILLIS);
            return store;
        } catch (MVStoreException e) {
            if (e.getErrorCode() == DataUtils.ERROR_FILE_LOCKED) {
                throw new IllegalStateException("embedded MongoDB: " + file
                        + " is locked by another process (is another hotline server running on this data directory?)", e);
            }
            throw new IllegalStateException("embedded MongoDB: cannot open " + file + ": " + e.getMessage(), e);
        }
    }
}
