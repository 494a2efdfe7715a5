package org.hotline.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MongoStoreTest {

    @TempDir
    Path dir;

    @Test
    void pingsAndIndexesTheCallsCollection() {
        try (MongoStore store = TestMongo.openStore()) {
            assertThat(store.ping()).isTrue();
            assertThat(store.indexed()).isTrue();
            assertThat(indexKeys(store)).contains(
                    new Document("arrivalAt", 1).append("_id", 1),
                    new Document("endedAt", 1),
                    new Document("caller.number", 1).append("arrivalAt", -1));
            store.database().drop();
        }
    }

    @Test
    void pingAnswersFalseFastWhenNothingListens() throws IOException {
        try (MongoStore store = new MongoStore("mongodb://127.0.0.1:" + freePort(), "hotline")) {
            long start = System.nanoTime();

            assertThat(store.ping()).isFalse();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
            assertThat(store.indexed()).isFalse();
        }
    }

    @Test
    void createsTheIndexesOnceMongoAnswers() throws IOException {
        int port = freePort();
        try (MongoStore store = new MongoStore("mongodb://127.0.0.1:" + port + "/?serverSelectionTimeoutMS=300", "hotline")) {
            assertThat(store.indexed()).isFalse();

            try (EmbeddedMongo ignored = EmbeddedMongo.start(dir, port)) {
                // the driver notices a server that came back within its heartbeat; a health check polls
                await().atMost(Duration.ofSeconds(15)).until(store::ping);
                assertThat(store.indexed()).isTrue();
                assertThat(indexKeys(store)).contains(new Document("endedAt", 1));
            }
        }
    }

    private static List<Document> indexKeys(MongoStore store) {
        List<Document> keys = new ArrayList<>();
        store.calls().listIndexes().forEach(index -> keys.add(index.get("key", Document.class)));
        return keys;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
