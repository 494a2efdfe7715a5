package org.hotline.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedMongoTest {

    @TempDir
    Path dir;

    @Test
    void listensOnLoopbackOnly() {
        try (EmbeddedMongo mongo = EmbeddedMongo.start(dir)) {
            assertThat(mongo.connectionString()).isEqualTo("mongodb://127.0.0.1:" + mongo.port());
            assertThat(mongo.file()).isEqualTo(dir.resolve("hotline.mv"));
        }
    }

    @Test
    void dataSurvivesCloseAndReopenOnTheSameDirectory() {
        try (EmbeddedMongo mongo = EmbeddedMongo.start(dir); MongoClient client = MongoClients.create(mongo.connectionString())) {
            calls(client).insertOne(new Document("_id", "1700000000.1").append("caller", "张三"));
        }

        try (EmbeddedMongo mongo = EmbeddedMongo.start(dir); MongoClient client = MongoClients.create(mongo.connectionString())) {
            assertThat(calls(client).find(new Document("_id", "1700000000.1")).first())
                    .containsEntry("caller", "张三");
        }
    }

    @Test
    void createsTheDataDirectory() {
        Path nested = dir.resolve("var/data");
        try (EmbeddedMongo ignored = EmbeddedMongo.start(nested)) {
            assertThat(nested.resolve("hotline.mv")).exists();
        }
    }

    @Test
    void refusesAFileAnotherServerInThisProcessHolds() {
        try (EmbeddedMongo ignored = EmbeddedMongo.start(dir)) {
            assertThatThrownBy(() -> EmbeddedMongo.start(dir))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("locked by another process")
                    .hasMessageContaining(dir.toString());
        }
    }

    @Test
    void refusesAFileThatAnotherProcessLocks() throws Exception {
        Path holder = Files.writeString(dir.resolve("Hold.java"), """
                import java.nio.channels.FileChannel;
                import java.nio.file.Path;
                import java.nio.file.StandardOpenOption;
                public class Hold {
                    public static void main(String[] args) throws Exception {
                        try (FileChannel file = FileChannel.open(Path.of(args[0]), StandardOpenOption.CREATE,
                                StandardOpenOption.READ, StandardOpenOption.WRITE); var lock = file.lock()) {
                            System.out.println("locked");
                            System.in.read(); // holds the lock until the test closes our input
                        }
                    }
                }
                """);
        String java = ProcessHandle.current().info().command().orElse("java");
        Process other = new ProcessBuilder(java, holder.toString(), dir.resolve("hotline.mv").toString())
                .redirectErrorStream(true).start();
        try (BufferedReader output = new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(output.readLine()).isEqualTo("locked");

            assertThatThrownBy(() -> EmbeddedMongo.start(dir))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("locked by another process");
        } finally {
            other.destroy();
            other.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void refusesADataDirectoryThatCannotBeCreated() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-directory"), "x");

        assertThatThrownBy(() -> EmbeddedMongo.start(file.resolve("data")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot create the data directory")
                .hasMessageContaining(file.toString());
    }

    private static MongoCollection<Document> calls(MongoClient client) {
        return client.getDatabase("hotline").getCollection("calls");
    }
}
