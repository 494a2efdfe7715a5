package org.hotline.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreSpoolTest {

    private static final WriteRetry QUICK = new WriteRetry(Duration.ofMillis(5), Duration.ofMillis(20));

    @TempDir
    Path dir;

    /** A store that takes batches, or fails while it is away. */
    private static final class Store implements StoreSpool.Batches {
        final AtomicBoolean away = new AtomicBoolean();
        final List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());
        final List<Integer> written = Collections.synchronizedList(new ArrayList<>());

        @Override
        public int write(List<Document> entries) {
            List<Integer> numbers = entries.stream().map(entry -> entry.getInteger("n")).toList();
            batches.add(numbers);
            if (away.get()) {
                throw new MongoException("the store is away");
            }
            written.addAll(numbers);
            return entries.size();
        }
    }

    private static Document entry(int n) {
        return new Document(StoreSpool.TYPE, "test").append("n", n);
    }

    @Test
    void writesWaitingOneBehindAnotherGoInBatchesInTheOrderTheyWereAdded() throws Exception {
        Store store = new Store();
        store.away.set(true);
        try (StoreSpool spool = new StoreSpool(SpoolFile.open(dir.resolve("a.spool")), QUICK)) {
            spool.writeBatchesWith("test", store).start();
            IntStream.range(0, 1_200).forEach(n -> spool.add(entry(n)));
            assertThat(spool.awaitIdle(Duration.ofMillis(200))).isFalse();
            store.away.set(false);
            assertThat(spool.awaitIdle(Duration.ofSeconds(10))).isTrue();
        }
        assertThat(store.written).containsExactlyElementsOf(IntStream.range(0, 1_200).boxed().toList());
        assertThat(store.batches.getLast()).hasSizeGreaterThan(1);
        assertThat(store.batches).allSatisfy(batch -> assertThat(batch).hasSizeLessThanOrEqualTo(500));
    }

    @Test
    void aFailedBatchIsTriedAgainWhole() throws Exception {
        Store store = new Store();
        store.away.set(true);
        try (StoreSpool spool = new StoreSpool(null, QUICK)) {
            spool.writeBatchesWith("test", store);
            IntStream.range(0, 10).forEach(n -> spool.add(entry(n)));
            spool.start();
            while (store.batches.size() < 3) {
                Thread.sleep(5);
            }
            store.away.set(false);
            assertThat(spool.awaitIdle(Duration.ofSeconds(10))).isTrue();
        }
        List<Integer> all = IntStream.range(0, 10).boxed().toList();
        assertThat(store.batches).allSatisfy(batch -> assertThat(batch).isEqualTo(all));
        assertThat(store.written).isEqualTo(all);
    }

    @Test
    void aWriterThatTakesPartOfABatchIsHandedTheRestNext() throws Exception {
        List<List<Integer>> handed = Collections.synchronizedList(new ArrayList<>());
        try (StoreSpool spool = new StoreSpool(SpoolFile.open(dir.resolve("b.spool")), QUICK)) {
            spool.writeBatchesWith("test", entries -> {
                handed.add(entries.stream().map(entry -> entry.getInteger("n")).toList());
                return Math.min(2, entries.size()); // e.g. a bulk write that stopped at a replayed event
            });
            IntStream.range(0, 7).forEach(n -> spool.add(entry(n)));
            spool.start();
            assertThat(spool.awaitIdle(Duration.ofSeconds(10))).isTrue();
        }
        assertThat(handed.stream().map(List::getFirst).toList()).containsExactly(0, 2, 4, 6);
    }

    @Test
    void whileTheStoreIsAwayMemoryHoldsAtMostTheBoundAndTheFileKeepsTheRestInOrder() throws Exception {
        Store store = new Store();
        store.away.set(true);
        Path file = dir.resolve("c.spool");
        try (StoreSpool spool = new StoreSpool(SpoolFile.open(file), QUICK, 100)) {
            spool.writeBatchesWith("test", store).start();
            for (int n = 0; n < 3_000; n++) {
                spool.add(entry(n));
                assertThat(spool.heldInMemory()).isLessThanOrEqualTo(100);
            }
            while (Files.readAllLines(file).size() < 3_000) {
                Thread.sleep(10);
            }
            assertThat(spool.heldInMemory()).isEqualTo(100);
            assertThat(spool.waiting()).isEqualTo(3_000);

            store.away.set(false);
            assertThat(spool.awaitIdle(Duration.ofSeconds(20))).isTrue();
            assertThat(spool.heldInMemory()).isZero();
        }
        assertThat(store.written).containsExactlyElementsOf(IntStream.range(0, 3_000).boxed().toList());
        assertThat(Files.size(file)).isZero();
    }

    @Test
    void aLargeSpoolLeftByAKilledServerIsReadBackWithinTheBoundAndWrittenInOrder() throws Exception {
        Path file = dir.resolve("d.spool");
        Files.write(file, IntStream.range(0, 1_000).mapToObj(n -> StoreSpool.line(entry(n))).toList());
        Store store = new Store();
        List<Integer> heldSeen = Collections.synchronizedList(new ArrayList<>());
        try (StoreSpool spool = new StoreSpool(SpoolFile.open(file), QUICK, 64)) {
            spool.writeBatchesWith("test", entries -> {
                heldSeen.add(entries.size());
                return store.write(entries);
            });
            spool.start();
            assertThat(spool.replayedAtStart()).isEqualTo(1_000);
            assertThat(spool.awaitIdle(Duration.ofSeconds(10))).isTrue();
        }
        assertThat(store.written).containsExactlyElementsOf(IntStream.range(0, 1_000).boxed().toList());
        assertThat(heldSeen).allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(64));
        assertThat(Files.size(file)).isZero();
    }
}
