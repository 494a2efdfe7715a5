package org.hotline.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The MongoDB that tests share, started once per test JVM and stopped when it exits: the one
 * {@code MONGO_URI} names; else MongoDB 7 in a container when Docker is available; else the
 * embedded server with its H2 file in a temporary directory. Tests keep apart by each using a
 * database of its own ({@link #openStore()}).
 */
public final class TestMongo {

    private static final Logger log = LoggerFactory.getLogger(TestMongo.class);
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    private static String connectionString;

    private TestMongo() {
    }

    public static synchronized String connectionString() {
        if (connectionString == null) {
            connectionString = start();
        }
        return connectionString;
    }

    /** A database name no other test uses, also across test runs against one server. */
    public static String freshDatabaseName() {
        return "hotline_test_" + RUN + "_" + DATABASES.incrementAndGet();
    }

    /** A store on a fresh database; the caller closes it (and may drop the database first). */
    public static MongoStore openStore() {
        return new MongoStore(connectionString(), freshDatabaseName());
    }

    private static String start() {
        String uri = System.getenv("MONGO_URI");
        if (uri != null && !uri.isBlank()) {
            log.info("tests use the MongoDB named by MONGO_URI"); // the URI itself may hold a password
            return uri;
        }
        if (dockerAvailable()) {
            MongoDBContainer container = new MongoDBContainer("mongo:7");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "test-mongo-stop"));
            log.info("tests use MongoDB 7 in a container");
            return container.getConnectionString();
        }
        Path dir = temporaryDirectory();
        EmbeddedMongo embedded = EmbeddedMongo.start(dir);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            embedded.close();
            delete(dir);
        }, "test-mongo-stop"));
        log.info("tests use the embedded MongoDB (H2 file backend) in {}", dir);
        return embedded.connectionString();
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("hotline-test-mongo");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind is harmless
        }
    }
}
